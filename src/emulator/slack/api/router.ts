import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { type ApiAnswer, fail } from '../answers.js';
import { parseApiArgs, readBody, tokenOf } from '../body.js';
import { sendJson } from '../send.js';
import { countCall, type StandInState } from '../state.js';
import { appsConnectionsOpen } from './apps.js';
import { deleteMessage, getPermalink, postEphemeral, postMessage, update } from './chat.js';
import { completeUploadExternal, getUploadUrlExternal } from './files.js';
import { authTest, conversationsInfo, conversationsOpen, usersInfo } from './info.js';
import { conversationsMembers } from './members.js';
import { viewsOpen, viewsPublish, viewsPush, viewsUpdate } from './views.js';

type Method = (args: Record<string, unknown>, state: StandInState) => ApiAnswer;

const METHODS: Readonly<Record<string, Method>> = {
  'apps.connections.open': appsConnectionsOpen,
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': deleteMessage,
  'chat.getPermalink': getPermalink,
  'users.info': usersInfo,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'conversations.members': conversationsMembers,
  'files.getUploadURLExternal': getUploadUrlExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'views.open': viewsOpen,
  'views.push': viewsPush,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
};

/** Methods that take the app-level token; every other method takes only the bot token. */
const APP_TOKEN_METHODS: ReadonlySet<string> = new Set(['apps.connections.open']);

/**
 * Slack's answer to a call's token: none is not_authed, an unknown one invalid_auth, a known token
 * of the wrong kind (a bot token for apps.connections.open, an app token elsewhere)
 * not_allowed_token_type. The app token counts only in `Authorization: Bearer`, as Slack's Socket
 * Mode docs require (Slack answers invalid_auth to `token=xapp-…` in the body).
 */
function authError(
  req: IncomingMessage,
  method: string,
  args: Record<string, unknown>,
  state: StandInState,
): string | undefined {
  const token = tokenOf(req, args);
  if (!token) return 'not_authed';
  const isApp = state.appToken !== undefined && token === state.appToken;
  if (!isApp && token !== state.botToken) return 'invalid_auth';
  if (isApp !== APP_TOKEN_METHODS.has(method)) return 'not_allowed_token_type';
  if (isApp && !/^Bearer\s/i.test(req.headers.authorization ?? '')) return 'invalid_auth';
  return undefined;
}

/** The channel a call is about, for per-channel rate limits. */
function channelKey(state: StandInState, args: Record<string, unknown>): string | undefined {
  const ref = args.channel ?? args.channel_id;
  if (typeof ref !== 'string') return undefined;
  return state.workspace.resolveChannel(ref)?.id ?? ref;
}

/**
 * `POST /api/<method>`: Slack answers HTTP 200 with `ok:false` for every error except rate limits
 * (HTTP 429 with Retry-After). Order: method, body, token, limits, then the method itself.
 */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  state: StandInState,
) {
  countCall(state, method);
  const raw = await readBody(req);
  const latency = state.limits.latencyMs();
  if (latency > 0) await delay(latency);
  const handler = METHODS[method];
  if (!handler) return sendJson(res, 200, fail('unknown_method'));
  const args = parseApiArgs(req.headers['content-type'], raw);
  if (!args) return sendJson(res, 200, fail('invalid_json'));
  const denied = authError(req, method, args, state);
  if (denied) return sendJson(res, 200, fail(denied));
  const throttle = state.limits.check(method, channelKey(state, args));
  if (throttle?.kind === 'rate_limited') {
    return sendJson(res, 429, fail('ratelimited'), { 'Retry-After': String(throttle.retryAfterSec) });
  }
  if (throttle?.kind === 'error') return sendJson(res, 200, fail(throttle.error));
  return sendJson(res, 200, handler(args, state));
}
