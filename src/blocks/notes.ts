import type { ContextBlock } from '@slack/types';
import { context } from './kit.js';
import { SLACK_LIMITS } from './limits.js';
import { mrkdwnText, plural } from './text.js';

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
