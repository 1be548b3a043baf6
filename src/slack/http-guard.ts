import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/** How long Bolt gets to answer a body it cannot read as an object before this answers for it. */
const NULL_BODY_GRACE_MS = 100;

/**
 * Slack's rule: a request stamped more than five minutes from this machine's clock, either way, is
 * not Slack's of now. Bolt refuses old stamps only; both are refused here, before the body is read.
 */
const MAX_SKEW_SEC = 300;

export interface HttpGuardOptions {
  /** The largest body read. */
  bodyLimit: number;
  /** Bodies being read at once; one more cuts off the one that has been arriving longest. */
  maxBodiesInFlight: number;
  /** Slack sends a body in milliseconds: one still arriving after this is cut off with a 408. */
  bodyDeadlineMs: number;
  nowSec?: () => number;
}

/**
 * 128 bodies of at most 256 KiB each bound what unauthenticated senders can make the bot hold
 * to 32 MiB, however many connections they open.
 */
export const HTTP_GUARD_DEFAULTS = { maxBodiesInFlight: 128, bodyDeadlineMs: 5000 } as const;

function reply(res: ServerResponse, status: number, text: string) {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' });
  res.end(text);
}

/** Refuses a request, drops its connection once the answer is out, and reads none of its body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string) {
  reply(res, status, text);
  res.once('finish', () => req.destroy());
}

/** What Bolt's body parser makes of a body: a form's `payload` JSON, a JSON body, or the form. */
function parsesToNothing(raw: string, contentType: string | undefined): boolean {
  try {
    if (contentType?.startsWith('application/json')) return JSON.parse(raw) == null;
    const payload = new URLSearchParams(raw).get('payload');
    return payload !== null && JSON.parse(payload) == null;
  } catch {
    return false;
  }
}

/** A body that parses to `null` is a few bytes: longer ones are not kept for the check. */
const NULL_CHECK_BYTES = 1024;

/**
 * What a signed request has before its body: a `v0=` signature of 64 hex digits (Bolt reads only
 * those) and a timestamp within five minutes of now (a stale one could be a replay, a future one
 * would stay replayable for as long as it lies ahead). Anything else cannot verify, so its body is not read.
 */
function mayBeSigned(req: IncomingMessage, nowSec: number): boolean {
  const signature = req.headers['x-slack-signature'];
  const stamp = Number(req.headers['x-slack-request-timestamp']);
  return (
    typeof signature === 'string' &&
    /^v0=[0-9a-f]{64}/.test(signature) &&
    Number.isSafeInteger(stamp) &&
    Math.abs(nowSec - stamp) <= MAX_SKEW_SEC
  );
}

/**
 * Gaps of Bolt's HTTPReceiver (5.1), closed in front of it rather than by a receiver of our own:
 * - a request without a well-formed signature header stamped within five minutes of now is answered
 *   401 before its body is read;
 * - a body announced larger than the limit is answered 413 while its rest is read and dropped, so
 *   the client gets the answer instead of a connection reset mid-upload;
 * - at most `maxBodiesInFlight` bodies are read at once (a new one cuts off the oldest), each within
 *   `bodyDeadlineMs` (408 after), so slow or idle senders cannot make the process hold unbounded
 *   memory, nor keep Slack's own requests out;
 * - a signed body that parses to JSON `null` makes Bolt fail in a promise of its own and never
 *   answer: it gets a 400.
 */
export function guardHttpReceiver(receiver: HTTPReceiver, path: string, options: HttpGuardOptions): void {
  const inner = receiver.requestListener;
  const nowSec = options.nowSec ?? (() => Math.floor(Date.now() / 1000));
  /** Bodies being read, oldest first: each entry cuts its request off. */
  const reading = new Set<() => void>();
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return inner(req, res);
    if (!mayBeSigned(req, nowSec())) return refuse(req, res, 401, 'missing, stale or future Slack signature');
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > options.bodyLimit) {
      req.resume();
      req.once('end', () => reply(res, 413, 'request body too large'));
      return;
    }
    // Full: the body that has been arriving longest makes room. Slack's bodies arrive in
    // milliseconds, so under a flood of slow senders its requests still get in and are read.
    if (reading.size >= options.maxBodiesInFlight) reading.values().next().value?.();
    const cutOff = () => {
      done();
      // Bolt is reading this body and will answer its end: the 408 goes to the socket directly, as
      // Node's own request timeout does, so that Bolt's late answer finds nothing to write to.
      req.socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      req.socket.destroySoon();
    };
    const done = () => {
      reading.delete(cutOff);
      clearTimeout(deadline);
    };
    reading.add(cutOff);
    const deadline = setTimeout(cutOff, options.bodyDeadlineMs);
    deadline.unref();
    req.once('end', done);
    req.once('close', done);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= NULL_CHECK_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => {
      if (
        size > NULL_CHECK_BYTES ||
        !parsesToNothing(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'])
      )
        return;
      setTimeout(() => reply(res, 400, 'malformed body'), NULL_BODY_GRACE_MS).unref();
    });
    inner(req, res);
  };
}
