import { randomBytes, randomInt } from 'node:crypto';
import { VERIFICATION_TOKEN } from './defaults.js';
import { messageJson, type StandInState } from './state.js';
import type { StandInChannel, StandInUser, StoredMessage } from './types.js';

type Obj = Record<string, unknown>;

/** Slack's trigger_id shape: `<digits>.<digits>.<32 hex>`. */
export function newTriggerId(): string {
  return `${randomInt(1e11, 1e12)}.${randomInt(1e10, 1e11)}.${randomBytes(16).toString('hex')}`;
}

export interface CommandFields {
  channel: StandInChannel;
  user: StandInUser;
  command: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}

/** A slash command's fields, in Slack's order: the HTTP form body, or the Socket Mode payload. */
export function commandPayload(state: StandInState, f: CommandFields): Record<string, string> {
  const { team, bot } = state.workspace;
  return {
    token: VERIFICATION_TOKEN,
    team_id: team.id,
    team_domain: team.domain,
    channel_id: f.channel.id,
    channel_name: state.workspace.payloadChannelName(f.channel),
    user_id: f.user.id,
    user_name: f.user.name,
    command: f.command,
    text: f.text,
    api_app_id: bot.appId,
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  };
}

export interface ActionFields {
  element: Obj;
  blockId: string;
  value?: string | undefined;
  selectedOption?: string | undefined;
}

/** The `actions[0]` entry Slack sends for a click on `element`. */
export function actionJson(state: StandInState, a: ActionFields): Obj {
  const { element } = a;
  const action: Obj = { action_id: element.action_id, block_id: a.blockId, type: element.type };
  if (element.type === 'button') {
    action.text = element.text;
    const value = a.value ?? element.value;
    if (value !== undefined) action.value = value;
    if (element.style !== undefined) action.style = element.style;
  } else if (Array.isArray(element.options)) {
    const wanted = a.selectedOption ?? a.value;
    const options = element.options as Obj[];
    action.selected_option = options.find((o) => o.value === wanted) ?? {
      text: { type: 'plain_text', text: String(wanted) },
      value: wanted,
    };
  } else if (a.value !== undefined) {
    action.value = a.value;
  }
  action.action_ts = state.store.nextTs();
  return action;
}

export interface ClickFields {
  message: StoredMessage;
  channel: StandInChannel;
  user: StandInUser;
  action: Obj;
  responseUrl: string;
  triggerId: string;
}

/** The block_actions payload for a click; ephemeral messages come without `message`, as in Slack. */
export function blockActionsPayload(state: StandInState, f: ClickFields): Obj {
  const { team, bot } = state.workspace;
  const ephemeral = f.message.ephemeralFor !== undefined;
  const container: Obj = {
    type: 'message',
    message_ts: f.message.ts,
    channel_id: f.channel.id,
    is_ephemeral: ephemeral,
  };
  if (f.message.threadTs) container.thread_ts = f.message.threadTs;
  const payload: Obj = {
    type: 'block_actions',
    user: { id: f.user.id, username: f.user.name, name: f.user.name, team_id: team.id },
    api_app_id: bot.appId,
    token: VERIFICATION_TOKEN,
    container,
    trigger_id: f.triggerId,
    team: { id: team.id, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: f.channel.id, name: state.workspace.payloadChannelName(f.channel) },
  };
  if (!ephemeral) payload.message = messageJson(state, f.message);
  Object.assign(payload, { state: { values: {} }, response_url: f.responseUrl, actions: [f.action] });
  return payload;
}

/** Slack's event ids: `Ev` and ten upper-case letters or digits. */
function newEventId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `Ev${Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/**
 * The Events API's outer `event_callback` around one event, the same over HTTP and Socket Mode. The
 * app is authorized as its bot user; `event_context` is opaque to apps.
 */
export function eventCallback(state: StandInState, event: Obj & { type: string; channel: string }): Obj {
  const { team, bot } = state.workspace;
  const context = { et: event.type, tid: team.id, aid: bot.appId, cid: event.channel };
  return {
    token: VERIFICATION_TOKEN,
    team_id: team.id,
    api_app_id: bot.appId,
    event,
    type: 'event_callback',
    event_id: newEventId(),
    event_time: Math.floor(state.now().getTime() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: team.id,
        user_id: bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify(context)).toString('base64url')}`,
  };
}
