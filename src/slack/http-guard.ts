import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

/** How long Bolt gets to answer a body it cannot read as an object before this answers for it. */
const NULL_BODY_GRACE_MS = 100;

function reply(res: ServerResponse, status: number, text: string) {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' });
  res.end(text);
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

/**
 * Two gaps of Bolt's HTTPReceiver (5.1), closed in front of it rather than by a receiver of our own:
 * - a body announced larger than the limit is answered 413 while its rest is read and dropped, so
 *   the client gets the answer instead of a connection reset mid-upload;
 * - a signed body that parses to JSON `null` makes Bolt fail in a promise of its own and never
 *   answer: it gets a 400.
 */
export function guardHttpReceiver(receiver: HTTPReceiver, path: string, bodyLimit: number): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) return inner(req, res);
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > bodyLimit) {
      req.resume();
      req.once('end', () => reply(res, 413, 'request body too large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= bodyLimit) chunks.push(chunk);
    });
    req.once('end', () => {
      if (
        size > bodyLimit ||
        !parsesToNothing(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'])
      )
        return;
      setTimeout(() => reply(res, 400, 'malformed body'), NULL_BODY_GRACE_MS).unref();
    });
    inner(req, res);
  };
}
