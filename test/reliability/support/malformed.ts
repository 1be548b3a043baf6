import { slackSignatureHeaders } from '../../../src/emulator/slack/index.js';
import { commandBody, signedHeaders } from './signed.js';

/** A raw request to the bot and the statuses it may get back. */
export interface RawRequest {
  label: string;
  method?: string;
  body: string;
  headers: Record<string, string>;
  /** Allowed HTTP statuses; every case allows no 5xx and no dropped connection. */
  allowed: (status: number) => boolean;
  /** The response_url id, when a clear answer must arrive there after a 2xx. */
  answerId?: string;
}

const is4xx = (s: number) => s >= 400 && s < 500;
const is401 = (s: number) => s === 401;
const is2xxOr4xx = (s: number) => (s >= 200 && s < 300) || is4xx(s);

const FORM = 'application/x-www-form-urlencoded';

/** Forged, expired and broken signatures on an otherwise good command. */
export function badSignatures(secret: string, url: string): RawRequest[] {
  const body = commandBody('help', url);
  const now = Math.floor(Date.now() / 1000);
  const good = slackSignatureHeaders(secret, now, body);
  const cases: [string, Record<string, string>, string?][] = [
    ['no signature headers', {}],
    ['signed with another secret', slackSignatureHeaders(`${secret}x`, now, body)],
    ['body changed after signing', good, `${body}&text=summary`],
    ['6 minutes old', slackSignatureHeaders(secret, now - 360, body)],
    ['a day old', slackSignatureHeaders(secret, now - 86_400, body)],
    ['version v1', { ...good, 'X-Slack-Signature': good['X-Slack-Signature'].replace('v0=', 'v1=') }],
    ['not hex', { ...good, 'X-Slack-Signature': `v0=${'z'.repeat(64)}` }],
    ['empty signature', { ...good, 'X-Slack-Signature': '' }],
    ['timestamp not a number', { ...good, 'X-Slack-Request-Timestamp': 'soon' }],
    ['timestamp other than signed', { ...good, 'X-Slack-Request-Timestamp': String(now - 1) }],
  ];
  return cases.map(([label, headers, changed]) => ({
    label: `signature: ${label}`,
    body: changed ?? body,
    headers: { 'Content-Type': FORM, ...headers },
    allowed: is401,
  }));
}

/** Signed bodies that are not what Slack sends. `url(id)` gives a response_url on the sink. */
export function malformedBodies(secret: string, url: (id: string) => string): RawRequest[] {
  const signed = (label: string, body: string, contentType = FORM, allowed = is2xxOr4xx): RawRequest => ({
    label,
    body,
    headers: { ...signedHeaders(secret, body), 'Content-Type': contentType },
    allowed,
  });
  const command = new URLSearchParams(commandBody('help', url('malformed')));
  const without = (key: string) => {
    const copy = new URLSearchParams(command);
    copy.delete(key);
    return copy.toString();
  };
  const withValue = (key: string, value: string) => {
    const copy = new URLSearchParams(command);
    copy.set(key, value);
    return copy.toString();
  };
  return [
    signed('payload= bad JSON', 'payload=%7B%22type%22%3A', FORM, is4xx),
    signed('payload=null', 'payload=null'),
    signed('payload=1', 'payload=1'),
    signed('payload="x"', 'payload=%22x%22'),
    signed('payload=[]', 'payload=%5B%5D'),
    signed('payload={}', 'payload=%7B%7D'),
    signed('JSON content type, form body', command.toString(), 'application/json', is4xx),
    signed('JSON command', JSON.stringify(Object.fromEntries(command)), 'application/json'),
    signed('text/plain', command.toString(), 'text/plain'),
    signed('multipart', command.toString(), 'multipart/form-data; boundary=x'),
    signed('charset=utf-8', command.toString(), `${FORM}; charset=utf-8`),
    signed('empty body', ''),
    signed('only separators', '&&&=&='),
    signed('fields twice', `${command.toString()}&command=%2Fother&text=summary`),
    signed('no command', without('command')),
    signed('another command', withValue('command', '/other')),
    signed('no response_url', without('response_url')),
    signed('response_url refuses', withValue('response_url', 'http://127.0.0.1:9/nowhere')),
    signed('response_url not a URL', withValue('response_url', 'javascript:alert(1)')),
    signed('no user', without('user_id')),
    signed('no team', without('team_id')),
    signed('broken percent-encoding', `${without('text')}&text=%E0%A4%A`),
    signed('ssl_check', 'ssl_check=1&token=x', FORM, (s) => s === 200),
    signed(
      'url_verification',
      '{"type":"url_verification","challenge":"c1"}',
      'application/json',
      (s) => s === 200,
    ),
    signed('event callback', '{"type":"event_callback","event":{"type":"app_mention"}}', 'application/json'),
    { label: 'GET', method: 'GET', body: '', headers: {}, allowed: is4xx },
    {
      label: 'PUT',
      method: 'PUT',
      body: command.toString(),
      headers: { 'Content-Type': FORM },
      allowed: is4xx,
    },
  ];
}

/** 1 MB (a long command text, signed) and 2 MB (signed and not) bodies. */
export function bigBodies(secret: string, url: (id: string) => string): RawRequest[] {
  const oneMb = commandBody(`failed ${'x'.repeat(999_000)}`, url('one-mb'));
  const twoMb = commandBody(`failed ${'x'.repeat(2_000_000)}`, url('two-mb'));
  return [
    {
      label: '1 MB command',
      body: oneMb,
      headers: signedHeaders(secret, oneMb),
      allowed: is2xxOr4xx,
      answerId: 'one-mb',
    },
    { label: '2 MB command', body: twoMb, headers: signedHeaders(secret, twoMb), allowed: is4xx },
    { label: '2 MB unsigned', body: twoMb, headers: { 'Content-Type': FORM }, allowed: is4xx },
  ];
}
