import type { FilterName, JobKind } from '../domain/kinds.js';
import { RESOURCE_TYPE_ALIASES, RESOURCE_TYPES, type ResourceType } from '../domain/resource-types.js';
import type { JobState } from '../domain/states.js';
import type { AggregationPeriod, SummaryGrouping, ValidationOutcome } from './types.js';

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
      FAILED: 'failed failure failures fail fails failing error errors errored',
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
  "show list me all any the of in for with jobs job that were which are is and or please get find what what's whats there do did does have has we our us you can could tell give see happened happening going".split(
    ' ',
  ),
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
  FOURTEEN_DAYS: 'fortnight fortnightly biweekly 14d 2w',
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

/** `summary by account`: the words after `by` and the grouping they ask for. */
export const GROUPING_PHRASES: readonly { words: readonly string[]; groupBy: SummaryGrouping }[] = [
  ...['account', 'accounts', 'account id'].map((w) => ({ words: w.split(' '), groupBy: 'account' as const })),
  ...['region', 'regions'].map((w) => ({ words: [w], groupBy: 'region' as const })),
  ...['resource type', 'resource types', 'type', 'types', 'resource'].map((w) => ({
    words: w.split(' '),
    groupBy: 'resourceType' as const,
  })),
  ...['state', 'states', 'status'].map((w) => ({ words: [w], groupBy: 'state' as const })),
];

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

/** Phrases meaning every account of the organisation (`account:*`), longest matched first. */
export const EVERY_ACCOUNT_PHRASES: readonly { words: readonly string[] }[] = [
  'all accounts',
  'all the accounts',
  'all of the accounts',
  'every account',
  'each account',
  'any account',
  'across accounts',
  'across all accounts',
  'across every account',
  'across the org',
  'across the organization',
  'across the organisation',
  'across the whole org',
  'across the whole organization',
  'across org',
  'in the org',
  'in the organization',
  'in the organisation',
  'org-wide',
  'orgwide',
  'org wide',
  'organization-wide',
  'organisation-wide',
  'organization wide',
  'organisation wide',
  'the whole org',
  'whole org',
  'entire org',
  'the entire org',
].map((phrase) => ({ words: phrase.split(' ') }));

/** Phrases that ask for the answer in the channel, as `public` does. */
export const PUBLIC_PHRASES: readonly { words: readonly string[] }[] = [
  'share',
  'shared',
  'post',
  'post it',
  'publicly',
  'in channel',
  'in the channel',
  'in this channel',
  'to the channel',
  'to channel',
  'to this channel',
  'for everyone',
  'for the channel',
  'for the team',
  'for all to see',
].map((phrase) => ({ words: phrase.split(' ') }));

/** Phrases asking about this moment: jobs still running or waiting to run. */
export const NOW_PHRASES: readonly { words: readonly string[] }[] = [
  'now',
  'right now',
  'just now',
  'currently',
  'at the moment',
  'at present',
  'as we speak',
].map((phrase) => ({ words: phrase.split(' ') }));

/** Message categories said in words (`failed with access denied`), as AWS spells them. */
export const CATEGORY_PHRASES: readonly { words: readonly string[]; category: string }[] = [
  { words: ['access', 'denied'], category: 'AccessDenied' },
  { words: ['accessdenied'], category: 'AccessDenied' },
  { words: ['permission', 'denied'], category: 'AccessDenied' },
  { words: ['permissions', 'denied'], category: 'AccessDenied' },
  { words: ['invalid', 'parameters'], category: 'InvalidParameters' },
  { words: ['invalid', 'parameter'], category: 'InvalidParameters' },
  { words: ['invalidparameters'], category: 'InvalidParameters' },
];

/** Extra names of resource types, of several words or spaced as people type them. */
const SPOKEN_TYPE_NAMES: Readonly<Partial<Record<ResourceType, readonly string[]>>> = {
  'SAP HANA on Amazon EC2': ['sap hana', 'sap hana on ec2'],
  'Storage Gateway': ['storage gateway', 'storage gateways'],
  DynamoDB: ['dynamo db'],
  DocumentDB: ['document db', 'documentdb'],
  VirtualMachine: ['virtual machine', 'virtual machines', 'vmware vms'],
  CloudFormation: ['cloud formation'],
  EC2: ['ec2 instance'],
};

