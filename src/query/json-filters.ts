import type { FilterName, JobKind } from '../domain/index.js';
import type { ListFilters } from './types.js';

/**
 * `filters` of the parse JSON: the input names of the kind's List operation — ListBackupJobs,
 * ListCopyJobs or ListRestoreJobs — as documented in the README. States are not among them: each
 * state in `states` is one call with ByState (ByStatus for restore jobs).
 */
export interface ParseFilters {
  ByCreatedAfter?: string;
  ByCreatedBefore?: string;
  ByCompleteAfter?: string;
  ByCompleteBefore?: string;
  /** Backup jobs. */
  ByBackupVaultName?: string;
  /** Copy jobs: a destination vault typed as an ARN. */
  ByDestinationVaultArn?: string;
  ByResourceType?: string;
  ByAccountId?: string;
  /** Backup and copy jobs. */
  ByResourceArn?: string;
  ByParentJobId?: string;
  /** Backup and copy jobs. */
  ByMessageCategory?: string;
  /** Copy jobs. */
  BySourceRecoveryPointArn?: string;
  /** Restore jobs. */
  ByRestoreTestingPlanArn?: string;
}

/**
 * `checkedOnEachJob` of the parse JSON: copy job filters no ListCopyJobs input takes (it has no
 * source vault input and takes the destination as an ARN only), checked on each job it returns.
 */
export interface ParseJobChecks {
  /** `vault:NAME`: the source or the destination vault has this name. */
  SourceOrDestinationVaultName?: string;
  SourceVaultName?: string;
  SourceVaultArn?: string;
  /** A destination vault typed as a name (an ARN goes to `filters.ByDestinationVaultArn`). */
  DestinationVaultName?: string;
}

type Inputs = readonly [FilterName, keyof ParseFilters][];

const WINDOW_INPUTS: Inputs = [
  ['createdAfter', 'ByCreatedAfter'],
  ['createdBefore', 'ByCreatedBefore'],
  ['completedAfter', 'ByCompleteAfter'],
  ['completedBefore', 'ByCompleteBefore'],
];

/** The product's filter names and each kind's List operation input names, in the documented order. */
const LIST_INPUTS: Readonly<Record<JobKind, Inputs>> = {
  backup: [
    ...WINDOW_INPUTS,
    ['vault', 'ByBackupVaultName'],
    ['resourceType', 'ByResourceType'],
    ['account', 'ByAccountId'],
    ['resourceArn', 'ByResourceArn'],
    ['parentJobId', 'ByParentJobId'],
    ['messageCategory', 'ByMessageCategory'],
  ],
  copy: [
    ...WINDOW_INPUTS,
    ['destinationVault', 'ByDestinationVaultArn'],
    ['resourceType', 'ByResourceType'],
    ['account', 'ByAccountId'],
    ['resourceArn', 'ByResourceArn'],
    ['parentJobId', 'ByParentJobId'],
    ['messageCategory', 'ByMessageCategory'],
    ['sourceRecoveryPointArn', 'BySourceRecoveryPointArn'],
  ],
  restore: [
    ...WINDOW_INPUTS,
    ['resourceType', 'ByResourceType'],
    ['account', 'ByAccountId'],
    ['parentJobId', 'ByParentJobId'],
    ['restoreTestingPlanArn', 'ByRestoreTestingPlanArn'],
  ],
};

export function parseFilters(kind: JobKind, filters: ListFilters): ParseFilters {
  const out: ParseFilters = {};
  for (const [ours, aws] of LIST_INPUTS[kind]) {
    const value = filters[ours];
    // ListCopyJobs takes the destination vault as an ARN only: a name is checked on each job.
    if (value !== undefined && (aws !== 'ByDestinationVaultArn' || isArn(value))) out[aws] = value;
  }
  return out;
}

export function jobChecks(filters: ListFilters): ParseJobChecks {
  const out: ParseJobChecks = {};
  const { vault, sourceVault, destinationVault } = filters;
  if (vault !== undefined) out.SourceOrDestinationVaultName = vault;
  if (sourceVault !== undefined) out[isArn(sourceVault) ? 'SourceVaultArn' : 'SourceVaultName'] = sourceVault;
  if (destinationVault !== undefined && !isArn(destinationVault)) out.DestinationVaultName = destinationVault;
  return out;
}

function isArn(value: string | undefined): value is string {
  return value?.startsWith('arn:') === true;
}
