import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStandIn } from '../slack/index.js';
import { sendJson } from '../slack/send.js';
import { type ApiContext, click, command, messages, workspace } from './api.js';
import { createEventHub } from './events.js';
import { crossSiteRefusal } from './same-origin.js';
import { resolveStaticDir, serveAsset } from './static-files.js';
import { close, homeOpen, submit, views } from './view-api.js';

export type { SurfaceView, UserSurfaces } from './surfaces.js';
export type { FileView, MessageView } from './views.js';

/** Where the page's JSON API and event stream live, beside the stand-in's own routes. */
export const PLAYGROUND_API = '/_playground/api';

export interface PlaygroundOptions {
  slack: SlackStandIn;
  /** The page title and the name in the sidebar. @defaultValue `backup-jobs playground` */
  title?: string;
  /** Who the page shows the workspace as at first (the page can switch). @defaultValue `U0ALICE` */
  currentUser?: string;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

async function route(ctx: ApiContext, dir: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://playground.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (method === 'GET' && (path === '/' || path === '/index.html'))
    return (
      (await serveAsset(res, dir, 'index.html')) || sendJson(res, 404, { ok: false, error: 'not_found' })
    );
  if (method === 'GET' && path.startsWith('/static/')) {
    if (await serveAsset(res, dir, path.slice('/static/'.length))) return;
  }
  if (method === 'GET' && path === '/favicon.ico') {
    res.writeHead(301, { Location: '/static/favicon.svg' });
    return res.end();
  }
  if (path.startsWith(`${PLAYGROUND_API}/`)) {
    const name = path.slice(PLAYGROUND_API.length + 1);
    const refused = method === 'GET' ? undefined : crossSiteRefusal(req);
    if (refused) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(refused);
    }
    if (method === 'GET' && name === 'workspace') return sendJson(res, 200, workspace(ctx));
    if (method === 'GET' && name === 'messages') {
      const list = messages(ctx, url);
      return list ? sendJson(res, 200, list) : sendJson(res, 404, { ok: false, error: 'channel_not_found' });
    }
    if (method === 'GET' && name === 'views') {
      const found = views(ctx, url);
      return found ? sendJson(res, 200, found) : sendJson(res, 404, { ok: false, error: 'user_not_found' });
    }
    if (method === 'GET' && name === 'events')
      return ctx.hub.stream(req, res, url.searchParams.get('user') ?? ctx.currentUser);
    if (method === 'POST' && name === 'command') return command(ctx, req, res);
    if (method === 'POST' && name === 'click') return click(ctx, req, res);
    if (method === 'POST' && name === 'view-submit') return submit(ctx, req, res);
    if (method === 'POST' && name === 'view-close') return close(ctx, req, res);
    if (method === 'POST' && name === 'home-open') return homeOpen(ctx, req, res);
  }
  sendJson(res, 404, { ok: false, error: 'not_found' });
}

/**
 * The Slack-like playground: the page (`GET /`), its assets, and its browser API under
 * `/_playground/api/`: workspace, messages and views (the user's modal stack and Home tab) to read;
 * command, click, view-submit, view-close and home-open to act as the user; and live events as
 * Server-Sent Events (`message`, `update`, `delete`, `views`).
 * Pass it as the Slack stand-in's `fallback`, so the page, the API and the files share one origin:
 *
 * ```ts
 * let playground: RequestListener | undefined;
 * const slack = await startSlackStandIn({ …, fallback: (req, res) => playground?.(req, res) });
 * playground = playgroundHandler({ slack });
 * ```
 */
export function playgroundHandler(opts: PlaygroundOptions): Listener {
  const ctx: ApiContext = {
    slack: opts.slack,
    hub: createEventHub(opts.slack),
    title: opts.title ?? 'backup-jobs playground',
    currentUser: opts.currentUser ?? 'U0ALICE',
  };
  const dir = resolveStaticDir();
  return (req, res) => {
    route(ctx, dir, req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { ok: false, error: 'playground_error', detail: String(err) });
    });
  };
}
