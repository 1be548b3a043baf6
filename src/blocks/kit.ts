import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import type { Visibility } from '../query/types.js';
import { SLACK_LIMITS } from './limits.js';
import { plainText, truncate } from './text.js';

/**
 * A message as the Slack listeners send it through `respond()`, chat.postMessage or chat.update.
 * `text` is the notification and screen-reader fallback.
 */
export interface BlockMessage {
  text: string;
  blocks: KnownBlock[];
  response_type?: Visibility;
  replace_original?: boolean;
}

/** How a message is sent back through a response_url: the listener decides. */
export interface ResponseOptions {
  /** Replace the message the click came from. @defaultValue false */
  replaceOriginal?: boolean;
  /** Who sees it. @defaultValue the builder's own choice, `ephemeral` unless said otherwise */
  responseType?: Visibility;
}

/**
 * Puts a message together with `replace_original` always set, as response_url wants. `text` is read
 * as mrkdwn by Slack: callers escape data in it.
 */
export function message(
  text: string,
  blocks: KnownBlock[],
  options: ResponseOptions = {},
  defaultType: Visibility = 'ephemeral',
): BlockMessage {
  return {
    text: truncate(text.trim(), 3000) || 'Backup jobs',
    blocks,
    response_type: options.responseType ?? defaultType,
    replace_original: options.replaceOriginal ?? false,
  };
}

/** A mrkdwn text object. `verbatim` keeps Slack from turning data like `@here` or `#ops` into mentions. */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plain(text: string, max: number = SLACK_LIMITS.fieldText): PlainTextElement {
  return { type: 'plain_text', text: plainText(text, max) || ' ', emoji: true };
}

export function header(text: string, blockId?: string): HeaderBlock {
  return withId<HeaderBlock>({ type: 'header', text: plain(text, SLACK_LIMITS.headerText) }, blockId);
}

export function section(text: string, blockId?: string, accessory?: SectionBlock['accessory']): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(text) };
  if (accessory) block.accessory = accessory;
  return withId(block, blockId);
}

/** A section of mrkdwn fields, with `text` above them when given (a heading, a note). */
export function fieldsSection(fields: string[], blockId?: string, text?: string): SectionBlock {
  const block: SectionBlock = { type: 'section' };
  if (text !== undefined) block.text = mrkdwn(text);
  if (fields.length > 0 || text === undefined) block.fields = fields.map(mrkdwn);
  return withId(block, blockId);
}

export function context(texts: string[], blockId?: string): ContextBlock {
  return withId<ContextBlock>({ type: 'context', elements: texts.map(mrkdwn) }, blockId);
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function actions(elements: ActionsBlockElement[], blockId?: string): ActionsBlock {
  return withId<ActionsBlock>({ type: 'actions', elements }, blockId);
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export function button(spec: ButtonSpec): Button {
  const el: Button = {
    type: 'button',
    text: plain(spec.text, SLACK_LIMITS.buttonText),
    action_id: spec.actionId,
  };
  if (spec.value !== undefined) el.value = spec.value;
  if (spec.url !== undefined) el.url = spec.url;
  if (spec.style !== undefined) el.style = spec.style;
  return el;
}

function withId<T extends { block_id?: string }>(block: T, blockId: string | undefined): T {
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}
