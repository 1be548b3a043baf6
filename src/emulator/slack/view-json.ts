import { withGeneratedIds } from './message-blocks.js';
import type { StandInState } from './state.js';
import type { PlainText, SlackBlock, StoredView } from './types.js';

type Obj = Record<string, unknown>;

/** What a view object (https://docs.slack.dev/reference/views) sets; the store adds ids, hash and state. */
export interface ViewFields {
  type: StoredView['type'];
  title?: PlainText | undefined;
  submit?: PlainText | undefined;
  close?: PlainText | undefined;
  blocks: SlackBlock[];
  callbackId: string;
  externalId: string;
  privateMetadata: string;
  notifyOnClose: boolean;
  clearOnClose: boolean;
}

function plainText(value: unknown): PlainText | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return structuredClone(value) as PlainText;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Slack gives every block a block_id and every element an action_id it lacks when it stores a view,
 * input elements included (submissions are keyed by both).
 */
function withIds(blocks: readonly SlackBlock[]): SlackBlock[] {
  return withGeneratedIds(blocks).map((block) => {
    const element = block.element as Obj | undefined;
    if (block.type === 'input' && element && typeof element.action_id !== 'string') {
      element.action_id = `${String(block.block_id)}-input`;
    }
    return block;
  });
}

/** The fields of a view object that view-rules.ts has accepted. */
export function viewFields(raw: Obj): ViewFields {
  return {
    type: raw.type === 'home' ? 'home' : 'modal',
    title: plainText(raw.title),
    submit: plainText(raw.submit),
    close: plainText(raw.close),
    blocks: withIds(Array.isArray(raw.blocks) ? (raw.blocks as SlackBlock[]) : []),
    callbackId: text(raw.callback_id),
    externalId: text(raw.external_id),
    privateMetadata: text(raw.private_metadata),
    notifyOnClose: raw.notify_on_close === true,
    clearOnClose: raw.clear_on_close === true,
  };
}

/** A stored view as the views.* methods answer it and as payloads carry it (views.open reference). */
export function viewJson(state: StandInState, v: StoredView): Obj {
  const { team, bot } = state.workspace;
  const json: Obj = { id: v.id, team_id: team.id, type: v.type };
  if (v.type === 'modal') json.title = v.title;
  Object.assign(json, {
    close: v.close ?? null,
    submit: v.submit ?? null,
    blocks: structuredClone(v.blocks),
    private_metadata: v.privateMetadata,
    callback_id: v.callbackId,
    external_id: v.externalId,
    state: { values: structuredClone(v.state) },
    hash: v.hash,
    clear_on_close: v.clearOnClose,
    notify_on_close: v.notifyOnClose,
    root_view_id: v.rootViewId,
    previous_view_id: v.previousViewId ?? null,
    app_id: bot.appId,
    app_installed_team_id: team.id,
    bot_id: bot.botId,
  });
  return json;
}
