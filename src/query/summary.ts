import { type FilterName, type JobKind, KIND_NOUN, kindTakes } from '../domain/index.js';
import { UNIT_MS } from '../time/duration.js';
import type { Item } from './items.js';
import { kindProblem } from './kind-checks.js';
import { LIST_PARSERS, type ListParser } from './list-parsers.js';
import type { TimeContext } from './operands.js';
import { firstProblem, isError, kindOf, readItems, regionsOf, singleValues, statesOf } from './refine.js';
import { joinTokens, phraseAt, quoteWord, type Token } from './tokens.js';
import type {
  AggregationPeriod,
  QueryError,
  SummaryGrouping,
  SummaryInput,
  SummaryQuery,
  WindowForm,
} from './types.js';
import { GROUPING_PHRASES, KIND_WORD, SUMMARY_PERIODS } from './vocabulary.js';

/** `daily`, `7d`, `14d`, `week`, `fortnight`, … right after `summary`. */
const period: ListParser = (tokens, i) => {
  const found = SUMMARY_PERIODS[tokens[i]!.word];
  return found === undefined
    ? null
    : { consumed: 1, item: { kind: 'period', period: found, text: tokens[i]!.raw } };
};

/** `by account`, `by region`, `by resource type`, `by state`. */
const grouping: ListParser = (tokens, i) => {
  if (tokens[i]?.word !== 'by') return null;
  let best: { consumed: number; groupBy: SummaryGrouping } | null = null;
  for (const phrase of GROUPING_PHRASES) {
    const used = phraseAt(tokens, i + 1, phrase.words);
    if (used > (best?.consumed ?? 0)) best = { consumed: used, groupBy: phrase.groupBy };
  }
  if (best === null) {
    const error = `A summary can be grouped by account, Region, resource type or state: ${quoteWord(joinTokens(tokens.slice(i, i + 2)))} is not one of them.`;
    return { consumed: 2, item: { kind: 'error', error: { error, suggestions: GROUPING_EXAMPLES } } };
  }
  const consumed = 1 + best.consumed;
  const text = joinTokens(tokens.slice(i, i + consumed));
  return { consumed, item: { kind: 'grouping', groupBy: best.groupBy, text } };
};
const GROUPING_EXAMPLES = [
  'summary by account',
  'summary by region',
  'summary by resource type',
  'summary by state',
];

const PERIOD_BY_MS: ReadonlyMap<number, AggregationPeriod> = new Map([
  [UNIT_MS.day, 'ONE_DAY'],
  [7 * UNIT_MS.day, 'SEVEN_DAYS'],
  [14 * UNIT_MS.day, 'FOURTEEN_DAYS'],
]);
/** The summary period a rolling window is (`24h` a day, `7d`, `14d`), or undefined. */
export function periodOfWindow(form: WindowForm | undefined): AggregationPeriod | undefined {
  return form?.kind === 'rolling' ? PERIOD_BY_MS.get(form.amount * UNIT_MS[form.unit]) : undefined;
}
const HINT = 'Summaries cover the last day (daily counts for 14 days), 7 days or 14 days';

/** What AWS summaries of a kind count by (ListRestoreJobSummaries has no message category). */
function countedBy(kind: JobKind): string {
  const by = kind === 'backup' ? 'AWS summaries' : `AWS summaries of ${kind} jobs`;
  return kindTakes(kind, 'messageCategory')
    ? `${by} count by account, resource type, state and message category only`
    : `${by} count by account, resource type and state only`;
}

/**
 * `[copy|restore] summary [daily|7d|14d] [account:… type:… <state> category:… region:… public]`;
 * the kind may follow `summary` too (`summary copies 7d`). `tokens` is the whole query; the
 * summary's own words start at `start`, after the kind that led (`lead`) and `summary`.
 */
