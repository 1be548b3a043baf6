import {
  type BackupClient,
  type BackupJob,
  type CopyJob,
  DescribeBackupJobCommand,
  DescribeCopyJobCommand,
  ListCopyJobsCommand,
  type ListCopyJobsCommandInput,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, errorOf, listAll, NOW, rawRequest } from './helpers.js';
import { copyIds, idsWhere, listCopies } from './kind-helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let all: CopyJob[];
let backups: Map<string, BackupJob>;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 4, jobs: 2000, now: () => NOW });
  client = clientFor(emu);
  all = (await listCopies(client, { ByAccountId: '*' })).jobs;
  const listed = (await listAll(client, { ByAccountId: '*' })).jobs;
  backups = new Map(listed.map((j) => [j.BackupJobId ?? '', j]));
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

const idOf = (j: CopyJob) => j.CopyJobId;

async function ids(input: Omit<ListCopyJobsCommandInput, 'NextToken'>): Promise<string[]> {
  return copyIds((await listCopies(client, input)).jobs);
}

function expectSame(got: string[], want: string[]): void {
  expect(want.length).toBeGreaterThan(0);
  expect(got).toEqual(want);
}

describe('ListCopyJobs filters', () => {
  it('lists at /copy-jobs and /copy-jobs/ alike', async () => {
    const bare = await rawRequest(emu, 'GET', '/copy-jobs?accountId=*&maxResults=5');
    const slash = await rawRequest(emu, 'GET', '/copy-jobs/?accountId=*&maxResults=5');
    expect(bare.status).toBe(200);
    expect(slash.status).toBe(200);
    expect((bare.json.CopyJobs as unknown[]).length).toBe(5);
    expect(slash.json.CopyJobs).toEqual(bare.json.CopyJobs);
  });

  it("without ByAccountId lists only the caller's account; with one, that account", async () => {
    const [caller = '', member = ''] = emu.accounts;
    expectSame(
      await ids({}),
      idsWhere(all, idOf, (j) => j.AccountId === caller),
    );
    expectSame(
      await ids({ ByAccountId: member }),
      idsWhere(all, idOf, (j) => j.AccountId === member),
    );
    expect(new Set(all.map((j) => j.AccountId)).size).toBeGreaterThan(1);
  });

  it('filters by each state a copy job takes', async () => {
    const states = [...new Set(all.map((j) => j.State as string))];
    expect(states).toEqual(expect.arrayContaining(['COMPLETED', 'FAILED']));
    for (const state of states) {
      const got = await ids({ ByAccountId: '*', ByState: state as never });
      expectSame(
        got,
        idsWhere(all, idOf, (j) => j.State === state),
      );
    }
  });

  it('filters by resource type (spaces included), resource ARN and source recovery point', async () => {
    const types = [...new Set(all.map((j) => j.ResourceType as string))];
    expect(types.length).toBeGreaterThan(5);
    for (const type of types) {
      const got = await ids({ ByAccountId: '*', ByResourceType: type });
      expectSame(
        got,
        idsWhere(all, idOf, (j) => j.ResourceType === type),
      );
    }
    const one = all.find((j) => j.State === 'FAILED') as CopyJob;
    expectSame(
      await ids({ ByAccountId: '*', ByResourceArn: one.ResourceArn }),
      idsWhere(all, idOf, (j) => j.ResourceArn === one.ResourceArn),
    );
    expectSame(await ids({ ByAccountId: '*', BySourceRecoveryPointArn: one.SourceRecoveryPointArn }), [
      one.CopyJobId ?? '',
    ]);
    expect(await ids({ ByAccountId: '*', ByResourceType: 'NotAType' })).toEqual([]);
  });

  it('filters by destination vault ARN', async () => {
    const vaults = [...new Set(all.map((j) => j.DestinationBackupVaultArn as string))];
    expect(vaults.some((v) => v.endsWith(':backup-vault:dr-vault'))).toBe(true);
    for (const vault of vaults) {
      const got = await ids({ ByAccountId: '*', ByDestinationVaultArn: vault });
      expectSame(
        got,
        idsWhere(all, idOf, (j) => j.DestinationBackupVaultArn === vault),
      );
    }
  });

  it('filters by message category case-insensitively; ANY, AGGREGATE_ALL and * mean every one', async () => {
    const denied = idsWhere(all, idOf, (j) => j.MessageCategory === 'AccessDenied');
    expectSame(await ids({ ByAccountId: '*', ByMessageCategory: 'AccessDenied' }), denied);
    expectSame(await ids({ ByAccountId: '*', ByMessageCategory: 'accessdenied' }), denied);
    for (const every of ['ANY', 'AGGREGATE_ALL', '*']) {
      expect(await ids({ ByAccountId: '*', ByMessageCategory: every })).toEqual(copyIds(all));
    }
  });

  it('filters by creation and completion times, half-open, and combines filters', async () => {
    const from = new Date(NOW.getTime() - 9 * DAY);
    const to = new Date(NOW.getTime() - 2 * DAY);
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
    const edge = all.find((j) => j.CreationDate) as CopyJob;
    const after = await ids({ ByAccountId: '*', ByCreatedAfter: edge.CreationDate });
    const before = await ids({ ByAccountId: '*', ByCreatedBefore: edge.CreationDate });
    expect(after).toContain(edge.CopyJobId);
    expect(before).not.toContain(edge.CopyJobId);
    expectSame(
      await ids({ ByAccountId: '*', ByState: 'COMPLETED', ByResourceType: 'EBS', ByCreatedAfter: from }),
      idsWhere(
        all,
        idOf,
        (j) => j.State === 'COMPLETED' && j.ResourceType === 'EBS' && at(j.CreationDate) >= from.getTime(),
      ),
    );
  });

  it('filters the child copy jobs of a parent by ByParentJobId', async () => {
    const parent = all.find((j) => j.IsParent) as CopyJob;
    expect(parent).toBeDefined();
    const children = idsWhere(all, idOf, (j) => j.ParentJobId === parent.CopyJobId);
    expect(children.length).toBeGreaterThanOrEqual(2);
    expectSame(await ids({ ByAccountId: '*', ByParentJobId: parent.CopyJobId }), children);
  });
});

