import type { IncomingMessage } from 'node:http';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Why a request that changes something (a command, a click) is refused, or undefined when it comes
 * from the playground's own page. Any page the browser shows may post here: a page of another site
 * can send a form or a `text/plain` body without asking first, but not `application/json`, which
 * needs a CORS preflight that the playground never grants. The browser says where a request comes
 * from in `Sec-Fetch-Site` and `Origin`: anything but this origin is refused. A client outside a
 * browser (curl, a test) sends neither and is taken at its word, like any client of a local server.
 */
export function crossSiteRefusal(req: IncomingMessage): string | undefined {
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return `refused: a ${site} request`;
  const origin = header(req, 'origin');
  if (origin !== undefined && !sameHost(origin, header(req, 'host')))
    return 'refused: a request from another origin';
  const type = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return 'refused: send the body as application/json';
  return undefined;
}
