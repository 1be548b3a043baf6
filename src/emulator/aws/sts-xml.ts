import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** The namespace of every STS 2011-06-15 response. */
const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An STS failure as the query protocol sends it: an XML ErrorResponse with a Code and a status. */
export class StsError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'StsError';
    this.code = code;
    this.status = status;
  }
}

/** Text content escaped for XML (quotes need no escaping outside attributes). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<Name>value</Name>` for each member, in order, each value escaped. */
export function leaves(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
}

function send(res: ServerResponse, status: number, body: string, requestId: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` with status 200. */
export function sendStsResult(res: ServerResponse, action: string, result: string): void {
  const id = randomUUID();
  const body =
    `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${action}Response>`;
  send(res, 200, body, id);
}

export function sendStsError(res: ServerResponse, err: StsError): void {
  const id = randomUUID();
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${escapeXml(err.code)}</Code>` +
    `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
  send(res, err.status, body, id);
}

/** An STS timestamp: ISO-8601 UTC to the second, as `2026-11-23T11:00:00Z`. */
export function stsTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