describe('copies are linked to the backup jobs that made them', () => {
  it("every copy's CreatedByBackupJobId is a completed backup job with the same source", () => {
    expect(all.length).toBeGreaterThan(300);
    for (const copy of all) {
      const job = backups.get(copy.CreatedByBackupJobId ?? '');
      expect(job, copy.CopyJobId).toBeDefined();
      expect(job?.State).toBe('COMPLETED');
      expect(job?.RecoveryPointArn).toBe(copy.SourceRecoveryPointArn);
      expect(job?.BackupVaultArn).toBe(copy.SourceBackupVaultArn);
      expect(job?.ResourceArn).toBe(copy.ResourceArn);
      expect(job?.AccountId).toBe(copy.AccountId);
      expect(job?.CreatedBy).toEqual(copy.CreatedBy);
      expect(copy.CreationDate?.getTime()).toBeGreaterThan(job?.CompletionDate?.getTime() ?? Number.NaN);
    }
  });

  it('DescribeBackupJob finds the backup job a copy names', async () => {
    for (const copy of all.filter((j) => j.State === 'FAILED').slice(0, 5)) {
      const job = await client.send(new DescribeBackupJobCommand({ BackupJobId: copy.CreatedByBackupJobId }));
      expect(job.RecoveryPointArn).toBe(copy.SourceRecoveryPointArn);
    }
  });

  it('goes to another Region or another account, and only completed copies have a destination point', () => {
    const place = (arn: string | undefined) => arn?.split(':').slice(3, 5).join(':');
    const remote = all.filter((j) => place(j.DestinationBackupVaultArn) !== place(j.SourceBackupVaultArn));
    expect(remote).toHaveLength(all.length);
    const crossAccount = all.filter((j) => j.DestinationBackupVaultArn?.split(':')[4] !== j.AccountId);
    expect(crossAccount.length).toBeGreaterThan(50);
    for (const copy of all) {
      expect(copy.DestinationRecoveryPointArn !== undefined).toBe(copy.State === 'COMPLETED');
      expect(copy.CompletionDate === undefined).toBe(copy.State === 'RUNNING' || copy.State === 'CREATED');
    }
    const locked = all.filter((j) => j.DestinationBackupVaultArn?.endsWith(':dr-vault'));
    expect(locked.every((j) => j.DestinationVaultLockState === 'LOCKED')).toBe(true);
  });

  it('fails with realistic messages: KMS key policy, vault lock, cross-account switched off', () => {
    const failed = all.filter((j) => j.State === 'FAILED');
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length / all.length).toBeLessThan(0.25);
    expect(failed.every((j) => j.StatusMessage && j.MessageCategory && j.MessageCategory !== 'SUCCESS')).toBe(
      true,
    );
    const messages = failed.map((j) => j.StatusMessage ?? '');
    expect(messages.some((m) => m.includes('KMS key') && m.includes('key policy'))).toBe(true);
    expect(messages.some((m) => m.includes('vault lock'))).toBe(true);
    expect(messages.some((m) => m.includes('cross-account backup is not enabled'))).toBe(true);
  });
});

