import { randomUUID } from 'node:crypto';
import { DR_MIN_RETENTION_DAYS, DR_VAULT } from '../emulator/aws/dr-layout.js';
import type {
  AwsBackupJob,
  AwsCopyJobInput,
  AwsRestoreJobInput,
  BackupEmulator,
} from '../emulator/aws/index.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Why a copy into the DR vault fails, as AWS Backup words it in the copy job's StatusMessage. */
type CopyFailure = 'kms-key-policy' | 'vault-lock' | 'cross-account-off';

/** A production resource whose nightly backup worked, and what then goes wrong with it. */
interface DrResource {
  type: 'RDS' | 'Aurora' | 'EFS' | 'EBS' | 'DynamoDB' | 'EC2';
  name: string;
  /** The resource's ARN from its Region and account. */
  arn: (region: string, account: string) => string;
  /** How long ago its backup completed. */
  backedUpAgoMs: number;
  copy?: CopyFailure;
  restore?: 'manual-failed' | 'test-failed' | 'validation-failed' | 'validation-timed-out';
  /** How long ago the restore started. */
  restoredAgoMs?: number;
}

/** The resources of the burst's copies and restores; each name is the burst's own. */
export const DR_RESOURCES: readonly DrResource[] = [
  {
    type: 'RDS',
    name: 'orders-db-primary',
    arn: (r, a) => `arn:aws:rds:${r}:${a}:db:orders-db-primary`,
    backedUpAgoMs: 12 * MINUTE_MS,
    copy: 'kms-key-policy',
    restore: 'manual-failed',
    restoredAgoMs: 6 * MINUTE_MS,
  },
  {
    type: 'Aurora',
    name: 'ledger-cluster-primary',
    arn: (r, a) => `arn:aws:rds:${r}:${a}:cluster:ledger-cluster-primary`,
    backedUpAgoMs: 14 * MINUTE_MS,
    copy: 'vault-lock',
  },
  {
    type: 'EFS',
    name: 'payroll-exports',
    arn: (r, a) => `arn:aws:elasticfilesystem:${r}:${a}:file-system/fs-0c4e2a9b7d1f36e58`,
    backedUpAgoMs: 16 * MINUTE_MS,
    copy: 'cross-account-off',
  },
  {
    type: 'EBS',
    name: 'search-index-volume',
    arn: (r, a) => `arn:aws:ec2:${r}:${a}:volume/vol-07d3c1b5a9e2f4680`,
    backedUpAgoMs: 26 * HOUR_MS,
    restore: 'test-failed',
    restoredAgoMs: 50 * MINUTE_MS,
  },
  {
    type: 'DynamoDB',
    name: 'CustomerSessions',
    arn: (r, a) => `arn:aws:dynamodb:${r}:${a}:table/CustomerSessions`,
    backedUpAgoMs: 26 * HOUR_MS,
    restore: 'validation-failed',
    restoredAgoMs: 50 * MINUTE_MS,
  },
  {
    type: 'EC2',
    name: 'checkout-api-1',
    arn: (r, a) => `arn:aws:ec2:${r}:${a}:instance/i-0a9b8c7d6e5f40312`,
    backedUpAgoMs: 30 * HOUR_MS,
    // Restored 4 h 25 min ago: the validation window of 4 hours after the restore has just closed.
    restore: 'validation-timed-out',
    restoredAgoMs: 4 * HOUR_MS + 25 * MINUTE_MS,
  },
];

/** Where the burst happens: a member account's first Region, copying to the DR account's next Region. */
function placesOf(aws: BackupEmulator) {
  const region = aws.regions[0] ?? 'us-east-1';
  const drRegion = aws.regions[1] ?? region;
  const management = aws.accounts[0] ?? '000000000000';
  const account = aws.accounts.length > 2 ? (aws.accounts[1] ?? management) : management;
  const drAccount = aws.accounts.at(-1) ?? management;
  const drVaultArn = `arn:aws:backup:${drRegion}:${drAccount}:backup-vault:${DR_VAULT}`;
  return { region, account, management, drVaultArn };
}

type Places = ReturnType<typeof placesOf>;

