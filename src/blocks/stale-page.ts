import type { KnownBlock } from '@slack/types';
import type { StaleEntry } from '../coverage/queries.js';
import { MAX_PAGE_SIZE } from '../query/types.js';
import type { CoverageContext } from './coverage-status.js';
import type { EntryLimits } from './job-lines.js';
import { actions, type BlockMessage, divider, message, type ResponseOptions, section } from './kit.js';
import { blocksTextLength, SLACK_LIMITS } from './limits.js';
import { TEXT_BUDGET } from './list-page.js';
import { resourceTitle } from './resource-lines.js';
import { staleCompactLine, staleEntryText, worstFirst } from './stale-lines.js';
import { staleNone } from './stale-none.js';
import { pageFoot, pageHead, resourceButton, type StalePageInput, staleNoun } from './stale-parts.js';

import { escapeMrkdwn, plural, truncate } from './text.js';

export type { StalePageInput } from './stale-parts.js';

/** Pages up to this many entries get a section and a Resource button per entry, when they fit. */
export const FULL_LAYOUT_MAX_ENTRIES = 20;
const FULL_LEVELS: readonly EntryLimits[] = [
  { name: 150, vault: 80, status: 500 },
  { name: 100, vault: 50, status: 240 },
  { name: 60, vault: 30, status: 100 },
];
const LINES_PER_SECTION = 10;
const BUTTON_NAME_MAX = 30;

/**
 * One page of a stale answer, worst first: the heading, how current the knowledge is, one entry per
 * resource (or copy destination) with a button to its story, and Prev, Next and Export CSV buttons
 * that carry the query text and the page. Pages of up to 20 show a section per entry; larger ones,
 * or entries whose text would not fit, numbered lines and a row of Resource buttons. An answer with
 * no entries is {@link staleNone}'s.
 */
export function stalePage(input: StalePageInput, options: ResponseOptions = {}): BlockMessage {
  if (input.entries.length === 0) return staleNone(input, options);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(input.pageSize) || 1));
  const pages = Math.ceil(input.entries.length / pageSize);
  const page = Math.min(pages, Math.max(1, Math.floor(input.page) || 1));
  const shown = worstFirst(input.entries).slice((page - 1) * pageSize, page * pageSize);
  const ctx: CoverageContext = { timeZone: input.timeZone, now: input.now };
  const at = { ...input, page, pages };
  const head = pageHead(at, ctx);
  const foot = pageFoot(at);
  const text = `${escapeMrkdwn(truncate(input.title || 'Stale resources', 300))}: page ${page} of ${pages}, ${plural(input.entries.length, staleNoun(input))}`;
  const send = (body: KnownBlock[]) => message(text, [...head, ...body, ...foot], options, input.visibility);
  if (shown.length <= FULL_LAYOUT_MAX_ENTRIES) {
    for (const limits of FULL_LEVELS) {
      const body = fullBody(shown, page, ctx, limits);
      if (fits(head, body, foot)) return send(body);
    }
  }
  const fixed = blocksTextLength([...head, ...foot]) + shown.length * (BUTTON_NAME_MAX + 8) + 40;
  let budget = Math.min(400, Math.floor((TEXT_BUDGET - fixed) / shown.length));
  for (;;) {
    const body = compactBody(shown, page, pageSize, ctx, budget);
    if (fits(head, body, foot) || budget <= 40) return send(body);
    budget = Math.floor(budget * 0.85);
  }
}

function fits(...parts: KnownBlock[][]): boolean {
  const blocks = parts.flat();
  return blocks.length <= SLACK_LIMITS.blocksPerMessage && blocksTextLength(blocks) <= TEXT_BUDGET;
}

function fullBody(
  shown: readonly StaleEntry[],
  page: number,
  ctx: CoverageContext,
  limits: EntryLimits,
): KnownBlock[] {
  return shown.map((entry, i) =>
    section(
      staleEntryText(entry, ctx, limits),
      `bj_stale_entry_p${page}_${i}`,
      resourceButton(entry, i, 'Resource'),
    ),
  );
}

function compactBody(
  shown: readonly StaleEntry[],
  page: number,
  pageSize: number,
  ctx: CoverageContext,
  budget: number,
): KnownBlock[] {
  const first = (page - 1) * pageSize + 1;
  const blocks: KnownBlock[] = [divider()];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push(section(lines.join('\n'), `bj_stale_lines_p${page}_${blocks.length}`));
    lines = [];
  };
  shown.forEach((entry, i) => {
    const line = staleCompactLine(entry, first + i, ctx, budget);
    const size = lines.reduce((sum, l) => sum + l.length + 1, 0);
    if (lines.length >= LINES_PER_SECTION || size + line.length > SLACK_LIMITS.sectionText) flush();
    lines.push(line);
  });
  flush();
  const buttons = shown.flatMap((entry, i) => {
    const label = `${first + i}. ${truncate(resourceTitle(entry.resource), BUTTON_NAME_MAX)}`;
    return resourceButton(entry, i, label) ?? [];
  });
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) {
    blocks.push(actions(buttons.slice(i, i + SLACK_LIMITS.actionsElements), `bj_stale_open_p${page}_${i}`));
  }
  return blocks;
}
