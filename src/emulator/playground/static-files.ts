import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Only flat, known names: no path can reach outside the directory. */
const ASSET = /^[a-z0-9][a-z0-9-]*\.(?:html|js|css|svg)$/;

/**
 * The page's scripts and styles may load only from this origin; images may also come from the web
 * (image blocks point anywhere) and from data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: http: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Where the page's assets are: beside this module (running from src/ with tsx, or from dist/ when the
 * build copied them), else back in the source tree (a build that compiled only the TypeScript).
 */
export function resolveStaticDir(moduleUrl: string = import.meta.url): string {
  const candidates = [
    fileURLToPath(new URL('./static/', moduleUrl)),
    fileURLToPath(new URL('../../../src/emulator/playground/static/', moduleUrl)),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`playground assets not found in ${candidates.join(' or ')}`);
  return found;
}

/** Serves one asset by name; false when there is no such asset. */
export async function serveAsset(res: ServerResponse, dir: string, name: string): Promise<boolean> {
  if (!ASSET.test(name)) return false;
  let body: Buffer;
  try {
    body = await readFile(join(dir, name));
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
  return true;
}
