/**
 * The kinds of AWS Backup job, and what each one can be asked about. Pure and dependency-free: the
 * query language, the list headings, the alert rules and `backup/` (one JobSource per kind) read
 * the kinds from here.
 */

export const JOB_KINDS = ['backup', 'copy', 'restore'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export function isJobKind(value: string): value is JobKind {
  return (JOB_KINDS as readonly string[]).includes(value);
}

/**
 * The product's filter names. Each kind's JobSource maps the ones it takes to its List operation's
 * inputs (or checks them on each job where AWS has no input for them).
 */
export const FILTER_NAMES = [
  'createdAfter',
  'createdBefore',
  'completedAfter',
  'completedBefore',
  'vault',
  'sourceVault',
  'destinationVault',
  'resourceType',
  'account',
  'resourceArn',
  'parentJobId',
  'messageCategory',
  'sourceRecoveryPointArn',
  'restoreTestingPlanArn',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** The filters that make a list's time window (on creation or completion time). */
export const WINDOW_FILTERS: readonly FilterName[] = [
  'createdAfter',
  'createdBefore',
  'completedAfter',
  'completedBefore',
];
const WINDOW = WINDOW_FILTERS;

const BACKUP_FILTERS: readonly FilterName[] = [
  ...WINDOW,
  'vault',
  'resourceType',
  'account',
  'resourceArn',
  'parentJobId',
  'messageCategory',
];

/** The filters each kind takes (what its List operation can be asked, plus vault names for copies). */
export const KIND_FILTERS: Readonly<Record<JobKind, readonly FilterName[]>> = {
  backup: BACKUP_FILTERS,
  copy: [...BACKUP_FILTERS, 'sourceVault', 'destinationVault', 'sourceRecoveryPointArn'],
  restore: [...WINDOW, 'resourceType', 'account', 'parentJobId', 'restoreTestingPlanArn'],
};

export function kindTakes(kind: JobKind, filter: FilterName): boolean {
  return KIND_FILTERS[kind].includes(filter);
}

/** How each kind is named in sentences: "3 copy jobs", "no restore jobs". */
export const KIND_NOUN: Readonly<Record<JobKind, { one: string; many: string; title: string }>> = {
  backup: { one: 'backup job', many: 'backup jobs', title: 'Backup jobs' },
  copy: { one: 'copy job', many: 'copy jobs', title: 'Copy jobs' },
  restore: { one: 'restore job', many: 'restore jobs', title: 'Restore jobs' },
};

/** `3 copy jobs`, `1 restore job`. */
export function countOfKind(kind: JobKind, count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? KIND_NOUN[kind].one : KIND_NOUN[kind].many}`;
}
