import {
  type BackupClient,
  DescribeCopyJobCommand,
  DescribeRestoreJobCommand,
  ListCopyJobsCommand,
  ListRestoreJobSummariesCommand,
  ListRestoreJobsCommand,
} from '@aws-sdk/client-backup';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, errorOf, NOW, rawRequest } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ jobs: 0, now: () => NOW });
  client = clientFor(emu);
});

afterEach(async () => {
  await rawRequest(emu, 'POST', '/_emulator/faults', { body: {} });
  await rawRequest(emu, 'POST', '/_emulator/stats/reset');
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('admin API: copy jobs', () => {
  it('adds a copy of a held backup job, taking its account, Region, resource, vault and plan', async () => {
    const [backup] = emu.addJobs([
      {
        AccountId: emu.accounts[1] as string,
        Region: 'eu-west-1',
        ResourceType: 'RDS',
        BackupVaultName: 'prod',
        CreatedBy: { BackupPlanName: 'daily-critical', BackupPlanId: 'plan-1' },
      },
    ]);
    const res = await rawRequest(emu, 'POST', '/_emulator/copy-jobs', {
      body: [{ CreatedByBackupJobId: backup?.BackupJobId, State: 'FAILED' }],
    });
    expect(res.status).toBe(200);
    const [copy] = res.json.copyJobs as Record<string, unknown>[];
    expect(copy).toMatchObject({
      Region: 'eu-west-1',
      AccountId: emu.accounts[1],
      State: 'FAILED',
      MessageCategory: 'AccessDenied',
      SourceBackupVaultArn: backup?.BackupVaultArn,
      SourceRecoveryPointArn: backup?.RecoveryPointArn,
      ResourceArn: backup?.ResourceArn,
      CreatedBy: { BackupPlanName: 'daily-critical', BackupPlanId: 'plan-1' },
      DestinationBackupVaultArn: `arn:aws:backup:us-east-1:${emu.accounts.at(-1)}:backup-vault:dr-vault`,
      DestinationVaultLockState: 'LOCKED',
    });
    expect(String(copy?.StatusMessage)).toContain('KMS key');
    expect(copy?.CreationDate).toBeGreaterThan((backup?.CompletionDate?.getTime() ?? 0) / 1000);
    const eu = clientFor(emu, 'eu-west-1');
    const described = await eu.send(new DescribeCopyJobCommand({ CopyJobId: String(copy?.CopyJobId) }));
    eu.destroy();
    expect(described.CopyJob?.CreatedByBackupJobId).toBe(backup?.BackupJobId);
  });

  it('takes the wrapper shape, explicit fields, and parents whose children it counts', async () => {
    const res = await rawRequest(emu, 'POST', '/_emulator/copy-jobs', {
      body: {
        copyJobs: [
          { CopyJobId: 'PARENT-1', IsParent: true, ResourceType: 'CloudFormation', State: 'PARTIAL' },
          { ParentJobId: 'PARENT-1', State: 'COMPLETED', CompositeMemberIdentifier: 'OrdersTable' },
          {
            ParentJobId: 'PARENT-1',
            State: 'FAILED',
            DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:x',
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const got = await client.send(new DescribeCopyJobCommand({ CopyJobId: 'PARENT-1' }));
    expect(got.CopyJob).toMatchObject({
      IsParent: true,
      State: 'PARTIAL',
      MessageCategory: 'PartialSuccess',
      NumberOfChildJobs: 2,
      ChildJobsInState: { COMPLETED: 1, FAILED: 1 },
    });
    const children = await client.send(new ListCopyJobsCommand({ ByParentJobId: 'PARENT-1' }));
    const failed = children.CopyJobs?.find((j) => j.State === 'FAILED');
    expect(failed?.DestinationBackupVaultArn).toBe('arn:aws:backup:eu-west-1:111122223333:backup-vault:x');
    expect(failed?.DestinationRecoveryPointArn).toBeUndefined();
  });

  it('deletes every copy job', async () => {
    emu.addCopyJobs([{ CopyJobId: 'TO-DELETE' }]);
    const res = await rawRequest(emu, 'DELETE', '/_emulator/copy-jobs');
    expect(res.json.deleted).toBeGreaterThan(0);
    expect(emu.copyJobCount()).toBe(0);
    expect((await client.send(new ListCopyJobsCommand({ ByAccountId: '*' }))).CopyJobs).toEqual([]);
  });

  it.each([
    ['a backup-job state', [{ State: 'EXPIRED' }], 'State'],
    ['an unknown field', [{ BackupJobId: 'X' }], 'BackupJobId'],
    ['a bad ARN', [{ DestinationBackupVaultArn: 'dr-vault' }], 'DestinationBackupVaultArn'],
    ['a bad time', [{ CreationDate: 'soon' }], 'CreationDate'],
    ['a duplicate id', [{ CopyJobId: 'DUP' }, { CopyJobId: 'DUP' }], 'DUP'],
    ['a wrong wrapper', { jobs: [] }, 'jobs'],
  ])('refuses %s with 400 naming it', async (_name, body, mention) => {
    const res = await rawRequest(emu, 'POST', '/_emulator/copy-jobs', { body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain(mention);
  });
});

describe('admin API: restore jobs', () => {
  it("adds a restore of a held recovery point, taking its backup job's resource, vault and size", async () => {
    const [backup] = emu.addJobs([{ ResourceType: 'DynamoDB', BackupSizeInBytes: 123_456 }]);
    const plan = `arn:aws:backup:us-east-1:${emu.accounts[0]}:restore-testing-plan:weekly_restore_test-0f0e0d0c-0b0a-4908-8706-050403020100`;
    const res = await rawRequest(emu, 'POST', '/_emulator/restore-jobs', {
      body: [
        { RecoveryPointArn: backup?.RecoveryPointArn, CreatedBy: { RestoreTestingPlanArn: plan } },
        {
          RecoveryPointArn: backup?.RecoveryPointArn,
          ValidationStatus: 'TIMED_OUT',
          CreatedBy: { RestoreTestingPlanArn: plan },
        },
        { RestoreJobId: 'MANUAL-1', Status: 'FAILED', ResourceType: 'EFS' },
      ],
    });
    expect(res.status).toBe(200);
    const [ok, late, failed] = res.json.restoreJobs as Record<string, unknown>[];
    expect(ok).toMatchObject({
      SourceResourceArn: backup?.ResourceArn,
      BackupVaultArn: backup?.BackupVaultArn,
      ResourceType: 'DynamoDB',
      BackupSizeInBytes: 123_456,
      Status: 'COMPLETED',
      ValidationStatus: 'SUCCESSFUL',
      DeletionStatus: 'SUCCESSFUL',
      RecoveryPointCreationDate: (backup?.CreationDate.getTime() ?? 0) / 1000,
    });
    expect(String(ok?.CreatedResourceArn)).toContain(':table/awsbackup-restore-test-');
    expect(late).toMatchObject({
      ValidationStatus: 'TIMED_OUT',
      ValidationStatusMessage: expect.stringContaining('validation window'),
    });
    expect(failed).toMatchObject({
      Status: 'FAILED',
      ResourceType: 'EFS',
      StatusMessage: expect.any(String),
    });
    expect(failed?.CreatedResourceArn).toBeUndefined();
    const tests = await client.send(new ListRestoreJobsCommand({ ByRestoreTestingPlanArn: plan }));
    expect(tests.RestoreJobs).toHaveLength(2);
    const described = await client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'MANUAL-1' }));
    expect(described.Status).toBe('FAILED');
  });

  it('deletes every restore job', async () => {
    emu.addRestoreJobs([{ Status: 'RUNNING' }]);
    const res = await rawRequest(emu, 'DELETE', '/_emulator/restore-jobs/');
    expect(res.json.deleted).toBeGreaterThan(0);
    expect(emu.restoreJobCount()).toBe(0);
  });

  it.each([
    ['a state-machine word restores do not use', [{ Status: 'CREATED' }], 'Status'],
    ['an unknown validation status', [{ ValidationStatus: 'PASSED' }], 'ValidationStatus'],
    ['an unknown creator field', [{ CreatedBy: { BackupPlanId: 'x' } }], 'BackupPlanId'],
    ['not JSON', '{', 'not JSON'],
  ])('refuses %s with 400 naming it', async (_name, body, mention) => {
    const res = await rawRequest(emu, 'POST', '/_emulator/restore-jobs', { body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain(mention);
  });
});

describe('admin API: faults and stats for the new operations', () => {
  it('counts each operation per Region and resets', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    await client.send(new ListCopyJobsCommand({}));
    await eu.send(new ListCopyJobsCommand({}));
    await client.send(new ListRestoreJobSummariesCommand({}));
    await errorOf(client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'NONE' })));
    eu.destroy();
    const stats = await rawRequest(emu, 'GET', '/_emulator/stats');
    expect(stats.json).toEqual({
      calls: {
        ListCopyJobs: { 'us-east-1': 1, 'eu-west-1': 1 },
        ListRestoreJobSummaries: { 'us-east-1': 1 },
        DescribeRestoreJob: { 'us-east-1': 1 },
      },
      total: 4,
      injected: {},
    });
    const reset = await rawRequest(emu, 'POST', '/_emulator/stats/reset');
    expect(reset.json).toEqual({ calls: {}, total: 0, injected: {} });
  });

  it('denies and fails the new operations when targeted', async () => {
    await rawRequest(emu, 'POST', '/_emulator/faults', {
      body: { denyOperations: ['ListRestoreJobs'], errorRate: 1, operations: ['DescribeCopyJob'] },
    });
    const denied = await errorOf(client.send(new ListRestoreJobsCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('backup:ListRestoreJobs');
    const failed = await errorOf(client.send(new DescribeCopyJobCommand({ CopyJobId: 'X' })));
    expect(failed.name).toBe('ServiceUnavailableException');
    await expect(client.send(new ListCopyJobsCommand({}))).resolves.toBeDefined();
    const bad = await rawRequest(emu, 'POST', '/_emulator/faults', {
      body: { operations: ['StartCopyJob'] },
    });
    expect(bad.status).toBe(400);
  });
});
