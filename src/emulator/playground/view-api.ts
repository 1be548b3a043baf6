import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../slack/send.js';
import { type ApiContext, jsonBody, knownUser } from './api.js';
import { HomeOpenRequest, ViewCloseRequest, ViewSubmitRequest } from './schemas.js';
import { userSurfaces } from './surfaces.js';

/** The user's modal stack and Home tab, and the change they reflect (see events.ts). */
export function views(ctx: ApiContext, url: URL) {
  const user = url.searchParams.get('user') ?? ctx.currentUser;
  if (!knownUser(ctx, user)) return undefined;
  return { user, seq: ctx.hub.seq(), ...userSurfaces(ctx.slack, user) };
}

function refused(res: ServerResponse, error: string, err: unknown) {
  sendJson(res, 409, { ok: false, error, detail: (err as Error).message });
}

/**
 * The submit button: a view_submission through the stand-in, then what the app's answer asked for.
 * The view itself changes through the event stream; the answer says what happened, for the page to
 * show a problem (a timeout, an answer Slack would refuse) where Slack shows one.
 */
export async function submit(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const parsed = ViewSubmitRequest.safeParse(await jsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: 'invalid_request' });
  const { user, viewId, values } = parsed.data;
  if (!knownUser(ctx, user)) return sendJson(res, 400, { ok: false, error: 'user_not_found' });
  try {
    const r = await ctx.slack.submitView({ user, viewId, values });
    const { status, ackMs, error, sent, action, errors, closed, refused } = r;
    sendJson(res, 200, { ok: true, status, ackMs, error, sent, action, errors, closed, refused });
  } catch (err) {
    refused(res, 'submit_refused', err);
  }
}

/** The back arrow and the close button (the top view), or the × (the whole modal). */
export async function close(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const parsed = ViewCloseRequest.safeParse(await jsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: 'invalid_request' });
  const { user, viewId, all } = parsed.data;
  if (!knownUser(ctx, user)) return sendJson(res, 400, { ok: false, error: 'user_not_found' });
  try {
    const result = await ctx.slack.closeView({ user, viewId, ...(all === undefined ? {} : { all }) });
    sendJson(res, 200, { ok: true, closed: result.closed.map((v) => v.id), notified: !!result.delivery });
  } catch (err) {
    refused(res, 'close_refused', err);
  }
}

/**
 * The user opens the app's Home or Messages tab: Slack sends `app_home_opened` and shows the tab
 * at once, without waiting for the app (which answers, if at all, with views.publish). The event is
 * retried like any Events API delivery; the page hears of the new Home view on the event stream.
 */
export async function homeOpen(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const parsed = HomeOpenRequest.safeParse(await jsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: 'invalid_request' });
  const { user, tab } = parsed.data;
  if (!knownUser(ctx, user)) return sendJson(res, 400, { ok: false, error: 'user_not_found' });
  const dm = ctx.slack.channels().find((c) => c.kind === 'im' && c.botMember && c.members[0] === user);
  if (!dm) return sendJson(res, 400, { ok: false, error: 'no_app_dm' });
  // Unacknowledged deliveries are retried and end in the result, not in a rejection; the stand-in only
  // rejects when it has no app URL at all, which every command and click from the page reports.
  ctx.slack.sendEvent({ type: 'app_home_opened', user, tab, channel: dm.id }).catch(() => undefined);
  sendJson(res, 202, { ok: true });
}
