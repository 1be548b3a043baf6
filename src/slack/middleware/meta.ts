import { createHash, randomUUID } from 'node:crypto';
import type { BufferedIncomingMessage } from '@slack/bolt';
import type { RequestMeta } from '../requests.js';

/** The context key the receivers put a request's {@link RequestMeta} under. */
export const META = 'bjRequest';

function hashed(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 40);
}

function header(req: BufferedIncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/**
 * HTTP: the request's key is the (timestamp, HMAC) pair Bolt verified, read the way Bolt reads it
 * (`v0=<hmac>`, anything after a second `=` ignored), so a decorated copy of a signature is the
 * same request, not a new one.
 */
export function httpMeta(req: BufferedIncomingMessage): Record<typeof META, RequestMeta> {
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  const hmac = header(req, 'x-slack-signature').split('=')[1] ?? '';
  return {
    [META]: { key: hmac ? hashed(`${timestamp}:${hmac}`) : hashed(randomUUID()), receivedAt: Date.now() },
  };
}

/** Socket Mode: the envelope id is the request's key (Slack resends an unacknowledged envelope). */
export function socketMeta(args: { envelope_id?: unknown }): Record<typeof META, RequestMeta> {
  const envelope = typeof args.envelope_id === 'string' && args.envelope_id ? args.envelope_id : randomUUID();
  return { [META]: { key: hashed(`envelope:${envelope}`), receivedAt: Date.now() } };
}

export function metaOf(context: Record<string, unknown>): RequestMeta {
  const meta = context[META] as RequestMeta | undefined;
  return meta ?? { key: hashed(randomUUID()), receivedAt: Date.now() };
}
