import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type {
  CopyJob as AwsCopyJob,
  DescribeBackupJobOutput,
  DescribeCopyJobOutput,
  DescribeRestoreJobOutput,
} from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { toBackupJobDetails } from '../../src/backup/kinds/backup.js';
import { toCopyJob } from '../../src/backup/kinds/copy.js';
import { toRestoreJob } from '../../src/backup/kinds/restore.js';
import type { JobDetails } from '../../src/backup/types.js';
import { jobDetails } from '../../src/blocks/job-details.js';
import type { JobKind } from '../../src/domain/index.js';
import { csvHeader, csvRows } from '../../src/export/csv.js';
import { allText } from '../blocks/inspect.js';
import { cellsByName, documentedColumns } from '../export/csv-read.js';

/** The installed SDK's model, read from its type declarations: the list of members to cover. */
function modelMembers(shape: string): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@aws-sdk/client-backup/package.json'));
  const dir = join(root, 'dist-types', 'models');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const start = text.indexOf(`export interface ${shape} {`);
    if (start < 0) continue;
    const body = text.slice(start, text.indexOf('\n}', start));
    return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]!);
  }
  throw new Error(`${shape} is not in the SDK's models`);
}

/** Every member of `shapes`, those of a nested shape named `outer.inner` (or, unprefixed, inlined). */
function membersOf(shapes: string[], nested: Record<string, string>, inline: Record<string, string> = {}) {
  const top = [
    ...new Set(shapes.flatMap(modelMembers).flatMap((m) => (inline[m] ? modelMembers(inline[m]) : [m]))),
  ];
  return top.flatMap((m) => (nested[m] ? modelMembers(nested[m]).map((n) => `${m}.${n}`) : [m]));
}

/** Member (or nested member) → [what the details view shows, its CSV column, that column's value]. */
type Shown = Record<string, [details: string, column: string, value: string]>;

/**
 * A DescribeBackupJob answer with every member set to a value of its own, and what each member
 * reads as in the details view and in the CSV row.
 */
const FULL: DescribeBackupJobOutput = {
  AccountId: '111122223333',
  BackupJobId: 'JOB-EVERY-FIELD-1',
  BackupVaultName: 'vault-every-field',
  BackupVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:vault-arn-shown',
  VaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
  VaultLockState: 'LOCKED',
  RecoveryPointArn: 'arn:aws:ec2:eu-west-1::image/ami-recovery-point-shown',
  RecoveryPointLifecycle: {
    MoveToColdStorageAfterDays: 37,
    DeleteAfterDays: 411,
    OptInToArchiveForSupportedResources: true,
    DeleteAfterEvent: 'DELETE_AFTER_COPY',
  },
  EncryptionKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/kms-key-shown',
  IsEncrypted: true,
  ResourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-resource-shown',
  CreationDate: new Date('2026-11-20T08:00:00Z'),
  CompletionDate: new Date('2026-11-20T09:30:00Z'),
  State: 'PARTIAL',
  StatusMessage: 'Status message shown in full',
  PercentDone: '87.5',
  BackupSizeInBytes: 5 * 1024 ** 3,
  IamRoleArn: 'arn:aws:iam::111122223333:role/role-shown',
  CreatedBy: {
    BackupPlanId: 'plan-id-shown',
    BackupPlanArn: 'arn:aws:backup:eu-west-1:111122223333:backup-plan:plan-arn-shown',
    BackupPlanName: 'plan-name-shown',
    BackupPlanVersion: 'plan-version-shown',
    BackupRuleId: 'rule-id-shown',
    BackupRuleName: 'rule-name-shown',
    BackupRuleCron: 'cron(0 5 ? * * *)',
    BackupRuleTimezone: 'Europe/Berlin',
  },
  ResourceType: 'EC2',
  BytesTransferred: 3 * 1024 ** 2,
  ExpectedCompletionDate: new Date('2026-11-20T10:00:00Z'),
  StartBy: new Date('2026-11-20T12:00:00Z'),
  BackupOptions: { WindowsVSS: 'enabled' },
  BackupType: 'WindowsVSS-type-shown',
  ParentJobId: 'PARENT-JOB-SHOWN',
  IsParent: true,
  NumberOfChildJobs: 1234,
  ChildJobsInState: { COMPLETED: 1200, FAILED: 34 },
  ResourceName: 'resource-name-shown',
  InitiationDate: new Date('2026-11-20T08:05:00Z'),
  MessageCategory: 'InvalidParameters',
};