export function parseSummary(
  text: string,
  tokens: readonly Token[],
  start: number,
  t: TimeContext,
  lead: Item | null,
): SummaryQuery | QueryError {
  const own = readItems(tokens.slice(start), [period, grouping, ...LIST_PARSERS], t);
  const items = lead === null ? own : [lead, ...own];
  const problem = firstProblem(items);
  if (problem !== null) return problem;
  const asked = kindOf(items);
  if (isError(asked)) return asked;
  const periods: { period: AggregationPeriod; text: string }[] = [];
  for (const item of items) {
    const refused = refusal(item, asked.jobKind);
    if (refused !== null) return refused;
    if (item.kind === 'period') periods.push(item);
    if (item.kind === 'window' && item.window.form.kind === 'rolling') {
      const found = periodOfWindow(item.window.form);
      if (found === undefined)
        return { error: `${HINT}: ${quoteWord(item.text)} is not one of them.`, suggestions: PERIOD_WORDS };
      periods.push({ period: found, text: item.text });
    }
  }
  const [first, other] = [periods[0], periods.find((p) => p.period !== periods[0]?.period)];
  if (first !== undefined && other !== undefined) return twoOf(first.text, other.text, 'one period');
  const tests = items.find((item) => item.kind === 'job-kind' && item.testsOnly);
  if (tests !== undefined && 'text' in tests) {
    return {
      error: `AWS summaries count every restore job: they cannot single out ${quoteWord(tests.text)}. Try "restore summary 7d", or list them with "restore tests last 7 days".`,
      suggestions: ['restore summary 7d', 'restore tests last 7 days'],
    };
  }
  const refused = kindProblem(items, asked, tokens, SUMMARY_KIND_WORDS);
  if (refused !== null) return refused;
  const states = statesOf(items, asked.jobKind);
  const stateTexts = items.flatMap((item) => (item.kind === 'states' ? [item.text] : []));
  if (states.length > 1) return twoOf(stateTexts[0] ?? '', stateTexts.at(-1) ?? '', 'one state');
  const single = singleValues(items);
  if (isError(single)) return single;

  const groupings = items.flatMap((item) => (item.kind === 'grouping' ? [item] : []));
  const otherGrouping = groupings.find((g) => g.groupBy !== groupings[0]?.groupBy);
  if (groupings[0] !== undefined && otherGrouping !== undefined)
    return twoOf(groupings[0].text, otherGrouping.text, 'one grouping');
  const summary: SummaryInput = { period: first?.period ?? 'SEVEN_DAYS' };
  if (single.account !== undefined) summary.account = single.account;
  if (single.resourceType !== undefined) summary.resourceType = single.resourceType;
  if (states[0] !== undefined) summary.state = states[0];
  if (single.messageCategory !== undefined) summary.messageCategory = single.messageCategory;
  return {
    kind: 'summary',
    jobKind: asked.jobKind,
    text,
    notes: [],
    visibility: items.some((item) => item.kind === 'public') ? 'in_channel' : 'ephemeral',
    summary,
    regions: regionsOf(items),
    ...(groupings[0] === undefined ? {} : { groupBy: groupings[0].groupBy }),
  };
}

const PERIOD_WORDS = ['summary daily', 'summary 7d', 'summary 14d'];
/** `copy summary`, `backup summary`: the kind before `summary` reads best singular. */
const SUMMARY_KIND_WORDS = { backup: 'backup', copy: 'copy', restore: 'restore' } as const;
/** The filters a summary narrows by (besides its period): what AWS summaries count by. */
export const SUMMARY_FILTERS: readonly FilterName[] = ['account', 'resourceType', 'messageCategory'];

/** Items a summary of the kind cannot take, as the error that says so. */
function refusal(item: Item, kind: JobKind): QueryError | null {
  const text = 'text' in item ? quoteWord(item.text) : '';
  const summary = kind === 'backup' ? 'summary' : `${kind} summary`;
  const list = kind === 'backup' ? '' : `${KIND_WORD[kind]} `;
  if (item.kind === 'window' && item.window.form.kind !== 'rolling') {
    return { error: `${HINT}: ${text} is not one of them.`, suggestions: PERIOD_WORDS };
  }
  if (item.kind === 'now') {
    return {
      error: `A summary counts jobs over days, so ${text} cannot narrow it. Try "running now" to list the jobs running at this moment.`,
      suggestions: ['running now'],
    };
  }
  if (item.kind === 'with-issues' && !kindTakes(kind, 'messageCategory')) {
    return {
      error: `${KIND_NOUN[kind].title} have no message category, so ${text} cannot narrow a summary of them. Try "${summary} failed".`,
      suggestions: [`${summary} failed`],
    };
  }
  if (item.kind === 'with-issues') {
    return {
      error: `A summary cannot single out ${text}: its rows already split COMPLETED jobs by message category. Try "${summary} completed", or list them with "${list}completed with issues last 7d".`,
      suggestions: [`${summary} completed`, `${list}completed with issues last 7d`],
    };
  }
  if (item.kind === 'validation') {
    return {
      error: `AWS summaries count restore jobs by state, not by how their validation ended: ${text} cannot narrow a summary. List them with "restore tests timed out last 7d".`,
      suggestions: ['restore tests timed out last 7d'],
    };
  }
  const narrows =
    item.kind === 'filter' &&
    (SUMMARY_FILTERS as readonly string[]).includes(item.filter) &&
    kindTakes(kind, item.filter);
  if (item.kind === 'page-size' || (item.kind === 'filter' && !narrows)) {
    const instead = `${summary} 7d`;
    return {
      error: `${countedBy(kind)}: ${text} cannot narrow a summary. Try "${instead}".`,
      suggestions: [instead],
    };
  }
  return null;
}

function twoOf(a: string, b: string, noun: string): QueryError {
  return {
    error: `${quoteWord(a)} and ${quoteWord(b)} conflict: a summary takes ${noun}.`,
    suggestions: [a, b],
  };
}
