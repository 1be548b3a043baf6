import type { KnownBlock } from '@slack/types';
import type { CoverageGroup } from '../coverage/queries.js';
import type { CoverageStatus } from '../coverage/types.js';
import type { Visibility } from '../query/types.js';
import { formatDuration } from '../time/duration.js';
import {
  add,
  type Counts,
  countsText,
  coverageOrder,
  groupRow,
  icon,
  type TypeGroups,
  typeName,
} from './coverage-rows.js';
import { type CoverageContext, coverageStatusBlock } from './coverage-status.js';
import { formatCount } from './format.js';
import {
  type BlockMessage,
  context,
  divider,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { blocksTextLength, SLACK_LIMITS } from './limits.js';
import { TEXT_BUDGET } from './list-page.js';
import { remarksBlock } from './notes.js';
import { escapeMrkdwn, plural, truncate } from './text.js';

/** What the coverage table shows. */
export interface CoverageTableInput {
  /** The query restated in words (`describeQuery`). */
  title: string;
  /** Groups by resource type, account and Region, in any order. */
  groups: readonly CoverageGroup[];
  /** Older than this is stale; a group's stale list asks for the same age. */
  maxAgeMs: number;
  /** The vaults the coverage query narrows to: a group's stale list keeps them. */
  vaults?: readonly string[];
  status: CoverageStatus;
  visibility: Visibility;
  timeZone: string;
  now: Date;
  notes?: readonly string[];
}

/** Groups shown at most, each a row with a button into its stale list: the rest are counted. */
export const MAX_COVERAGE_ROWS = 40;
const MAX_TYPE_LINES = 20;
const LEVELS: readonly { rows: number; type: number }[] = [
  { rows: MAX_COVERAGE_ROWS, type: 60 },
  { rows: MAX_COVERAGE_ROWS, type: 30 },
  { rows: 25, type: 30 },
];

/**
 * Every known resource counted as fresh, stale or never backed up, by resource type, then account
 * and Region: totals, a line per type, and a row per group (stalest first, at most 40, then "and N
 * more groups") with a button into the group's stale list; how current the knowledge is.
 */
export function coverageTable(input: CoverageTableInput, options: ResponseOptions = {}): BlockMessage {
  const ctx: CoverageContext = { timeZone: input.timeZone, now: input.now };
  const types = coverageOrder(input.groups);
  const total = types.reduce((sum, t) => add(sum, t.counts), { fresh: 0, stale: 0, never: 0 });
  const resources = total.fresh + total.stale + total.never;
  const title = escapeMrkdwn(truncate(input.title || 'Coverage', 300));
  const text = `${title}: ${plural(resources, 'resource')}, ${countsText(total)}`;
  let blocks: KnownBlock[] = [];
  for (const level of LEVELS) {
    blocks = tableBlocks(input, ctx, types, total, level);
    if (blocks.length <= SLACK_LIMITS.blocksPerMessage && blocksTextLength(blocks) <= TEXT_BUDGET) break;
  }
  return message(text, blocks, options, input.visibility);
}

function tableBlocks(
  input: CoverageTableInput,
  ctx: CoverageContext,
  types: readonly TypeGroups[],
  total: Counts,
  level: { rows: number; type: number },
): KnownBlock[] {
  const age = formatDuration(input.maxAgeMs, 'words');
  const resources = total.fresh + total.stale + total.never;
  const blocks: KnownBlock[] = [
    header(input.title || 'Coverage', 'bj_coverage_head'),
    coverageStatusBlock(input.status, ctx, 'bj_coverage_status'),
  ];
  if (resources === 0) {
    blocks.push(section(':mag: *No known resource matches.*', 'bj_coverage_empty'));
    return withNotes(blocks, input);
  }
  blocks.push(
    section(
      `${icon(total)} *${plural(resources, 'resource')}*: ${countsText(total)}\n_Stale: no good backup in the last ${age}._`,
      'bj_coverage_total',
    ),
  );
  const typeLines = types
    .slice(0, MAX_TYPE_LINES)
    .map((t) => `${icon(t.counts)} ${typeName(t.type, level.type)}: ${countsText(t.counts)}`);
  if (types.length > MAX_TYPE_LINES)
    typeLines.push(`_…and ${formatCount(types.length - MAX_TYPE_LINES)} more types_`);
  blocks.push(
    section(
      truncate(`*By resource type*\n${typeLines.join('\n')}`, SLACK_LIMITS.sectionText),
      'bj_coverage_types',
    ),
  );
  blocks.push(divider());
  const groups = types.flatMap((t) => t.groups);
  groups.slice(0, level.rows).forEach((g, i) => {
    blocks.push(groupRow(g, i, input, level.type));
  });
  const rest = groups.length - level.rows;
  if (rest > 0) {
    const more = `…and ${plural(rest, 'more group')}: narrow with \`type:\`, \`account:\` or \`region:\``;
    blocks.push(context([more], 'bj_coverage_more'));
  }
  return withNotes(blocks, input);
}

function withNotes(blocks: KnownBlock[], input: CoverageTableInput): KnownBlock[] {
  const notes = (input.notes ?? []).map((text) => ({ kind: 'note' as const, text }));
  const remarks = remarksBlock(notes, 800, 'bj_coverage_notes');
  return remarks ? [...blocks, remarks] : blocks;
}
