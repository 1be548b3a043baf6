import { randomBytes } from 'node:crypto';
import type { SlackBlock } from './types.js';

type Obj = Record<string, unknown>;

const INTERACTIVE = new Set([
  'button',
  'static_select',
  'overflow',
  'users_select',
  'conversations_select',
  'channels_select',
  'datepicker',
  'checkboxes',
  'radio_buttons',
]);

function shortId(): string {
  return randomBytes(4).toString('base64url').slice(0, 5);
}

function elementsOf(block: Obj): Obj[] {
  if (block.type === 'actions' && Array.isArray(block.elements)) return block.elements as Obj[];
  if (block.type === 'section' && block.accessory && typeof block.accessory === 'object') {
    return [block.accessory as Obj];
  }
  return [];
}

/**
 * Slack gives every block without a block_id (and every interactive element without an action_id)
 * a generated one when it stores a message; clicks then carry those ids.
 */
export function withGeneratedIds(blocks: readonly SlackBlock[]): SlackBlock[] {
  return blocks.map((raw) => {
    const block: Obj = structuredClone(raw);
    if (typeof block.block_id !== 'string') block.block_id = shortId();
    for (const el of elementsOf(block)) {
      if (INTERACTIVE.has(String(el.type)) && typeof el.action_id !== 'string') el.action_id = shortId();
    }
    return block;
  });
}

/**
 * The interactive element with this action_id (in the block with `blockId`, when given: Slack only
 * asks action_ids to be unique within a block) and the block_id of the block holding it.
 */
export function findActionElement(
  blocks: readonly SlackBlock[],
  actionId: string,
  blockId?: string,
): { element: Obj; blockId: string } | undefined {
  for (const block of blocks) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    for (const element of elementsOf(block)) {
      if (element.action_id === actionId) return { element, blockId: String(block.block_id) };
    }
  }
  return undefined;
}
