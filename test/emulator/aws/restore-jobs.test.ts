import {
  type BackupClient,
  type BackupJob,
  DescribeRestoreJobCommand,
  ListRestoreJobsCommand,
  type ListRestoreJobsCommandInput,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, listAll, NOW, rawRequest } from './helpers.js';
import { idsWhere, listCopies, listRestores, restoreIds } from './kind-helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let all: RestoreJobsListMember[];
let points: Map<string, BackupJob>;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 4, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
  all = (await listRestores(client, { ByAccountId: '*' })).jobs;
  const backups = (await listAll(client, { ByAccountId: '*' })).jobs;
  points = new Map(backups.filter((j) => j.RecoveryPointArn).map((j) => [j.RecoveryPointArn ?? '', j]));
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

const idOf = (j: RestoreJobsListMember) => j.RestoreJobId;
const planOf = (j: RestoreJobsListMember) => j.CreatedBy?.RestoreTestingPlanArn;

async function ids(input: Omit<ListRestoreJobsCommandInput, 'NextToken'>): Promise<string[]> {
  return restoreIds((await listRestores(client, input)).jobs);
}

function expectSame(got: string[], want: string[]): void {
  expect(want.length).toBeGreaterThan(0);
  expect(got).toEqual(want);
}

describe('ListRestoreJobs filters', () => {
  it('lists at /restore-jobs and /restore-jobs/ alike', async () => {
    const bare = await rawRequest(emu, 'GET', '/restore-jobs?accountId=*&maxResults=3');
    const slash = await rawRequest(emu, 'GET', '/restore-jobs/?accountId=*&maxResults=3');
    expect((bare.json.RestoreJobs as unknown[]).length).toBe(3);
    expect(slash.json.RestoreJobs).toEqual(bare.json.RestoreJobs);
  });

  it("lists the caller's account by default, one account or the organisation", async () => {
    const [caller = '', member = ''] = emu.accounts;
    expectSame(
      await ids({}),
      idsWhere(all, idOf, (j) => j.AccountId === caller),
    );
    expectSame(
      await ids({ ByAccountId: member }),
      idsWhere(all, idOf, (j) => j.AccountId === member),
    );
  });

  it('filters by ByStatus (not ByState), for every status a restore is in', async () => {
    const statuses = [...new Set(all.map((j) => j.Status as string))];
    expect(statuses).toEqual(expect.arrayContaining(['COMPLETED', 'FAILED', 'RUNNING']));
    for (const status of statuses) {
      const got = await ids({ ByAccountId: '*', ByStatus: status as never });
      expectSame(
        got,
        idsWhere(all, idOf, (j) => j.Status === status),
      );
    }
    const state = await rawRequest(emu, 'GET', '/restore-jobs?accountId=*&state=FAILED');
    expect((state.json.RestoreJobs as unknown[]).length).toBe(all.length);
  });

  it('filters by restore testing plan ARN and by resource type', async () => {
    const plans = [...new Set(all.map(planOf).filter((p): p is string => p !== undefined))];
    expect(plans.length).toBeGreaterThanOrEqual(4);
    for (const plan of plans) {
      expect(plan).toMatch(/^arn:aws:backup:us-east-1:\d{12}:restore-testing-plan:[a-z_]+-[0-9a-f-]{36}$/);
      expectSame(
        await ids({ ByAccountId: '*', ByRestoreTestingPlanArn: plan }),
        idsWhere(all, idOf, (j) => planOf(j) === plan),
      );
    }
    for (const type of new Set(all.map((j) => j.ResourceType as string))) {
      expectSame(
        await ids({ ByAccountId: '*', ByResourceType: type }),
        idsWhere(all, idOf, (j) => j.ResourceType === type),
      );
    }
  });

  it('filters by creation and completion times, half-open, and combines filters', async () => {
    const from = new Date(NOW.getTime() - 20 * DAY);
    const to = new Date(NOW.getTime() - 3 * DAY);
    const at = (d: Date | undefined) => d?.getTime() ?? Number.NaN;
    expectSame(
      await ids({ ByAccountId: '*', ByCreatedAfter: from, ByCreatedBefore: to }),
      idsWhere(all, idOf, (j) => at(j.CreationDate) >= from.getTime() && at(j.CreationDate) < to.getTime()),
    );
    expectSame(
      await ids({ ByAccountId: '*', ByCompleteAfter: from, ByCompleteBefore: to }),
      idsWhere(
        all,
        idOf,
        (j) => at(j.CompletionDate) >= from.getTime() && at(j.CompletionDate) < to.getTime(),
      ),
    );
    expectSame(
      await ids({ ByAccountId: '*', ByStatus: 'COMPLETED', ByCreatedAfter: from }),
      idsWhere(all, idOf, (j) => j.Status === 'COMPLETED' && at(j.CreationDate) >= from.getTime()),
    );
  });

  it('filters the children of a parent restore by ByParentJobId', async () => {
    const parent = all.find((j) => j.IsParent) as RestoreJobsListMember;
    expect(parent?.ResourceType).toBe('CloudFormation');
    const children = idsWhere(all, idOf, (j) => j.ParentJobId === parent.RestoreJobId);
    expect(children.length).toBeGreaterThanOrEqual(2);
    expectSame(await ids({ ByAccountId: '*', ByParentJobId: parent.RestoreJobId }), children);
  });
});

