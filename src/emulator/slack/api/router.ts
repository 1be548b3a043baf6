import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { type ApiAnswer, fail } from '../answers.js';
import { parseApiArgs, readBody, tokenOf } from '../body.js';
import { sendJson } from '../send.js';
import { countCall, type StandInState } from '../state.js';
import { deleteMessage, postEphemeral, postMessage, update } from './chat.js';
import { completeUploadExternal, getUploadUrlExternal } from './files.js';
import { authTest, conversationsInfo, conversationsOpen, usersInfo } from './info.js';

type Method = (args: Record<string, unknown>, state: StandInState) => ApiAnswer;

const METHODS: Readonly<Record<string, Method>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': deleteMessage,
  'users.info': usersInfo,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'files.getUploadURLExternal': getUploadUrlExternal,
  'files.completeUploadExternal': completeUploadExternal,
};

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
  const token = tokenOf(req, args);
  if (!token) return sendJson(res, 200, fail('not_authed'));
  if (token !== state.botToken) return sendJson(res, 200, fail('invalid_auth'));
  const throttle = state.limits.check(method, channelKey(state, args));
  if (throttle?.kind === 'rate_limited') {
    return sendJson(res, 429, fail('ratelimited'), { 'Retry-After': String(throttle.retryAfterSec) });
  }
  if (throttle?.kind === 'error') return sendJson(res, 200, fail(throttle.error));
  return sendJson(res, 200, handler(args, state));
}
