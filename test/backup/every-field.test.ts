import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DescribeBackupJobOutput } from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { toBackupJobDetails } from '../../src/backup/convert.js';
import { jobDetails } from '../../src/blocks/job-details.js';
import { csvHeader, csvRows } from '../../src/export/csv.js';
import { allText } from '../blocks/inspect.js';

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

/** Member (or nested member) → [what the details view shows, its CSV column, that column's value]. */
const SHOWN: Record<string, [details: string, column: string, value: string]> = {
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

/** Per-job counts of a parent's children describe that parent, not each job: not CSV columns. */
const NOT_IN_CSV = new Set(['NumberOfChildJobs', 'ChildJobsInState']);

function everyMember(): string[] {
  const nested: Record<string, string> = {
    CreatedBy: 'RecoveryPointCreator',
    RecoveryPointLifecycle: 'Lifecycle',
  };
  const top = [...new Set([...modelMembers('BackupJob'), ...modelMembers('DescribeBackupJobOutput')])];
  return top.flatMap((m) => (nested[m] ? modelMembers(nested[m]).map((n) => `${m}.${n}`) : [m]));
}

describe("every member of the SDK's BackupJob", () => {
  const job = toBackupJobDetails(FULL, 'eu-west-1');
  // Timed after the job so that nothing reads "running" or "start by" for a finished one.
  const details = allText(
    jobDetails(
      { ...job, completedAt: undefined as never },
      { timeZone: 'UTC', now: new Date('2026-11-20T11:00:00Z') },
    ),
  );
  const finished = allText(jobDetails(job, { timeZone: 'UTC', now: new Date('2026-11-21T11:00:00Z') }));
  const [header, row] = (csvHeader() + csvRows([job])).split('\r\n').map((line) => line.split(','));
  const cells = new Map(header!.map((name, i) => [name, row![i]]));

  it('has a value in the test answer and an expectation here (a new SDK member fails until covered)', () => {
    const members = everyMember();
    expect(members.filter((m) => !(m in SHOWN))).toEqual([]);
    const value = (path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], FULL);
    expect(members.filter((m) => value(m) === undefined)).toEqual([]);
  });

  it.each(everyMember())('%s is shown in the details view and exported as CSV', (member) => {
    const [inDetails, column, value] = SHOWN[member]!;
    expect(`${details}\n${finished}`).toContain(inDetails);
    if (!NOT_IN_CSV.has(member)) expect(cells.get(column)).toBe(value);
  });
});
