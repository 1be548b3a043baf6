import { type DeliveryResult, deliver, slackNotice } from './deliver.js';
import { findActionElement } from './message-blocks.js';
import { actionJson, blockActionsPayload, commandPayload } from './payloads.js';
import { applyResponse } from './respond.js';
import type { ResponseContext } from './response-urls.js';
import { ResponseUrlBody } from './schemas.js';
import type { StandInState } from './state.js';
import type { StandInChannel, StandInUser, StoredMessage } from './types.js';
import { clickInView } from './view-click.js';
import type { ViewValues } from './view-state.js';

export interface CommandInput {
  channel: string;
  user: string;
  text: string;
  /** @defaultValue `/backup-jobs` */
  command?: string;
}

export interface ClickInput {
  user: string;
  /** The stored message's id; or give `ts` and `channel`; or `viewId` for a modal or Home tab. */
  messageId?: string;
  ts?: string;
  channel?: string;
  actionId: string;
  /** Picks the block when several blocks hold the same action_id. */
  blockId?: string;
  /** Overrides the button's value (e.g. to send a tampered one). */
  value?: string;
  /** For selects and overflow menus: the chosen option's value. */
  selectedOption?: string;
  /**
   * An open modal (the top of the user's stack) or the user's Home tab: the click then carries
   * `container: {type: 'view'}` and the view, and no response_url (the result's `responseUrl` is '').
   */
  viewId?: string;
  /** With `viewId`: what the user had entered in the view, by block_id then action_id. */
  values?: ViewValues;
}

export function channelOf(state: StandInState, ref: string): StandInChannel {
  const channel = state.workspace.resolveChannel(ref);
  if (!channel) throw new Error(`unknown channel ${ref}`);
  return channel;
}

export function userOf(state: StandInState, id: string): StandInUser {
  const user = state.workspace.user(id);
  if (!user) throw new Error(`unknown user ${id}`);
  return user;
}

/**
 * Sends a slash command (over Socket Mode when the app is connected); a message in the acknowledgement
 * (HTTP body or ack payload) is shown the way Slack shows it.
 */
export async function sendCommand(state: StandInState, input: CommandInput): Promise<DeliveryResult> {
  const channel = channelOf(state, input.channel);
  const user = userOf(state, input.user);
  const command = input.command ?? '/backup-jobs';
  const createdMs = state.now().getTime();
  const { url, context } = state.responseUrls.create({
    kind: 'commands',
    channel: channel.id,
    user: user.id,
    createdMs,
  });
  const triggerId = state.triggers.issue(user.id);
  const fields = { channel, user, command, text: input.text, responseUrl: url, triggerId };
  const result = await deliver(state, { kind: 'slash_commands', payload: commandPayload(state, fields) });
  if (result.error)
    slackNotice(state, channel.id, user.id, `${command} failed with the error "${result.error}"`);
  else if (result.body.trim() !== '') showAck(state, context, result.body, command);
  return { ...result, responseUrl: url, triggerId };
}

function showAck(state: StandInState, context: ResponseContext, body: string, command: string) {
  let json: unknown = { text: body };
  try {
    json = JSON.parse(body);
  } catch {
    // a plain text acknowledgement is shown as is
  }
  const parsed = ResponseUrlBody.safeParse(json);
  const outcome = parsed.success ? applyResponse(state, context, parsed.data, 'ack') : undefined;
  if (!outcome?.answer.ok) {
    const error = outcome?.answer.error ?? 'invalid_payload';
    slackNotice(state, context.channel, context.user, `${command} failed with the error "${error}"`);
  }
}

function clickedMessage(state: StandInState, input: ClickInput): StoredMessage {
  let message: StoredMessage | undefined;
  if (input.messageId) message = state.store.get(input.messageId);
  else if (input.channel && input.ts)
    message = state.store.find(channelOf(state, input.channel).id, input.ts);
  if (!message || message.deleted)
    throw new Error('click: no such message (give messageId, or ts and channel)');
  if (message.ephemeralFor !== undefined && message.ephemeralFor !== input.user) {
    throw new Error(`click: ${input.user} cannot see message ${message.id}`);
  }
  return message;
}

/** Clicks an element of a stored message or view: a block_actions payload built as Slack builds it. */
export async function click(state: StandInState, input: ClickInput): Promise<DeliveryResult> {
  if (input.viewId !== undefined) {
    return clickInView(state, { ...input, viewId: input.viewId }, userOf(state, input.user));
  }
  const message = clickedMessage(state, input);
  const found = findActionElement(message.blocks, input.actionId, input.blockId);
  if (!found) throw new Error(`click: message ${message.id} has no element with action_id ${input.actionId}`);
  const user = userOf(state, input.user);
  const channel = channelOf(state, message.channel);
  const createdMs = state.now().getTime();
  const { url } = state.responseUrls.create({
    kind: 'actions',
    channel: channel.id,
    user: user.id,
    sourceId: message.id,
    createdMs,
  });
  const triggerId = state.triggers.issue(user.id);
  const action = actionJson(state, { ...found, value: input.value, selectedOption: input.selectedOption });
  const payload = blockActionsPayload(state, { message, channel, user, action, responseUrl: url, triggerId });
  const result = await deliver(state, { kind: 'interactive', payload });
  return { ...result, responseUrl: url, triggerId };
}