/** The names that qualify a resource noun (`rds` in `rds instances`), each naming one type. */
export const RESOURCE_QUALIFIERS: readonly { words: readonly string[]; type: ResourceType }[] =
  RESOURCE_TYPES.flatMap((type) =>
    [
      ...new Set([
        type.toLowerCase(),
        ...RESOURCE_TYPE_ALIASES[type].aliases,
        ...RESOURCE_TYPE_ALIASES[type].bare,
        ...(SPOKEN_TYPE_NAMES[type] ?? []),
      ]),
    ].map((name) => ({ words: name.split(' '), type })),
  );

/**
 * Nouns people call resources by: alone, each names its usual type (`tables` are DynamoDB tables);
 * a noun several types share (`clusters`) names none, and the answer asks which (`among`).
 */
export const RESOURCE_NOUNS: readonly { words: readonly string[]; type?: ResourceType; among?: string[] }[] =
  [
    ...nouns('instance instances', 'EC2'),
    ...nouns('table tables', 'DynamoDB'),
    ...nouns('volume volumes disk disks', 'EBS'),
    ...nouns('bucket buckets', 'S3'),
    ...nouns('stack stacks', 'CloudFormation'),
    ...nouns('vm vms', 'VirtualMachine'),
    ...nouns('gateway gateways', 'Storage Gateway'),
    ...['file system', 'file systems', 'filesystem', 'filesystems', 'file share', 'file shares'].map(
      (name) => ({ words: name.split(' '), type: 'EFS' as const }),
    ),
    ...['cluster', 'clusters'].map((name) => ({
      words: [name],
      among: ['Aurora', 'DocumentDB', 'Neptune', 'Redshift', 'EKS'],
    })),
    ...['database', 'databases', 'db', 'dbs'].map((name) => ({
      words: [name],
      among: ['RDS', 'Aurora', 'DynamoDB', 'DocumentDB', 'Neptune'],
    })),
  ];

function nouns(words: string, type: ResourceType) {
  return words.split(' ').map((word) => ({ words: [word], type }));
}

/** Words of time the grammar reads (units, calendar words, parts of a day). */
const TIME_WORDS =
  'minute minutes min mins hour hours hr hrs day days week weeks month months year years today yesterday tomorrow tonight morning afternoon evening night overnight weekend weekends noon midnight last past this next previous since after before until till between from to ago within during over am pm'.split(
    ' ',
  );

/** Every word the language gives a meaning of its own (see isVocabularyWord). */
const VOCABULARY: ReadonlySet<string> = new Set([
  ...Object.keys(STATE_WORDS),
  ...KIND_WORDS,
  ...FILLER_WORDS,
  ...Object.keys(WINDOW_MARKERS),
  ...Object.values(COMMAND_WORDS).flat(),
  ...Object.keys(NUMBER_WORDS),
  ...WEEKDAYS,
  ...MONTHS,
  ...Object.keys(SUMMARY_PERIODS),
  ...TIME_WORDS,
  ...[
    ...EVERY_ACCOUNT_PHRASES,
    ...PUBLIC_PHRASES,
    ...NOW_PHRASES,
    ...CATEGORY_PHRASES,
    ...RESOURCE_QUALIFIERS,
    ...RESOURCE_NOUNS,
    ...WITH_ISSUES_PHRASES.map((words) => ({ words })),
    ...VALIDATION_PHRASES,
  ].flatMap((p) => p.words),
  ...'vault vaults account accounts type region regions resource resources public limit page per how many top by'.split(
    ' ',
  ),
]);

/**
 * True for a word the language gives a meaning of its own: a state, a kind, a filler, a word of
 * time, a command, a resource noun. A word that is none of these can be a name (`prod` in `prod
 * vault`); `default`, AWS's own vault name, is one.
 */
export function isVocabularyWord(word: string): boolean {
  return VOCABULARY.has(word);
}
