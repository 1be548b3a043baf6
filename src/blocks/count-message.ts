import type { Button, KnownBlock } from '@slack/types';
import type { JobCounts } from '../backup/tally.js';
import { countOfKind, type JobKind, KIND_NOUN } from '../domain/index.js';
import { formatDateTime, zoneLabel } from '../time/labels.js';
import { ACTION, encodeQueryValue, indexedActionId } from './actions.js';
import { formatCount } from './format.js';
import {
  actions,
  type BlockMessage,
  button,
  context,
  header,
  message,
  type ResponseOptions,
  section,
} from './kit.js';
import { remarksBlock, remarksOf } from './notes.js';
import { DISPLAY_ORDER, lookOf } from './states.js';
import { escapeMrkdwn, joinParts, mrkdwnText, plural, truncate } from './text.js';

export interface CountInput {
  /** The question restated in words (`describeQuery`). */
  title: string;
  kind: JobKind;
  counts: JobCounts;
  /** The list text each state's button runs, by state or outcome; a state without one has no button. */
  listTexts: Readonly<Record<string, string>>;
  /** The text that lists every counted job, offered when some state has no button of its own. */
  allText?: string | undefined;
  /** The window the summaries counted (ISO-8601), said beside the source. */
  window?: { from: string; to: string } | undefined;
  timeZone: string;
  notes: readonly string[];
}

const SOURCE_WORDS = {
  summaries: 'from AWS summaries, refreshed hourly',
  jobs: 'counted from the jobs',
} as const;

/** Worst first, as everywhere; states AWS adds later after the known ones, by name. */
function ordered(byState: Readonly<Record<string, number>>): [string, number][] {
  const known = (DISPLAY_ORDER as readonly string[]).filter((s) => Object.hasOwn(byState, s));
  const other = Object.keys(byState)
    .filter((s) => !known.includes(s))
    .sort();
  return [...known, ...other].map((s) => [s, byState[s] ?? 0]);
}

/** `12 backup jobs`, `more than 10,000 backup jobs`, `no backup jobs`. */
export function howMany(kind: JobKind, counts: JobCounts): string {
  if (counts.capped) return `More than ${countOfKind(kind, counts.bound)}`;
  return counts.total === 0 ? `No ${KIND_NOUN[kind].many}` : countOfKind(kind, counts.total);
}

function lines(input: CountInput): string {
  const { counts } = input;
  const floor = counts.capped ? 'at least ' : '';
  const out = [
    `*${formatCount(counts.total)}* in all${counts.capped ? ` (counting stopped at ${formatCount(counts.bound)})` : ''}`,
  ];
  for (const [state, n] of ordered(counts.byState)) {
    const look = lookOf(state);
    out.push(`${look.emoji} ${floor}*${formatCount(n)}* ${mrkdwnText(look.label, 60).toLowerCase()}`);
    if (state === 'COMPLETED' && counts.issues !== undefined) {
      const issues = lookOf('COMPLETED_WITH_ISSUES');
      out.push(
        `${issues.emoji} ${floor}*${formatCount(counts.issues)}* completed with issues (counted in completed)`,
      );
    }
  }
  return out.join('\n');
}

function buttons(input: CountInput): Button[] {
  const rows = ordered(input.counts.byState).filter(([, n]) => n > 0);
  if (
    input.counts.issues !== undefined &&
    input.counts.issues > 0 &&
    input.counts.byState.COMPLETED !== undefined
  )
    rows.push(['COMPLETED_WITH_ISSUES', input.counts.issues]);
  const found: Button[] = [];
  let missing = false;
  for (const [state] of rows) {
    const text = input.listTexts[state];
    if (text === undefined) {
      missing = true;
      continue;
    }
    const label = `List ${lookOf(state).label.toLowerCase()}`;
    found.push(
      button({
        text: label,
        actionId: indexedActionId(ACTION.runAgain, found.length),
        value: encodeQueryValue(text),
      }),
    );
  }
  if ((missing || rows.length > 1) && input.allText !== undefined && input.counts.total > 0)
    found.push(
      button({
        text: 'List them all',
        actionId: indexedActionId(ACTION.runAgain, found.length),
        value: encodeQueryValue(input.allText),
      }),
    );
  return found.slice(0, 25);
}

function info(input: CountInput): string {
  const { counts } = input;
  const end = input.window ? new Date(input.window.to) : undefined;
  const window =
    input.window && end
      ? `${formatDateTime(input.window.from, input.timeZone, end)} – ${formatDateTime(input.window.to, input.timeZone, end)} ${zoneLabel(input.timeZone, end)}`
      : undefined;
  return joinParts([
    `:1234: ${mrkdwnText(input.title, 400)}`,
    SOURCE_WORDS[counts.source],
    window,
    plural(counts.regions.length, 'region'),
  ]);
}

/**
 * The answer to `how many …`: the total first, then one line per state (and "completed with
 * issues" where the kind has message categories), each with a button that lists those jobs. The
 * jobs themselves are not sent.
 */
export function countMessage(input: CountInput, options: ResponseOptions = {}): BlockMessage {
  const { counts, kind } = input;
  const blocks: KnownBlock[] = [
    header(howMany(kind, counts), 'bj_count_head'),
    context([info(input)], 'bj_count_info'),
    section(lines(input), 'bj_count_states'),
  ];
  const list = buttons(input);
  if (list.length > 0) blocks.push(actions(list, 'bj_count_actions'));
  const warnings = [
    ...counts.failedRegions.map((f) => `${f.region} could not be counted: ${f.reason}`),
    ...(counts.capped
      ? [
          `I stopped counting at ${formatCount(counts.bound)} jobs: there are more. Narrow the window or add filters for an exact count.`,
        ]
      : []),
  ];
  const remarks = remarksBlock(remarksOf(warnings, input.notes), 1500, 'bj_count_remarks');
  if (remarks) blocks.push(remarks);
  const parts = ordered(counts.byState)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${formatCount(n)} ${lookOf(s).label.toLowerCase()}`);
  const text = `${escapeMrkdwn(truncate(input.title, 300))}: ${howMany(kind, counts).toLowerCase()}${parts.length > 1 ? ` (${parts.join(', ')})` : ''}`;
  return message(text, blocks, options);
}
