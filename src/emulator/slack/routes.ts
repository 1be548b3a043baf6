import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleApi } from './api/router.js';
import { readBody, uploadedBytes } from './body.js';
import { handleResponseUrl } from './response-urls.js';
import { sendJson } from './send.js';
import { countCall, type StandInState } from './state.js';

/** Step 2 of files.uploadV2: the client POSTs the bytes (multipart from @slack/web-api, or raw). */
async function upload(req: IncomingMessage, res: ServerResponse, id: string, state: StandInState) {
  countCall(state, 'file_upload');
  const data = await uploadedBytes(req.headers['content-type'], await readBody(req));
  if (!state.files.receive(id, data)) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(`OK - ${data.length}`);
}

function download(res: ServerResponse, id: string, attachment: boolean, state: StandInState) {
  const file = state.files.get(id);
  if (!file?.completed || !file.data) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
  const disposition = `${attachment ? 'attachment' : 'inline'}; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`;
  res.writeHead(200, {
    'Content-Type': file.mimetype,
    'Content-Length': file.data.length,
    'Content-Disposition': disposition,
  });
  res.end(file.data);
}

/** A message's permalink (chat.getPermalink) opens its channel in the playground. */
function openChannel(res: ServerResponse, channel: string) {
  res.writeHead(302, { Location: `/#${channel}` });
  res.end();
}

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, state: StandInState) => unknown;
}

const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/api\/([\w.]+)$/, run: (req, res, m, s) => handleApi(req, res, m[1]!, s) },
  { method: 'POST', pattern: /^\/upload\/v1\/(\w+)$/, run: (req, res, m, s) => upload(req, res, m[1]!, s) },
  {
    method: 'POST',
    pattern: /^\/(commands|actions)\//,
    run: (req, res, m, s) => handleResponseUrl(req, res, m.input, s),
  },
  {
    method: 'GET',
    pattern: /^\/archives\/(\w+)\/p\d+$/,
    run: (_req, res, m) => openChannel(res, m[1]!),
  },
  {
    method: 'GET',
    pattern: /^\/files\/(\w+)\/(download\/)?[^/]+$/,
    run: (_req, res, m, s) => download(res, m[1]!, !!m[2], s),
  },
];

async function route(req: IncomingMessage, res: ServerResponse, state: StandInState): Promise<boolean> {
  const path = new URL(req.url ?? '/', state.baseUrl).pathname;
  for (const r of ROUTES) {
    const match = req.method === r.method ? r.pattern.exec(path) : null;
    if (!match) continue;
    await r.run(req, res, match, state);
    return true;
  }
  return false;
}

/**
 * The stand-in's HTTP handler: Web API, uploads, downloads and response_urls. Anything else goes to
 * `fallback` (the playground mounts its pages there) or gets a 404.
 */
export function createListener(state: StandInState, fallback?: RequestListener): RequestListener {
  return (req, res) => {
    route(req, res, state)
      .then((handled) => {
        if (handled) return;
        if (fallback) fallback(req, res);
        else sendJson(res, 404, { ok: false, error: 'not_found' });
      })
      .catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { ok: false, error: 'fatal_error', detail: String(err) });
      });
  };
}
