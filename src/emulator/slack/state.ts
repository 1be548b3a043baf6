import type { FileStore } from './files.js';
import type { Limits } from './rate-limits.js';
import type { ResponseUrls } from './response-urls.js';
import type { SocketMode } from './socket-mode.js';
import type { MessageStore } from './store.js';
import type { Triggers } from './triggers.js';
import type { StoredMessage } from './types.js';
import type { ViewStore } from './views.js';
import type { Workspace } from './workspace.js';

/** Everything the routes and the outbound senders of one stand-in share. */
export interface StandInState {
  readonly baseUrl: string;
  readonly now: () => Date;
  readonly botToken: string;
  /** The app-level token (`xapp-…`) apps.connections.open takes; none means Socket Mode is off. */
  readonly appToken: string | undefined;
  readonly signingSecret: string;
  readonly ackTimeoutMs: number;
  readonly workspace: Workspace;
  /** The bot token's scopes; undefined grants every scope. */
  readonly scopes: ReadonlySet<string> | undefined;
  readonly store: MessageStore;
  readonly files: FileStore;
  readonly limits: Limits;
  readonly responseUrls: ResponseUrls;
  readonly socketMode: SocketMode;
  /** The trigger_ids handed out with commands, clicks and submissions; views.open and views.push take them. */
  readonly triggers: Triggers;
  /** Open modals and published Home tabs. */
  readonly views: ViewStore;
  /** Waits before each Events API retry. */
  readonly eventRetryDelaysMs: readonly number[];
  /** Aborted by close(): pending retries stop. */
  readonly closed: AbortSignal;
  /** Calls per Web API method, plus `response_url` and `file_upload`. */
  readonly calls: Map<string, number>;
  botUrl: string | undefined;
}

export function countCall(state: StandInState, name: string) {
  state.calls.set(name, (state.calls.get(name) ?? 0) + 1);
}

/** A stored message as Slack's API and payloads show it. */
export function messageJson(state: StandInState, m: StoredMessage): Record<string, unknown> {
  const json: Record<string, unknown> = {
    type: 'message',
    user: m.user,
    text: m.text,
    ts: m.ts,
    team: state.workspace.team.id,
    blocks: m.blocks,
  };
  if (m.botId) Object.assign(json, { bot_id: m.botId, app_id: state.workspace.bot.appId });
  if (m.threadTs) json.thread_ts = m.threadTs;
  if (m.edited) json.edited = { user: m.user, ts: m.ts };
  if (m.files.length > 0) json.files = m.files.map((id) => ({ id }));
  return json;
}

/** The parent ts a reply goes under (a reply to a reply joins the same thread), or Slack's error. */
export function threadParent(
  state: StandInState,
  channel: string,
  threadTs: string | undefined,
): { ts?: string; error?: 'thread_not_found' } {
  if (threadTs === undefined) return {};
  const parent = state.store.find(channel, threadTs);
  if (!parent || parent.ephemeralFor !== undefined) return { error: 'thread_not_found' };
  return { ts: parent.threadTs ?? parent.ts };
}
