import type { AggregationPeriod, JobState, ResourceType } from './types.js';

/**
 * Every word the query language knows, as data. Parsers look words up here; the suggestion list
 * for unknown words is built from here too, so a word added here is understood and suggested.
 * Keys are lower case: input is matched case-insensitively.
 */

/** Single words naming one or more job states. */
export const STATE_WORDS: Readonly<Record<string, readonly JobState[]>> = {
  failed: ['FAILED'],
  failure: ['FAILED'],
  failures: ['FAILED'],
  fail: ['FAILED'],
  fails: ['FAILED'],
  error: ['FAILED'],
  errors: ['FAILED'],
  errored: ['FAILED'],
  completed: ['COMPLETED'],
  complete: ['COMPLETED'],
  succeeded: ['COMPLETED'],
  successful: ['COMPLETED'],
  success: ['COMPLETED'],
  ok: ['COMPLETED'],
  partial: ['PARTIAL'],
  partially: ['PARTIAL'],
  running: ['RUNNING'],
  active: ['RUNNING'],
  pending: ['PENDING'],
  queued: ['PENDING'],
  created: ['CREATED'],
  aborted: ['ABORTED'],
  cancelled: ['ABORTED'],
  canceled: ['ABORTED'],
  aborting: ['ABORTING'],
  expired: ['EXPIRED'],
};

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
export const FILTER_KEYS: Readonly<Record<string, FilterKey>> = {
  vault: 'vault',
  'backup-vault': 'vault',
  type: 'type',
  'resource-type': 'type',
  account: 'account',
  'account-id': 'account',
  region: 'region',
  resource: 'resource',
  arn: 'resource',
  parent: 'parent',
  'parent-job': 'parent',
  category: 'category',
  'message-category': 'category',
  limit: 'limit',
  'page-size': 'limit',
};

/** Resource-type aliases. `bare` aliases are also understood without `type:` ("failed rds"). */
export const RESOURCE_TYPE_ALIASES: Readonly<Record<ResourceType, { aliases: string[]; bare: string[] }>> = {
  Aurora: { aliases: ['aurora'], bare: ['aurora'] },
  CloudFormation: { aliases: ['cloudformation', 'cfn', 'stack'], bare: ['cloudformation', 'cfn'] },
  DocumentDB: { aliases: ['documentdb', 'docdb'], bare: ['documentdb', 'docdb'] },
  DynamoDB: { aliases: ['dynamodb', 'dynamo', 'ddb'], bare: ['dynamodb', 'dynamo', 'ddb'] },
  EBS: { aliases: ['ebs', 'volume', 'volumes'], bare: ['ebs'] },
  EC2: { aliases: ['ec2', 'instance', 'instances'], bare: ['ec2'] },
  EFS: { aliases: ['efs'], bare: ['efs'] },
  EKS: { aliases: ['eks', 'kubernetes'], bare: ['eks'] },
  FSx: { aliases: ['fsx'], bare: ['fsx'] },
  Neptune: { aliases: ['neptune'], bare: ['neptune'] },
  RDS: { aliases: ['rds'], bare: ['rds'] },
  Redshift: { aliases: ['redshift'], bare: ['redshift'] },
  S3: { aliases: ['s3', 'bucket', 'buckets'], bare: ['s3'] },
  'SAP HANA on Amazon EC2': { aliases: ['sap', 'saphana', 'sap-hana', 'hana'], bare: ['saphana'] },
  'Storage Gateway': {
    aliases: ['storage-gateway', 'storagegateway', 'sgw', 'gateway'],
    bare: ['sgw', 'storage-gateway'],
  },
  Timestream: { aliases: ['timestream'], bare: ['timestream'] },
  VirtualMachine: { aliases: ['virtualmachine', 'vm', 'vms', 'vmware'], bare: ['vmware'] },
};

/** Duration units: the word as typed -> milliseconds and the unit's name in replies. */
export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month';
export const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};
/** Fixed lengths; a month is only used for rolling windows, which step calendar months instead. */
export const UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 2_592_000_000,
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

export const WEEKDAYS: readonly string[] = 'sunday monday tuesday wednesday thursday friday saturday'.split(
  ' ',
);
export const MONTHS: readonly string[] =
  'january february march april may june july august september october november december'.split(' ');

/** Summary periods as typed after `summary`. */
export const SUMMARY_PERIODS: Readonly<Record<string, AggregationPeriod>> = {
  daily: 'ONE_DAY',
  day: 'ONE_DAY',
  '1d': 'ONE_DAY',
  '24h': 'ONE_DAY',
  weekly: 'SEVEN_DAYS',
  week: 'SEVEN_DAYS',
  '7d': 'SEVEN_DAYS',
  '1w': 'SEVEN_DAYS',
  fortnight: 'FOURTEEN_DAYS',
  '14d': 'FOURTEEN_DAYS',
  '2w': 'FOURTEEN_DAYS',
};

/** The words that start the other kinds of query (first word only). */
export const COMMAND_WORDS = {
  help: ['help', '?'],
  summary: ['summary', 'summaries', 'summarise', 'summarize', 'stats'],
  job: ['job', 'details'],
  alerts: ['alerts', 'alert'],
} as const;

/** Topics `help <topic>` knows. */
export const HELP_TOPICS = [
  'states',
  'filters',
  'types',
  'dates',
  'summary',
  'job',
  'alerts',
  'examples',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
export const HELP_TOPIC_ALIASES: Readonly<Record<string, HelpTopic>> = {
  state: 'states',
  filter: 'filters',
  type: 'types',
  date: 'dates',
  time: 'dates',
  times: 'dates',
  windows: 'dates',
  summaries: 'summary',
  jobs: 'job',
  alert: 'alerts',
  example: 'examples',
};

/** Regions offered as suggestions for a misspelt region (any region-shaped name is accepted). */
export const KNOWN_REGIONS: readonly string[] = (
  'us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 ca-west-1 sa-east-1 mx-central-1 eu-west-1 eu-west-2 ' +
  'eu-west-3 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 me-south-1 me-central-1 il-central-1 ' +
  'af-south-1 ap-east-1 ap-east-2 ap-south-1 ap-south-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ' +
  'ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-7 ' +
  'us-gov-west-1 us-gov-east-1'
).split(' ');
