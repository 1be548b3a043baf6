import type { KnownBlock } from '@slack/types';
import type { DataVisualizationBlock } from '../../src/blocks/chart-block.js';

type Obj = Record<string, unknown>;

/** Any message a builder makes: Block Kit blocks, and the chart block @slack/types does not have. */
export interface AnyMessage {
  text: string;
  blocks: readonly (KnownBlock | DataVisualizationBlock)[];
}

function walk(value: unknown, visit: (obj: Obj) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  visit(value as Obj);
  for (const v of Object.values(value as Obj)) walk(v, visit);
}

/** Every action_id in the message, in order. */
export function actionIds(msg: AnyMessage): string[] {
  const ids: string[] = [];
  walk(msg.blocks, (o) => {
    if (typeof o.action_id === 'string') ids.push(o.action_id);
  });
  return ids;
}

/** Every block_id in the message, in order. */
export function blockIds(msg: AnyMessage): string[] {
  return msg.blocks.map((b) => b.block_id).filter((id): id is string => typeof id === 'string');
}

/** Every interactive element (buttons, selects) in the message. */
export function elements(msg: AnyMessage): Obj[] {
  const found: Obj[] = [];
  walk(msg.blocks, (o) => {
    if (typeof o.action_id === 'string') found.push(o);
  });
  return found;
}

/** The element with this action_id. */
export function element(msg: AnyMessage, actionId: string): Obj | undefined {
  return elements(msg).find((e) => e.action_id === actionId);
}

/** Every text string in the blocks, joined by newlines: what a person could read. */
export function allText(msg: AnyMessage): string {
  const texts: string[] = [];
  walk(msg.blocks, (o) => {
    if (typeof o.text === 'string') texts.push(o.text);
  });
  return texts.join('\n');
}

/** Text of the blocks of one type. */
export function textsOf(msg: AnyMessage, type: string): string[] {
  return msg.blocks.filter((b) => b.type === type).map((b) => allText({ text: '', blocks: [b] }));
}

/** Every mrkdwn string (the text Slack parses for links and mentions) in the blocks. */
export function mrkdwnTexts(msg: AnyMessage): string[] {
  const texts: string[] = [];
  walk(msg.blocks, (o) => {
    if (o.type === 'mrkdwn' && typeof o.text === 'string') texts.push(o.text);
  });
  return texts;
}

/** The blocks of one type, as plain objects to read fields from. */
export function blocksOf(msg: AnyMessage, type: string): Obj[] {
  return msg.blocks.filter((b) => b.type === type) as unknown as Obj[];
}