describe('DescribeCopyJob', () => {
  it('answers the listed job inside CopyJob', async () => {
    const listed = all.find((j) => j.State === 'FAILED') as CopyJob;
    const got = await client.send(new DescribeCopyJobCommand({ CopyJobId: listed.CopyJobId }));
    expect(got.CopyJob).toEqual(listed);
    const raw = await rawRequest(emu, 'GET', `/copy-jobs/${listed.CopyJobId}`);
    expect(Object.keys(raw.json)).toEqual(['CopyJob']);
  });

  it('counts the children of a parent; a child names its parent', async () => {
    const parent = all.find((j) => j.IsParent) as CopyJob;
    const children = all.filter((j) => j.ParentJobId === parent.CopyJobId);
    const got = await client.send(new DescribeCopyJobCommand({ CopyJobId: parent.CopyJobId }));
    expect(got.CopyJob?.NumberOfChildJobs).toBe(children.length);
    const states: Record<string, number> = {};
    for (const c of children) states[c.State as string] = (states[c.State as string] ?? 0) + 1;
    expect(got.CopyJob?.ChildJobsInState).toEqual(states);
    const child = await client.send(new DescribeCopyJobCommand({ CopyJobId: children[0]?.CopyJobId }));
    expect(child.CopyJob?.ParentJobId).toBe(parent.CopyJobId);
    expect(child.CopyJob?.CompositeMemberIdentifier).toMatch(/^[A-Za-z0-9]+$/);
    expect(child.CopyJob?.NumberOfChildJobs).toBeUndefined();
  });

  it('answers ResourceNotFoundException (400) for an unknown id, a backup job id or another Region', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    const usCopy = all[0] as CopyJob;
    const calls = [
      client.send(new DescribeCopyJobCommand({ CopyJobId: 'NO-SUCH-COPY' })),
      client.send(new DescribeCopyJobCommand({ CopyJobId: usCopy.CreatedByBackupJobId })),
      eu.send(new DescribeCopyJobCommand({ CopyJobId: usCopy.CopyJobId })),
    ];
    for (const call of calls) {
      const err = await errorOf(call);
      expect(err.name).toBe('ResourceNotFoundException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    eu.destroy();
    const bad = await rawRequest(emu, 'GET', '/copy-jobs/%E0%A4%A');
    expect(bad.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
  });
});

describe('ListCopyJobs refuses bad values with InvalidParameterValueException', () => {
  const invalid: [string, ListCopyJobsCommandInput][] = [
    ['state', { ByState: 'DONE' as never }],
    ['state in lower case', { ByState: 'completed' as never }],
    ['a backup-job state that copies never take', { ByState: 'EXPIRED' as never }],
    ['account id', { ByAccountId: '12345' }],
    ['resource ARN', { ByResourceArn: 'vol-123' }],
    ['destination vault ARN', { ByDestinationVaultArn: 'dr-vault' }],
    ['source recovery point ARN', { BySourceRecoveryPointArn: 'snap-1' }],
    ['resource type of 51 characters', { ByResourceType: 'x'.repeat(51) }],
    ['parent job id', { ByParentJobId: 'has space' }],
    ['message category', { ByMessageCategory: ' ' }],
    ['maxResults 0', { MaxResults: 0 }],
    ['maxResults 1001', { MaxResults: 1001 }],
    ['NextToken', { NextToken: 'x.y' }],
  ];

  it.each(invalid)('a bad %s', async (_name, input) => {
    const err = await errorOf(client.send(new ListCopyJobsCommand(input)));
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });
});
