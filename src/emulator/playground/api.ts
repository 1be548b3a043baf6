import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../slack/body.js';
import type { SlackStandIn, StoredFile } from '../slack/index.js';
import { sendJson } from '../slack/send.js';
import type { EventHub } from './events.js';
import { ClickRequest, CommandRequest, splitCommand } from './schemas.js';
import { messageView } from './views.js';

/** The slash commands the app registers (slack-app-manifest.yaml). */
export const COMMANDS = ['/backup-jobs'] as const;

export interface ApiContext {
  slack: SlackStandIn;
  hub: EventHub;
  title: string;
  currentUser: string;
}

export async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function knownUser(ctx: ApiContext, id: string): boolean {
  return ctx.slack.users().some((u) => u.id === id);
}

export function workspace(ctx: ApiContext) {
  const { slack } = ctx;
  return {
    title: ctx.title,
    team: slack.team,
    bot: { userId: slack.bot.userId, botId: slack.bot.botId, name: slack.bot.name },
    users: slack.users(),
    channels: slack.channels(),
    currentUser: ctx.currentUser,
    commands: COMMANDS,
  };
}

/** Messages of a channel (thread replies included) as `user` sees them, and the change they reflect. */
export function messages(ctx: ApiContext, url: URL) {
  const channel = url.searchParams.get('channel') ?? '';
  const user = url.searchParams.get('user') ?? ctx.currentUser;
  if (!ctx.slack.channels().some((c) => c.id === channel)) return undefined;
  const seq = ctx.hub.seq();
  const files = new Map<string, StoredFile>(ctx.slack.files().map((f) => [f.id, f]));
  const list = ctx.slack.messages(channel, { includeEphemeralFor: user });
  return { channel, seq, messages: list.map((m) => messageView(m, files)) };
}

export async function command(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const parsed = CommandRequest.safeParse(await jsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: 'invalid_request' });
  const { channel, user, text } = parsed.data;
  if (!knownUser(ctx, user)) return sendJson(res, 400, { ok: false, error: 'user_not_found' });
  if (!ctx.slack.channels().some((c) => c.id === channel))
    return sendJson(res, 400, { ok: false, error: 'channel_not_found' });
  const typed = splitCommand(text);
  if (!typed) return sendJson(res, 400, { ok: false, error: 'not_a_command' });
  if (!(COMMANDS as readonly string[]).includes(typed.command))
    return sendJson(res, 400, { ok: false, error: 'unknown_command', command: typed.command });
  const result = await ctx.slack.sendCommand({ channel, user, text: typed.args, command: typed.command });
  sendJson(res, 200, { ok: true, status: result.status, ackMs: result.ackMs, error: result.error });
}

export async function click(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const parsed = ClickRequest.safeParse(await jsonBody(req));
  if (!parsed.success) return sendJson(res, 400, { ok: false, error: 'invalid_request' });
  const { user, messageId, viewId, actionId, blockId, selectedOption, values } = parsed.data;
  if (!knownUser(ctx, user)) return sendJson(res, 400, { ok: false, error: 'user_not_found' });
  try {
    const result = await ctx.slack.click({
      user,
      actionId,
      ...(messageId === undefined ? {} : { messageId }),
      ...(viewId === undefined ? {} : { viewId }),
      ...(blockId === undefined ? {} : { blockId }),
      ...(selectedOption === undefined ? {} : { selectedOption }),
      ...(values === undefined ? {} : { values }),
    });
    sendJson(res, 200, { ok: true, status: result.status, ackMs: result.ackMs, error: result.error });
  } catch (err) {
    // The stand-in refuses clicks on messages that are gone or not visible to the user, and on views
    // that are closed or under another one.
    sendJson(res, 409, { ok: false, error: 'click_refused', detail: (err as Error).message });
  }
}
