import type { FilterName, JobKind } from '../domain/kinds.js';
import type { JobState } from '../domain/states.js';
import type { AggregationPeriod, ValidationOutcome } from './types.js';

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

/**
 * Phrases naming a kind of job, longest first. Lists and summaries read them anywhere; before `job`
 * or `summary` they lead (`copy job <id>`, `restore summary daily`). A query without one is about
 * backup jobs. `restore tests` are the restore jobs a restore testing plan started.
 */
export const KIND_PHRASES: readonly { words: readonly string[]; jobKind: JobKind; testsOnly: boolean }[] = [
  { words: ['restore', 'tests'], jobKind: 'restore', testsOnly: true },
  { words: ['restore', 'test'], jobKind: 'restore', testsOnly: true },
  { words: ['restore', 'testing'], jobKind: 'restore', testsOnly: true },
  ...(
    [
      ['backup', 'backup'],
      ['backups', 'backup'],
      ['copy', 'copy'],
      ['copies', 'copy'],
      ['restore', 'restore'],
      ['restores', 'restore'],
    ] as const
  ).map(([word, jobKind]) => ({ words: [word], jobKind, testsOnly: false })),
];

/** The words a kind phrase starts with: a date never runs into one, and `job copies` is a list. */
export const KIND_WORDS: ReadonlySet<string> = new Set(KIND_PHRASES.map((p) => p.words[0]!));

/** The word a suggestion uses for each kind (`copies failed`, `restores last 7 days`). */
export const KIND_WORD: Readonly<Record<JobKind, string>> = {
  backup: 'backups',
  copy: 'copies',
  restore: 'restores',
};

/** Phrases naming how a restore test's validation ended, beside the states (`restore tests timed out`). */
export const VALIDATION_PHRASES: readonly { words: readonly string[]; outcome: ValidationOutcome }[] = [
  { words: ['timed', 'out'], outcome: 'TIMED_OUT' },
  { words: ['timed-out'], outcome: 'TIMED_OUT' },
  { words: ['timeout'], outcome: 'TIMED_OUT' },
  { words: ['timeouts'], outcome: 'TIMED_OUT' },
];

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
  'show list me all any the of in for with jobs job that were which are is and or please get find'.split(' '),
);

/** Filter keys as typed (`key:value`), mapped to the filter they set. */
export type FilterKey =
  | 'vault'
  | 'source'
  | 'destination'
  | 'type'
  | 'account'
  | 'region'
  | 'resource'
  | 'parent'
  | 'category'
  | 'recovery-point'
  | 'plan'
  | 'limit';
export const FILTER_KEYS: Readonly<Record<string, FilterKey>> = byWord<FilterKey>({
  vault: 'vault backup-vault',
  source: 'source source-vault from-vault',
  destination: 'destination dest destination-vault to-vault',
  type: 'type resource-type',
  account: 'account account-id',
  region: 'region',
  resource: 'resource arn',
  parent: 'parent parent-job',
  category: 'category message-category',
  'recovery-point': 'recovery-point source-recovery-point',
  plan: 'plan testing-plan restore-testing-plan',
  limit: 'limit page-size',
});

/** `from vault:X` and `to vault:X`: a copy job's source and destination vault. */
export const VAULT_SIDES: Readonly<Record<string, 'sourceVault' | 'destinationVault'>> = {
  from: 'sourceVault',
  to: 'destinationVault',
};

/** How people type each filter, for the messages that say which filters a kind takes. */
export const FILTER_WORDS: Readonly<Record<FilterName, string>> = {
  createdAfter: 'a time window',
  createdBefore: 'a time window',
  completedAfter: 'a time window',
  completedBefore: 'a time window',
  vault: 'vault:',
  sourceVault: 'from vault:',
  destinationVault: 'to vault:',
  resourceType: 'type:',
  account: 'account:',
  resourceArn: 'resource:',
  parentJobId: 'parent:',
  messageCategory: 'category:',
  sourceRecoveryPointArn: 'recovery-point:',
  restoreTestingPlanArn: 'plan:',
};

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
  stale: ['stale'],
  resource: ['resource'],
  coverage: ['coverage'],
} as const;

/**
 * Words that may lead the age of `stale` and `coverage` (`stale in the last 2 days`, `coverage older
 * than 48h`), longest first.
 */
export const AGE_LEADS: readonly (readonly string[])[] = [
  ['in', 'the', 'last'],
  ['in', 'the', 'past'],
  ['the', 'last'],
  ['the', 'past'],
  ['older', 'than'],
  ['more', 'than'],
  ['last'],
  ['past'],
  ['for'],
  ['over'],
];

/** Words that carry no meaning in `stale` and `coverage` ("stale resources with no good backup in 2d"). */
export const RESOURCE_FILLER_WORDS: ReadonlySet<string> = new Set(
  'show list me all any the of in for with no good resources resource that are is and please'.split(' '),
);

/** Topics `help <topic>` knows. */
// biome-ignore format: a list of words reads best on one line
export const HELP_TOPICS = ['states', 'kinds', 'filters', 'types', 'dates', 'summary', 'job', 'alerts', 'protection', 'examples'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
export const HELP_TOPIC_ALIASES: Readonly<Record<string, HelpTopic>> = byWord<HelpTopic>({
  states: 'state list lists',
  kinds: 'kind copies copy restores restore tests backups backup',
  filters: 'filter',
  types: 'type',
  dates: 'date time times window windows',
  summary: 'summaries',
  job: 'jobs details',
  alerts: 'alert',
  protection: 'protected gaps gap stale coverage resource resources',
  examples: 'example',
});
