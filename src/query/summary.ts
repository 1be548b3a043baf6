import { UNIT_MS } from '../time/duration.js';
import type { Item } from './items.js';
import { LIST_PARSERS, type ListParser } from './list-parsers.js';
import type { TimeContext } from './operands.js';
import { firstProblem, isError, readItems, regionsOf, singleValues, statesOf } from './refine.js';
import { quoteWord, type Token } from './tokens.js';
import type { AggregationPeriod, QueryError, SummaryInput, SummaryQuery } from './types.js';
import { SUMMARY_PERIODS } from './vocabulary.js';

/** `daily`, `7d`, `14d`, `week`, `fortnight`, … right after `summary`. */
const period: ListParser = (tokens, i) => {
  const found = SUMMARY_PERIODS[tokens[i]!.word];
  return found === undefined
    ? null
    : { consumed: 1, item: { kind: 'period', period: found, text: tokens[i]!.raw } };
};

const PERIOD_BY_MS: ReadonlyMap<number, AggregationPeriod> = new Map([
  [UNIT_MS.day, 'ONE_DAY'],
  [7 * UNIT_MS.day, 'SEVEN_DAYS'],
  [14 * UNIT_MS.day, 'FOURTEEN_DAYS'],
]);
const HINT = 'Summaries cover the last day (daily counts for 14 days), 7 days or 14 days';
const NOT_FOR_SUMMARY = 'AWS summaries count by account, resource type, state and message category only';

/** `summary [daily|7d|14d] [account:… type:… <state> category:… region:… public]`. */
export function parseSummary(
  text: string,
  tokens: readonly Token[],
  t: TimeContext,
): SummaryQuery | QueryError {
  const items = readItems(tokens, [period, ...LIST_PARSERS], t);
  const problem = firstProblem(items);
  if (problem !== null) return problem;
  const periods: { period: AggregationPeriod; text: string }[] = [];
  for (const item of items) {
    const refused = refusal(item);
    if (refused !== null) return refused;
    if (item.kind === 'period') periods.push(item);
    if (item.kind === 'window' && item.window.form.kind === 'rolling') {
      const { amount, unit } = item.window.form;
      const found = PERIOD_BY_MS.get(amount * UNIT_MS[unit]);
      if (found === undefined)
        return { error: `${HINT}: ${quoteWord(item.text)} is not one of them.`, suggestions: PERIOD_WORDS };
      periods.push({ period: found, text: item.text });
    }
  }
  const [first, other] = [periods[0], periods.find((p) => p.period !== periods[0]?.period)];
  if (first !== undefined && other !== undefined) return twoOf(first.text, other.text, 'one period');
  const states = statesOf(items);
  const stateTexts = items.flatMap((item) => (item.kind === 'states' ? [item.text] : []));
  if (states.length > 1) return twoOf(stateTexts[0] ?? '', stateTexts.at(-1) ?? '', 'one state');
  const single = singleValues(items);
  if (isError(single)) return single;

  const summary: SummaryInput = { period: first?.period ?? 'SEVEN_DAYS' };
  if (single.account !== undefined) summary.account = single.account;
  if (single.type !== undefined) summary.resourceType = single.type;
  if (states[0] !== undefined) summary.state = states[0];
  if (single.category !== undefined) summary.messageCategory = single.category;
  return {
    kind: 'summary',
    text,
    notes: [],
    visibility: items.some((item) => item.kind === 'public') ? 'in_channel' : 'ephemeral',
    summary,
    regions: regionsOf(items),
  };
}

const PERIOD_WORDS = ['summary daily', 'summary 7d', 'summary 14d'];

/** Items a summary cannot take, as the error that says so. */
function refusal(item: Item): QueryError | null {
  const text = 'text' in item ? quoteWord(item.text) : '';
  if (item.kind === 'window' && item.window.form.kind !== 'rolling') {
    return { error: `${HINT}: ${text} is not one of them.`, suggestions: PERIOD_WORDS };
  }
  if (item.kind === 'with-issues') {
    return {
      error: `A summary cannot single out ${text}: its rows already split COMPLETED jobs by message category. Try "summary completed", or list them with "completed with issues last 7d".`,
      suggestions: ['summary completed', 'completed with issues last 7d'],
    };
  }
  if (
    item.kind === 'page-size' ||
    (item.kind === 'filter' && ['vault', 'resource', 'parent'].includes(item.filter))
  ) {
    return { error: `${NOT_FOR_SUMMARY}: ${text} cannot narrow a summary.`, suggestions: ['summary 7d'] };
  }
  return null;
}

function twoOf(a: string, b: string, noun: string): QueryError {
  return {
    error: `${quoteWord(a)} and ${quoteWord(b)} conflict: a summary takes ${noun}.`,
    suggestions: [a, b],
  };
}
