import type { ContextBlock } from '@slack/types';
import { context } from './kit.js';
import { blocksTextLength, SLACK_LIMITS, type SlackMessage } from './limits.js';
import { code, joinParts, mrkdwnText, plural, truncate } from './text.js';

/** A remark shown beside results: a warning (something failed) or a note. */
export interface Remark {
  kind: 'warning' | 'note';
  text: string;
}

const ICON = { warning: ':warning:', note: ':information_source:' } as const;

/** Each remark is shown up to this many characters. */
const REMARK_MAX = 400;

/**
 * A context block of remarks within `budget` characters and Slack's 10 elements. `lead` elements
 * (already mrkdwn) come first. Remarks that do not fit are counted in a last "+N more" element.
 * Undefined when there is nothing to show.
 */
export function remarksBlock(
  remarks: readonly Remark[],
  budget: number,
  blockId?: string,
  lead: readonly string[] = [],
): ContextBlock | undefined {
  const elements = [...lead];
  let used = elements.reduce((sum, e) => sum + e.length, 0);
  let left = remarks.length;
  for (const remark of remarks) {
    if (remark.text.trim() === '') {
      left -= 1;
      continue;
    }
    // Keep one element and some room free for the "+N more" line.
    const room = Math.min(REMARK_MAX, budget - used - 40);
    if (elements.length >= SLACK_LIMITS.contextElements - 1 || room < 40) break;
    const text = `${ICON[remark.kind]} ${mrkdwnText(remark.text, room - 22)}`;
    elements.push(text);
    used += text.length;
    left -= 1;
  }
  if (left > 0) elements.push(`+${plural(left, 'more remark')} not shown`);
  return elements.length === 0 ? undefined : context(elements, blockId);
}

/** Warnings first (they change how to read the result), then notes. */
export function remarksOf(warnings: readonly string[], notes: readonly string[]): Remark[] {
  return [
    ...warnings.map((text): Remark => ({ kind: 'warning', text })),
    ...notes.map((text): Remark => ({ kind: 'note', text })),
  ];
}

/** What a process talks to instead of the real AWS or Slack, each as the URL in use. */
export interface StandIns {
  /** The AWS endpoint in use, when it is not AWS's own. */
  aws?: string | undefined;
  /** The Slack Web API URL in use, when it is not Slack's. */
  slack?: string | undefined;
}

/** The block_id of the stand-in footer: a message carries it at most once. */
export const STAND_IN_BLOCK_ID = 'bj_stand_in';

/** Each URL is shown up to this many characters. */
const STAND_IN_URL_MAX = 120;

/**
 * The one-line footer of every reply while AWS or Slack is a stand-in, so that nobody takes
 * emulator data for their backups. Undefined when both are the real ones.
 */
export function standInFooter(standIns: StandIns): ContextBlock | undefined {
  const parts = [
    standIns.aws && `AWS data from ${code(standIns.aws, STAND_IN_URL_MAX)}, not AWS`,
    standIns.slack && `Slack API at ${code(standIns.slack, STAND_IN_URL_MAX)}, not Slack`,
  ];
  const line = joinParts(parts, ' · ');
  return line === '' ? undefined : context([`${ICON.warning} ${line}`], STAND_IN_BLOCK_ID);
}

/**
 * The message with `footer` as its last block, within Slack's limits: at the block limit it joins
 * the last context block when that has room. A message that has no room for it, has it already,
 * or has nothing to show (a delete_original) is sent as it is: an answer Slack refused would be lost.
 */
export function withFooter<M extends SlackMessage>(message: M, footer: ContextBlock | undefined): M {
  if (!footer) return message;
  const blocks = message.blocks ?? [];
  const text = message.text ?? '';
  if (blocks.length === 0) {
    if (text.trim() === '') return message;
    // A text-only reply shows its text once it has blocks only if a block holds it.
    const body = {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
    };
    return { ...message, blocks: [body, footer] };
  }
  if (blocks.some((b) => (b as { block_id?: unknown }).block_id === footer.block_id)) return message;
  if (blocksTextLength(blocks) + blocksTextLength(footer) > SLACK_LIMITS.blocksTextChars) return message;
  if (blocks.length < SLACK_LIMITS.blocksPerMessage) return { ...message, blocks: [...blocks, footer] };
  const last = blocks.at(-1) as { type?: unknown; elements?: unknown[] } | undefined;
  const elements = last?.type === 'context' && Array.isArray(last.elements) ? last.elements : undefined;
  if (!elements || elements.length + footer.elements.length > SLACK_LIMITS.contextElements) return message;
  return {
    ...message,
    blocks: [...blocks.slice(0, -1), { ...last, elements: [...elements, ...footer.elements] }],
  };
}
