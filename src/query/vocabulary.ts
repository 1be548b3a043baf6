import type { JobState } from '../domain/states.js';
import type { AggregationPeriod } from './types.js';

/**
 * Every word the query language knows, as data. Parsers look words up here; the suggestion list
 * for unknown words is built from here too, so a word added here is understood and suggested.
 * Keys are lower case: input is matched case-insensitively.
 */

/** Inverts `{ VALUE: 'word word …' }` into a lookup from each word to its value. */
function byWord<T extends string>(table: Readonly<Record<T, string>>): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  // Object.entries widens keys to string; the keys of `table` are exactly T.
  for (const [value, words] of Object.entries(table) as [T, string][]) {
    for (const word of words.split(' ')) out[word] = value;
  }
  return out;
}

/** Single words naming a job state (synonyms included). */
export const STATE_WORDS: Readonly<Record<string, readonly JobState[]>> = Object.fromEntries(
  Object.entries(
    byWord<JobState>({
      FAILED: 'failed failure failures fail fails error errors errored',
      COMPLETED: 'completed complete succeeded successful success ok',
      PARTIAL: 'partial partially',
      RUNNING: 'running active',
      PENDING: 'pending queued',
      CREATED: 'created',
      ABORTED: 'aborted cancelled canceled',
      ABORTING: 'aborting',
      EXPIRED: 'expired',
    }),
  ).map(([word, state]) => [word, [state]]),
);

/** Phrases meaning "COMPLETED with a MessageCategory other than SUCCESS" (lower case, space-separated). */
export const WITH_ISSUES_PHRASES: readonly (readonly string[])[] = [
  ['completed', 'with', 'issues'],
  ['with', 'issues'],
  ['with', 'warnings'],
];

/** Words that place the time window on completion time ("completed yesterday") or creation time. */
export const WINDOW_MARKERS: Readonly<Record<string, { field: 'created' | 'completed'; state?: JobState }>> =
  {
    completed: { field: 'completed', state: 'COMPLETED' },
    ended: { field: 'completed' },
    finished: { field: 'completed' },
    created: { field: 'created' },
    started: { field: 'created' },
  };

/** Words that carry no meaning in a list query ("show me all failed jobs"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  'show list me all any the of in for with jobs job backups backup that were which are is and or please get find'.split(
    ' ',
  ),
);

/** Filter keys as typed (`key:value`), mapped to the filter they set. */
export type FilterKey =
  | 'vault'
  | 'type'
  | 'account'
  | 'region'
  | 'resource'
  | 'parent'
  | 'category'
  | 'limit';
export const FILTER_KEYS: Readonly<Record<string, FilterKey>> = byWord<FilterKey>({
  vault: 'vault backup-vault',
  type: 'type resource-type',
  account: 'account account-id',
  region: 'region',
  resource: 'resource arn',
  parent: 'parent parent-job',
  category: 'category message-category',
  limit: 'limit page-size',
});

/** Counts written as words ("last three days"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  'one two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((word, i) => [word, i + 1] as const)
    .concat([
      ['a', 1],
      ['an', 1],
    ]),
);

export const WEEKDAYS: readonly string[] = 'sunday monday tuesday wednesday thursday friday saturday'.split(
  ' ',
);
export const MONTHS: readonly string[] =
  'january february march april may june july august september october november december'.split(' ');

/** Summary periods as typed after `summary`. */
export const SUMMARY_PERIODS: Readonly<Record<string, AggregationPeriod>> = byWord<AggregationPeriod>({
  ONE_DAY: 'daily day 1d 24h',
  SEVEN_DAYS: 'weekly week 7d 1w',
  FOURTEEN_DAYS: 'fortnight 14d 2w',
});

/** The words that start the other kinds of query (first word only). */
export const COMMAND_WORDS = {
  help: ['help', '?'],
  summary: ['summary', 'summaries', 'summarise', 'summarize', 'stats'],
  job: ['job', 'details'],
  alerts: ['alerts', 'alert'],
} as const;

/** Topics `help <topic>` knows. */
// biome-ignore format: a list of words reads best on one line
export const HELP_TOPICS = ['states', 'filters', 'types', 'dates', 'summary', 'job', 'alerts', 'examples'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
export const HELP_TOPIC_ALIASES: Readonly<Record<string, HelpTopic>> = byWord<HelpTopic>({
  states: 'state list lists',
  filters: 'filter',
  types: 'type',
  dates: 'date time times window windows',
  summary: 'summaries',
  job: 'jobs details',
  alerts: 'alert',
  examples: 'example',
});
