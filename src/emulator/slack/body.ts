import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Bigger than any file the product uploads (CSV exports of 100k jobs). */
const BODY_LIMIT = 200 * 1024 * 1024;

/** Form fields that Slack's clients send as JSON strings. */
const JSON_FIELDS = ['blocks', 'attachments', 'files'];

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > BODY_LIMIT) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Web API arguments from a form-encoded or JSON body, with JSON-string fields decoded (a field that
 * is not valid JSON stays a string so validation reports it). Undefined when a JSON body is broken.
 */
export function parseApiArgs(
  contentType: string | undefined,
  raw: Buffer,
): Record<string, unknown> | undefined {
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) {
    try {
      const value: unknown = text === '' ? {} : JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    args[key] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // left as a string: the method answers invalid_blocks_format / invalid_arguments
    }
  }
  return args;
}

/** The token from `Authorization: Bearer …`, else from the `token` argument. */
export function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  return typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
}

/** File bytes from an upload: the first file part of a multipart body, else the raw body. */
export async function uploadedBytes(contentType: string | undefined, raw: Buffer): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = form.values().next().value;
  return Buffer.from(typeof first === 'string' ? first : '');
}