describe('restores read real recovery points', () => {
  it('restore a recovery point of a completed backup job (or of a copy, in the DR account)', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    const copies = [
      ...(await listCopies(client, { ByAccountId: '*' })).jobs,
      ...(await listCopies(eu, { ByAccountId: '*' })).jobs,
    ];
    eu.destroy();
    const copied = new Map(copies.map((c) => [c.DestinationRecoveryPointArn ?? '', c]));
    let drills = 0;
    for (const job of all) {
      const backup = points.get(job.RecoveryPointArn ?? '');
      const copy = copied.get(job.RecoveryPointArn ?? '');
      expect(backup ?? copy, job.RestoreJobId).toBeDefined();
      if (backup) {
        expect(job.SourceResourceArn).toBe(backup.ResourceArn);
        expect(job.BackupVaultArn).toBe(backup.BackupVaultArn);
        expect(job.RecoveryPointCreationDate).toEqual(backup.CreationDate);
        expect(job.AccountId).toBe(backup.AccountId);
      } else {
        drills++;
        expect(job.AccountId).toBe(emu.accounts.at(-1));
        expect(job.BackupVaultArn).toBe(copy?.DestinationBackupVaultArn);
        expect(job.SourceResourceArn).toBe(copy?.ResourceArn);
      }
      expect(job.CreationDate?.getTime()).toBeGreaterThan(
        job.RecoveryPointCreationDate?.getTime() ?? Number.NaN,
      );
    }
    expect(drills).toBe(1);
  });

  it('carry restore testing results and durations against the expected minutes', () => {
    const tests = all.filter((j) => planOf(j) !== undefined && j.Status === 'COMPLETED');
    const validations = new Set(tests.map((j) => j.ValidationStatus));
    expect([...validations]).toEqual(expect.arrayContaining(['SUCCESSFUL', 'FAILED', 'TIMED_OUT']));
    for (const job of tests) {
      expect(job.CreatedResourceArn).toMatch(/awsbackup-restore-test-|:volume\/|:instance\/|:file-system\//);
      const failed = job.ValidationStatus === 'FAILED' || job.ValidationStatus === 'TIMED_OUT';
      expect(job.ValidationStatusMessage !== undefined).toBe(failed);
    }
    expect(all.filter((j) => planOf(j) === undefined).length).toBeGreaterThan(3);
    const finished = all.filter((j) => j.Status === 'COMPLETED' && !j.IsParent);
    const minutes = (j: RestoreJobsListMember) =>
      ((j.CompletionDate?.getTime() ?? 0) - (j.CreationDate?.getTime() ?? 0)) / 60_000;
    expect(finished.every((j) => (j.ExpectedCompletionTimeMinutes ?? 0) > 0)).toBe(true);
    expect(finished.some((j) => minutes(j) > (j.ExpectedCompletionTimeMinutes ?? 0))).toBe(true);
    expect(finished.some((j) => minutes(j) < (j.ExpectedCompletionTimeMinutes ?? 0))).toBe(true);
    const failed = all.filter((j) => j.Status === 'FAILED');
    expect(failed.every((j) => j.StatusMessage && j.CreatedResourceArn === undefined)).toBe(true);
    const running = all.filter((j) => j.Status === 'RUNNING' || j.Status === 'PENDING');
    expect(running.every((j) => j.CompletionDate === undefined && j.PercentDone !== undefined)).toBe(true);
  });
});

describe('DescribeRestoreJob', () => {
  it('answers the listed job at the top level of the response', async () => {
    const listed = all.find((j) => j.ValidationStatus === 'FAILED') as RestoreJobsListMember;
    const got = await client.send(new DescribeRestoreJobCommand({ RestoreJobId: listed.RestoreJobId }));
    const { $metadata: _metadata, ...body } = got;
    expect(body).toEqual(listed);
    const raw = await rawRequest(
      emu,
      'GET',
      `/restore-jobs/${encodeURIComponent(listed.RestoreJobId ?? '')}`,
    );
    expect(raw.json.RestoreJobId).toBe(listed.RestoreJobId);
  });

  it('answers ResourceNotFoundException (400) for an unknown id or another Region', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    for (const call of [
      client.send(new DescribeRestoreJobCommand({ RestoreJobId: 'NO-SUCH-RESTORE' })),
      eu.send(new DescribeRestoreJobCommand({ RestoreJobId: all[0]?.RestoreJobId })),
    ]) {
      const err = await errorOf(call);
      expect(err.name).toBe('ResourceNotFoundException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    eu.destroy();
  });
});

describe('ListRestoreJobs refuses bad values with InvalidParameterValueException', () => {
  const invalid: [string, ListRestoreJobsCommandInput][] = [
    ['status', { ByStatus: 'DONE' as never }],
    ['a copy state that restores never take', { ByStatus: 'PARTIAL' as never }],
    ['status in lower case', { ByStatus: 'failed' as never }],
    ['account id', { ByAccountId: 'abc' }],
    ['restore testing plan ARN', { ByRestoreTestingPlanArn: 'weekly' }],
    ['resource type of 51 characters', { ByResourceType: 'x'.repeat(51) }],
    ['parent job id', { ByParentJobId: 'a b' }],
    ['maxResults 0', { MaxResults: 0 }],
    ['NextToken', { NextToken: 'nope' }],
  ];

  it.each(invalid)('a bad %s', async (_name, input) => {
    const err = await errorOf(client.send(new ListRestoreJobsCommand(input)));
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('a bad time, as the CLI could send it', async () => {
    const res = await rawRequest(emu, 'GET', '/restore-jobs/?createdAfter=yesterday');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ Code: 'InvalidParameterValueException', Context: 'createdAfter' });
  });
});