const SHOWN: Shown = {
  AccountId: ['111122223333', 'AccountId', '111122223333'],
  BackupJobId: ['JOB-EVERY-FIELD-1', 'JobId', 'JOB-EVERY-FIELD-1'],
  BackupVaultName: ['vault-every-field', 'BackupVault', 'vault-every-field'],
  BackupVaultArn: [
    'vault-arn-shown',
    'BackupVaultArn',
    'arn:aws:backup:eu-west-1:111122223333:backup-vault:vault-arn-shown',
  ],
  VaultType: ['LOGICALLY_AIR_GAPPED_BACKUP_VAULT', 'VaultType', 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT'],
  VaultLockState: ['LOCKED', 'VaultLockState', 'LOCKED'],
  RecoveryPointArn: [
    'ami-recovery-point-shown',
    'RecoveryPointArn',
    'arn:aws:ec2:eu-west-1::image/ami-recovery-point-shown',
  ],
  'RecoveryPointLifecycle.MoveToColdStorageAfterDays': [
    'cold storage after 37 days',
    'MoveToColdStorageAfterDays',
    '37',
  ],
  'RecoveryPointLifecycle.DeleteAfterDays': ['deleted after 411 days', 'DeleteAfterDays', '411'],
  'RecoveryPointLifecycle.OptInToArchiveForSupportedResources': [
    'archive opted in',
    'OptInToArchiveForSupportedResources',
    'yes',
  ],
  'RecoveryPointLifecycle.DeleteAfterEvent': ['DELETE_AFTER_COPY', 'DeleteAfterEvent', 'DELETE_AFTER_COPY'],
  EncryptionKeyArn: [
    'kms-key-shown',
    'EncryptionKeyArn',
    'arn:aws:kms:eu-west-1:111122223333:key/kms-key-shown',
  ],
  IsEncrypted: ['*Encrypted*\nyes', 'IsEncrypted', 'yes'],
  ResourceArn: [
    'i-resource-shown',
    'ResourceArn',
    'arn:aws:ec2:eu-west-1:111122223333:instance/i-resource-shown',
  ],
  CreationDate: ['Created', 'CreatedAt', '2026-11-20T08:00:00.000Z'],
  CompletionDate: ['Completed', 'CompletedAt', '2026-11-20T09:30:00.000Z'],
  State: ['Partial', 'State', 'PARTIAL'],
  StatusMessage: ['Status message shown in full', 'StatusMessage', 'Status message shown in full'],
  PercentDone: ['87.5%', 'PercentDone', '87.5'],
  BackupSizeInBytes: ['5 GiB', 'SizeBytes', String(5 * 1024 ** 3)],
  IamRoleArn: ['role-shown', 'IamRoleArn', 'arn:aws:iam::111122223333:role/role-shown'],
  'CreatedBy.BackupPlanId': ['plan-id-shown', 'BackupPlanId', 'plan-id-shown'],
  'CreatedBy.BackupPlanArn': [
    'plan-arn-shown',
    'BackupPlanArn',
    'arn:aws:backup:eu-west-1:111122223333:backup-plan:plan-arn-shown',
  ],
  'CreatedBy.BackupPlanName': ['plan-name-shown', 'BackupPlan', 'plan-name-shown'],
  'CreatedBy.BackupPlanVersion': ['plan-version-shown', 'BackupPlanVersion', 'plan-version-shown'],
  'CreatedBy.BackupRuleId': ['rule-id-shown', 'BackupRuleId', 'rule-id-shown'],
  'CreatedBy.BackupRuleName': ['rule-name-shown', 'BackupRule', 'rule-name-shown'],
  'CreatedBy.BackupRuleCron': ['cron(0 5 ? * * *)', 'BackupRuleCron', 'cron(0 5 ? * * *)'],
  'CreatedBy.BackupRuleTimezone': ['Europe/Berlin', 'BackupRuleTimezone', 'Europe/Berlin'],
  ResourceType: ['EC2', 'ResourceType', 'EC2'],
  BytesTransferred: ['3 MiB', 'BytesTransferred', String(3 * 1024 ** 2)],
  ExpectedCompletionDate: ['Expected completion', 'ExpectedCompletionDate', '2026-11-20T10:00:00.000Z'],
  StartBy: ['Start by', 'StartBy', '2026-11-20T12:00:00.000Z'],
  BackupOptions: ['`WindowsVSS`: enabled', 'BackupOptions', 'WindowsVSS=enabled'],
  BackupType: ['WindowsVSS-type-shown', 'BackupType', 'WindowsVSS-type-shown'],
  ParentJobId: ['PARENT-JOB-SHOWN', 'ParentJobId', 'PARENT-JOB-SHOWN'],
  IsParent: ['child jobs', 'IsParent', 'yes'],
  NumberOfChildJobs: ['1,234', '', ''],
  ChildJobsInState: ['1,200 completed', '', ''],
  ResourceName: ['resource-name-shown', 'ResourceName', 'resource-name-shown'],
  InitiationDate: ['Started', 'InitiationDate', '2026-11-20T08:05:00.000Z'],
  MessageCategory: ['InvalidParameters', 'MessageCategory', 'InvalidParameters'],
};

/** A ListCopyJobs member (DescribeCopyJob answers the same shape) with every member set. */
const FULL_COPY: AwsCopyJob = {
  AccountId: '111122223333',
  CopyJobId: 'COPY-EVERY-FIELD-1',
  SourceBackupVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:source-vault-shown',
  SourceRecoveryPointArn: 'arn:aws:ec2:eu-west-1::image/ami-source-point-shown',
  DestinationBackupVaultArn: 'arn:aws:backup:us-west-2:444455556666:backup-vault:dest-vault-shown',
  DestinationVaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
  DestinationVaultLockState: 'LOCKED',
  DestinationRecoveryPointArn: 'arn:aws:ec2:us-west-2::image/ami-dest-point-shown',
  DestinationEncryptionKeyArn: 'arn:aws:kms:us-west-2:444455556666:key/dest-key-shown',
  DestinationRecoveryPointLifecycle: {
    MoveToColdStorageAfterDays: 37,
    DeleteAfterDays: 411,
    OptInToArchiveForSupportedResources: false,
    DeleteAfterEvent: 'DELETE_AFTER_COPY',
  },
  ResourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-copied-resource-shown',
  CreationDate: new Date('2026-11-20T08:00:00Z'),
  CompletionDate: new Date('2026-11-20T09:30:00Z'),
  State: 'PARTIAL',
  StatusMessage: 'Copy status message shown in full',
  BackupSizeInBytes: 5 * 1024 ** 3,
  IamRoleArn: 'arn:aws:iam::111122223333:role/copy-role-shown',
  CreatedBy: {
    BackupPlanId: 'plan-id-shown',
    BackupPlanArn: 'arn:aws:backup:eu-west-1:111122223333:backup-plan:plan-arn-shown',
    BackupPlanName: 'plan-name-shown',
    BackupPlanVersion: 'plan-version-shown',
    BackupRuleId: 'rule-id-shown',
    BackupRuleName: 'rule-name-shown',
    BackupRuleCron: 'cron(0 5 ? * * *)',
    BackupRuleTimezone: 'Europe/Berlin',
  },
  CreatedByBackupJobId: 'BACKUP-JOB-THAT-MADE-IT',
  ResourceType: 'EC2',
  ParentJobId: 'PARENT-COPY-SHOWN',
  IsParent: true,
  CompositeMemberIdentifier: 'composite-member-shown',
  NumberOfChildJobs: 1234,
  ChildJobsInState: { COMPLETED: 1200, FAILED: 34 },
  ResourceName: 'copied-resource-name-shown',
  MessageCategory: 'InvalidParameters',
};

const COPY_SHOWN: Shown = {
  AccountId: ['`111122223333`', 'AccountId', '111122223333'],
  CopyJobId: ['COPY-EVERY-FIELD-1', 'JobId', 'COPY-EVERY-FIELD-1'],
  SourceBackupVaultArn: [
    '`arn:aws:backup:eu-west-1:111122223333:backup-vault:source-vault-shown`',
    'SourceBackupVaultArn',
    'arn:aws:backup:eu-west-1:111122223333:backup-vault:source-vault-shown',
  ],
  SourceRecoveryPointArn: [
    '`arn:aws:ec2:eu-west-1::image/ami-source-point-shown`',
    'SourceRecoveryPointArn',
    'arn:aws:ec2:eu-west-1::image/ami-source-point-shown',
  ],
  DestinationBackupVaultArn: [
    '`arn:aws:backup:us-west-2:444455556666:backup-vault:dest-vault-shown`',
    'DestinationBackupVaultArn',
    'arn:aws:backup:us-west-2:444455556666:backup-vault:dest-vault-shown',
  ],
  DestinationVaultType: [
    '*Vault type*\nLOGICALLY_AIR_GAPPED_BACKUP_VAULT',
    'DestinationVaultType',
    'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
  ],
  DestinationVaultLockState: ['*Vault lock*\nLOCKED', 'DestinationVaultLockState', 'LOCKED'],
  DestinationRecoveryPointArn: [
    '`arn:aws:ec2:us-west-2::image/ami-dest-point-shown`',
    'DestinationRecoveryPointArn',
    'arn:aws:ec2:us-west-2::image/ami-dest-point-shown',
  ],
  DestinationEncryptionKeyArn: [
    '`arn:aws:kms:us-west-2:444455556666:key/dest-key-shown`',
    'DestinationEncryptionKeyArn',
    'arn:aws:kms:us-west-2:444455556666:key/dest-key-shown',
  ],
  'DestinationRecoveryPointLifecycle.MoveToColdStorageAfterDays': [
    'cold storage after 37 days',
    'DestinationMoveToColdStorageAfterDays',
    '37',
  ],
  'DestinationRecoveryPointLifecycle.DeleteAfterDays': [
    'deleted after 411 days',
    'DestinationDeleteAfterDays',
    '411',
  ],
  'DestinationRecoveryPointLifecycle.OptInToArchiveForSupportedResources': [
    'archive not opted in',
    'DestinationOptInToArchiveForSupportedResources',
    'no',
  ],
  'DestinationRecoveryPointLifecycle.DeleteAfterEvent': [
    'deleted on DELETE_AFTER_COPY',
    'DestinationDeleteAfterEvent',
    'DELETE_AFTER_COPY',
  ],
  ResourceArn: [
    '`arn:aws:ec2:eu-west-1:111122223333:instance/i-copied-resource-shown`',
    'ResourceArn',
    'arn:aws:ec2:eu-west-1:111122223333:instance/i-copied-resource-shown',
  ],
  CreationDate: ['*Created*\nyesterday 08:00', 'CreatedAt', '2026-11-20T08:00:00.000Z'],
  CompletionDate: ['*Completed*\nyesterday 09:30', 'CompletedAt', '2026-11-20T09:30:00.000Z'],
  State: [':large_orange_circle: Partial', 'State', 'PARTIAL'],
  StatusMessage: ['Copy status message shown in full', 'StatusMessage', 'Copy status message shown in full'],
  BackupSizeInBytes: ['*Size*\n5 GiB', 'SizeBytes', String(5 * 1024 ** 3)],
  IamRoleArn: [
    '`arn:aws:iam::111122223333:role/copy-role-shown`',
    'IamRoleArn',
    'arn:aws:iam::111122223333:role/copy-role-shown',
  ],
  'CreatedBy.BackupPlanId': ['`plan-id-shown`', 'BackupPlanId', 'plan-id-shown'],
  'CreatedBy.BackupPlanArn': [
    '`arn:aws:backup:eu-west-1:111122223333:backup-plan:plan-arn-shown`',
    'BackupPlanArn',
    'arn:aws:backup:eu-west-1:111122223333:backup-plan:plan-arn-shown',
  ],
  'CreatedBy.BackupPlanName': ['plan-name-shown', 'BackupPlan', 'plan-name-shown'],
  'CreatedBy.BackupPlanVersion': ['`plan-version-shown`', 'BackupPlanVersion', 'plan-version-shown'],
  'CreatedBy.BackupRuleId': ['`rule-id-shown`', 'BackupRuleId', 'rule-id-shown'],
  'CreatedBy.BackupRuleName': ['rule-name-shown', 'BackupRule', 'rule-name-shown'],
  'CreatedBy.BackupRuleCron': ['`cron(0 5 ? * * *)`', 'BackupRuleCron', 'cron(0 5 ? * * *)'],
  'CreatedBy.BackupRuleTimezone': ['in Europe/Berlin', 'BackupRuleTimezone', 'Europe/Berlin'],
  CreatedByBackupJobId: ['*Backup job*\n`BACKUP-JOB-THAT-MADE-IT`', 'BackupJobId', 'BACKUP-JOB-THAT-MADE-IT'],
  ResourceType: ['*Resource type*\nEC2', 'ResourceType', 'EC2'],
  ParentJobId: ['*Parent job:* `PARENT-COPY-SHOWN`', 'ParentJobId', 'PARENT-COPY-SHOWN'],
  IsParent: ['List child jobs', 'IsParent', 'yes'],
  CompositeMemberIdentifier: [
    '*Composite member*\n`composite-member-shown`',
    'CompositeMemberIdentifier',
    'composite-member-shown',
  ],
  NumberOfChildJobs: ['*Child jobs:* 1,234', 'NumberOfChildJobs', '1234'],
  ChildJobsInState: [
    ':red_circle: 34 failed · :large_green_circle: 1,200 completed',
    'ChildJobsInState',
    'COMPLETED=1200;FAILED=34',
  ],
  ResourceName: ['`copied-resource-name-shown`', 'ResourceName', 'copied-resource-name-shown'],
  MessageCategory: ['category `InvalidParameters`', 'MessageCategory', 'InvalidParameters'],
};

/** A DescribeRestoreJob answer (ListRestoreJobs members have the same fields) with every member set. */
const FULL_RESTORE: DescribeRestoreJobOutput = {
  AccountId: '111122223333',
  RestoreJobId: 'RESTORE-EVERY-FIELD-1',
  RecoveryPointArn: 'arn:aws:ec2:eu-west-1::image/ami-restored-point-shown',
  SourceResourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-source-resource-shown',
  BackupVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:restore-vault-shown',
  CreationDate: new Date('2026-11-20T08:00:00Z'),
  CompletionDate: new Date('2026-11-20T09:30:00Z'),
  Status: 'ABORTED',
  StatusMessage: 'Restore status message shown in full',
  PercentDone: '87.5',
  BackupSizeInBytes: 5 * 1024 ** 3,
  IamRoleArn: 'arn:aws:iam::111122223333:role/restore-role-shown',
  ExpectedCompletionTimeMinutes: 45,
  CreatedResourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-created-resource-shown',
  ResourceType: 'EC2',
  RecoveryPointCreationDate: new Date('2026-11-19T03:15:00Z'),
  CreatedBy: {
    RestoreTestingPlanArn: 'arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:test-plan-shown',
  },
  ValidationStatus: 'TIMED_OUT',
  ValidationStatusMessage: 'Validation message shown in full',
  DeletionStatus: 'DELETING',
  DeletionStatusMessage: 'Deletion message shown in full',
  IsParent: true,
  ParentJobId: 'PARENT-RESTORE-SHOWN',
};

const RESTORE_SHOWN: Shown = {
  AccountId: ['`111122223333`', 'AccountId', '111122223333'],
  RestoreJobId: ['RESTORE-EVERY-FIELD-1', 'JobId', 'RESTORE-EVERY-FIELD-1'],
  RecoveryPointArn: [
    '`arn:aws:ec2:eu-west-1::image/ami-restored-point-shown`',
    'RecoveryPointArn',
    'arn:aws:ec2:eu-west-1::image/ami-restored-point-shown',
  ],
  SourceResourceArn: [
    '`arn:aws:ec2:eu-west-1:111122223333:instance/i-source-resource-shown`',
    'ResourceArn',
    'arn:aws:ec2:eu-west-1:111122223333:instance/i-source-resource-shown',
  ],
  BackupVaultArn: [
    '`arn:aws:backup:eu-west-1:111122223333:backup-vault:restore-vault-shown`',
    'BackupVaultArn',
    'arn:aws:backup:eu-west-1:111122223333:backup-vault:restore-vault-shown',
  ],
  CreationDate: ['*Created*\nyesterday 08:00', 'CreatedAt', '2026-11-20T08:00:00.000Z'],
  CompletionDate: ['*Completed*\nyesterday 09:30', 'CompletedAt', '2026-11-20T09:30:00.000Z'],
  Status: [':black_circle: Aborted', 'State', 'ABORTED'],
  StatusMessage: [
    'Restore status message shown in full',
    'StatusMessage',
    'Restore status message shown in full',
  ],
  PercentDone: ['87.5% done', 'PercentDone', '87.5'],
  BackupSizeInBytes: ['*Size*\n5 GiB', 'SizeBytes', String(5 * 1024 ** 3)],
  IamRoleArn: [
    '`arn:aws:iam::111122223333:role/restore-role-shown`',
    'IamRoleArn',
    'arn:aws:iam::111122223333:role/restore-role-shown',
  ],
  ExpectedCompletionTimeMinutes: ['*Expected duration*\n45m', 'ExpectedCompletionTimeMinutes', '45'],
  CreatedResourceArn: [
    '`arn:aws:ec2:eu-west-1:111122223333:instance/i-created-resource-shown`',
    'CreatedResourceArn',
    'arn:aws:ec2:eu-west-1:111122223333:instance/i-created-resource-shown',
  ],
  ResourceType: ['*Resource type*\nEC2', 'ResourceType', 'EC2'],
  RecoveryPointCreationDate: [
    '*Recovery point created*\nThu 19 Nov, 03:15',
    'RecoveryPointCreationDate',
    '2026-11-19T03:15:00.000Z',
  ],
  'CreatedBy.RestoreTestingPlanArn': [
    '`arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:test-plan-shown`',
    'RestoreTestingPlanArn',
    'arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:test-plan-shown',
  ],
  ValidationStatus: ['*Outcome*\nvalidation timed out', 'ValidationStatus', 'TIMED_OUT'],
  ValidationStatusMessage: [
    '> Validation message shown in full',
    'ValidationStatusMessage',
    'Validation message shown in full',
  ],
  DeletionStatus: [
    '*Deletion*\n> Deletion message shown in full\n*Status*\nDELETING',
    'DeletionStatus',
    'DELETING',
  ],
  DeletionStatusMessage: [
    '> Deletion message shown in full',
    'DeletionStatusMessage',
    'Deletion message shown in full',
  ],
  IsParent: ['List child jobs', 'IsParent', 'yes'],
  ParentJobId: ['*Parent job:* `PARENT-RESTORE-SHOWN`', 'ParentJobId', 'PARENT-RESTORE-SHOWN'],
};

interface KindCase {
  kind: JobKind;
  /** The SDK's shapes whose members are covered. */
  shapes: string;
  raw: object;
  members: string[];
  job: JobDetails;
  shown: Shown;
  /** Members a kind's CSV leaves out, with the reason beside them. */
  notInCsv: ReadonlySet<string>;
}

const CASES: KindCase[] = [
  {
    kind: 'backup',
    shapes: 'BackupJob, DescribeBackupJobOutput',
    raw: FULL,
    members: membersOf(['BackupJob', 'DescribeBackupJobOutput'], {
      CreatedBy: 'RecoveryPointCreator',
      RecoveryPointLifecycle: 'Lifecycle',
    }),
    job: toBackupJobDetails(FULL, 'eu-west-1'),
    shown: SHOWN,
    // The backup CSV's columns are fixed for existing sheets; a parent's child counts describe that
    // parent, not each job, and DescribeBackupJob alone has them.
    notInCsv: new Set(['NumberOfChildJobs', 'ChildJobsInState']),
  },
  {
    kind: 'copy',
    shapes: 'CopyJob, DescribeCopyJobOutput',
    raw: FULL_COPY,
    members: membersOf(
      ['CopyJob', 'DescribeCopyJobOutput'],
      { CreatedBy: 'RecoveryPointCreator', DestinationRecoveryPointLifecycle: 'Lifecycle' },
      { CopyJob: 'CopyJob' },
    ),
    job: toCopyJob(({ CopyJob: FULL_COPY } satisfies DescribeCopyJobOutput).CopyJob, 'eu-west-1'),
    shown: COPY_SHOWN,
    notInCsv: new Set(),
  },
  {
    kind: 'restore',
    shapes: 'RestoreJobsListMember, DescribeRestoreJobOutput',
    raw: FULL_RESTORE,
    members: membersOf(['RestoreJobsListMember', 'DescribeRestoreJobOutput'], {
      CreatedBy: 'RestoreJobCreator',
    }),
    job: toRestoreJob(FULL_RESTORE, 'eu-west-1'),
    shown: RESTORE_SHOWN,
    notInCsv: new Set(),
  },
];

describe.each(CASES)("every member of the SDK's $shapes", (c) => {
  // Rendered while running and once finished, so that what shows only in one of them is seen.
  const running = allText(
    jobDetails(
      { ...c.job, completedAt: undefined as never },
      { timeZone: 'UTC', now: new Date('2026-11-20T11:00:00Z') },
    ),
  );
  const finished = allText(jobDetails(c.job, { timeZone: 'UTC', now: new Date('2026-11-21T11:00:00Z') }));
  const cells = cellsByName(csvHeader(c.kind) + csvRows([c.job]));
  const documented = documentedColumns(c.kind);

  it('has a value in the test answer and an expectation here (a new SDK member fails until covered)', () => {
    expect(c.members.length).toBeGreaterThan(15);
    expect(c.members.filter((m) => !(m in c.shown))).toEqual([]);
    const value = (path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c.raw);
    expect(c.members.filter((m) => value(m) === undefined)).toEqual([]);
  });

  it.each(c.members)('%s is shown in the details view and exported as a documented CSV column', (member) => {
    const [inDetails, column, value] = c.shown[member]!;
    expect(`${running}\n${finished}`).toContain(inDetails);
    if (c.notInCsv.has(member)) return;
    expect(documented).toContain(column);
    expect(cells.get(column)).toBe(value);
  });
});
