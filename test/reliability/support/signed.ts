import http from 'node:http';
import { slackSignatureHeaders } from '../../../src/emulator/slack/index.js';

export { clickBody, commandBody } from '../../../bench/signed-sender.js';

/** What the bot's HTTP endpoint answered, or `status: 0` with the socket error when it did not. */
export interface HttpOutcome {
  status: number;
  ms: number;
  text: string;
  error?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request to `/slack/events` with exactly this method, these headers and this body. */
export function postRaw(
  botUrl: string,
  body: string | Buffer,
  headers: Record<string, string>,
  method = 'POST',
): Promise<HttpOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${botUrl}/slack/events`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (err) =>
      resolve({ status: 0, ms: performance.now() - started, text: '', error: err.message }),
    );
    req.end(body);
  });
}

/** Headers Slack sends with a form body, signed with `secret` at `timestamp` (seconds). */
export function signedHeaders(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    ...slackSignatureHeaders(secret, timestamp, body),
  };
}

/** A correctly signed form POST, as Slack makes it. */
export function postSigned(botUrl: string, secret: string, body: string): Promise<HttpOutcome> {
  return postRaw(botUrl, body, signedHeaders(secret, body));
}