function copyOf(job: AwsBackupJob, failure: CopyFailure, at: number, p: Places): Partial<AwsCopyJobInput> {
  const copy = {
    Region: job.Region,
    CreatedByBackupJobId: job.BackupJobId,
    DestinationBackupVaultArn: p.drVaultArn,
    State: 'FAILED',
    CreationDate: new Date(at - 4 * MINUTE_MS).toISOString(),
    CompletionDate: new Date(at).toISOString(),
  } as const;
  // The emulator words a failed cross-account copy as AWS does when the source key's policy leaves
  // the destination account out.
  if (failure === 'kms-key-policy') return copy;
  if (failure === 'vault-lock') {
    return {
      ...copy,
      DestinationRecoveryPointLifecycle: { DeleteAfterDays: 14 },
      MessageCategory: 'InvalidParameters',
      StatusMessage: `Copy job failed. The copy's retention of 14 days is shorter than the minimum retention period of ${DR_MIN_RETENTION_DAYS} days set by the vault lock on ${p.drVaultArn}.`,
    };
  }
  return {
    ...copy,
    MessageCategory: 'InvalidState',
    StatusMessage: `Copy job failed because cross-account backup is not enabled in AWS Organizations. Turn it on in the management account ${p.management} (AWS Backup > Settings > Cross-account backup).`,
  };
}

function restoreOf(
  job: AwsBackupJob,
  r: DrResource,
  planArn: string,
  now: number,
): Partial<AwsRestoreJobInput> {
  const created = now - (r.restoredAgoMs ?? 10 * MINUTE_MS);
  const base = {
    Region: job.Region,
    // The recovery point of the backup job: the emulator restores that job's resource from it.
    ...(job.RecoveryPointArn ? { RecoveryPointArn: job.RecoveryPointArn } : {}),
    ResourceType: job.ResourceType,
    CreationDate: new Date(created).toISOString(),
  };
  if (r.restore === 'manual-failed') return { ...base, Status: 'FAILED' };
  const test = { ...base, CreatedBy: { RestoreTestingPlanArn: planArn } };
  if (r.restore === 'test-failed') return { ...test, Status: 'FAILED' };
  return {
    ...test,
    Status: 'COMPLETED',
    ValidationStatus: r.restore === 'validation-failed' ? 'FAILED' : 'TIMED_OUT',
    CompletionDate: new Date(created + 20 * MINUTE_MS).toISOString(),
  };
}

export interface DrBurst {
  backups: AwsBackupJob[];
  copies: number;
  restores: number;
}

/**
 * The DR side of the burst: the last good backups of a few production resources, their copies to
 * the DR account's locked vault in another Region failing (a KMS key policy, the vault lock's
 * minimum retention, cross-account backup switched off), a restore from one of them failing, and a
 * restore testing plan's run: one restore failed, one validation failed, one never reported.
 */
export function injectDrFailures(aws: BackupEmulator, now = Date.now()): DrBurst {
  const p = placesOf(aws);
  const backups = aws.addJobs(
    DR_RESOURCES.map((r) => ({
      Region: p.region,
      AccountId: p.account,
      State: 'COMPLETED',
      BackupVaultName: 'prod',
      ResourceType: r.type,
      ResourceName: r.name,
      ResourceArn: r.arn(p.region, p.account),
      CreatedBy: { BackupPlanName: 'daily-critical', BackupRuleName: 'Daily-35d' },
      CreationDate: new Date(now - r.backedUpAgoMs - 25 * MINUTE_MS).toISOString(),
      CompletionDate: new Date(now - r.backedUpAgoMs).toISOString(),
    })),
  );
  const planArn = `arn:aws:backup:${p.region}:${p.account}:restore-testing-plan:weekly-restore-test-${randomUUID()}`;
  const copies = DR_RESOURCES.flatMap((r, i) => {
    const job = backups[i];
    return job && r.copy ? [copyOf(job, r.copy, now - (i + 1) * 1000, p)] : [];
  });
  const restores = DR_RESOURCES.flatMap((r, i) => {
    const job = backups[i];
    return job && r.restore ? [restoreOf(job, r, planArn, now)] : [];
  });
  aws.addCopyJobs(copies);
  aws.addRestoreJobs(restores);
  return { backups, copies: copies.length, restores: restores.length };
}
