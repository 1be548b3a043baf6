import type { BackupClient, BackupJob, ListBackupJobsCommandInput } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, idsOf, listAll, NOW } from './helpers.js';

let emu: BackupEmulator;
let client: BackupClient;
let all: BackupJob[];

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 7, jobs: 3000, now: () => NOW });
  client = clientFor(emu);
  all = (await listAll(client, { ByAccountId: '*' })).jobs;
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

type Filter = Omit<ListBackupJobsCommandInput, 'NextToken' | 'MaxResults'>;

/** The jobs of the organisation listing that a filter should keep, computed here independently. */
function expected(filter: Filter): BackupJob[] {
  const account = filter.ByAccountId ?? emu.accounts[0];
  const t = (d: Date | undefined) => d?.getTime();
  return all.filter((j) => {
    const created = t(j.CreationDate) as number;
    const completed = t(j.CompletionDate);
    if (account !== '*' && j.AccountId !== account) return false;
    if (filter.ByState && j.State !== filter.ByState) return false;
    if (filter.ByResourceType && j.ResourceType !== filter.ByResourceType) return false;
    if (filter.ByBackupVaultName && j.BackupVaultName !== filter.ByBackupVaultName) return false;
    if (filter.ByResourceArn && j.ResourceArn !== filter.ByResourceArn) return false;
    if (filter.ByParentJobId && j.ParentJobId !== filter.ByParentJobId) return false;
    const category = filter.ByMessageCategory?.toLowerCase();
    if (category && j.MessageCategory?.toLowerCase() !== category) return false;
    if (filter.ByCreatedAfter && created < (t(filter.ByCreatedAfter) as number)) return false;
    if (filter.ByCreatedBefore && created >= (t(filter.ByCreatedBefore) as number)) return false;
    const after = t(filter.ByCompleteAfter);
    if (after !== undefined && (completed === undefined || completed < after)) return false;
    const before = t(filter.ByCompleteBefore);
    if (before !== undefined && (completed === undefined || completed >= before)) return false;
    return true;
  });
}

function someJob(pred: (j: BackupJob) => boolean): BackupJob {
  const job = all.find(pred);
  if (!job) throw new Error('the dataset has no such job');
  return job;
}

describe('ListBackupJobs filters through the real SDK', () => {
  it('lists the whole organisation with ByAccountId=* and only the caller without it', async () => {
    const accounts = new Set(all.map((j) => j.AccountId));
    expect([...accounts].sort()).toEqual([...emu.accounts].sort());
    const own = (await listAll(client)).jobs;
    expect(own.length).toBeGreaterThan(100);
    expect(new Set(own.map((j) => j.AccountId))).toEqual(new Set([emu.accounts[0]]));
  });

  const single: [string, () => Filter][] = [
    ['ByAccountId (a member account)', () => ({ ByAccountId: emu.accounts[1] as string })],
    ['ByState', () => ({ ByAccountId: '*', ByState: 'FAILED' })],
    ['ByResourceType with a space', () => ({ ByAccountId: '*', ByResourceType: 'SAP HANA on Amazon EC2' })],
    ['ByResourceType', () => ({ ByAccountId: '*', ByResourceType: 'RDS' })],
    ['ByBackupVaultName', () => ({ ByAccountId: '*', ByBackupVaultName: 'compliance' })],
    [
      'ByResourceArn',
      () => ({ ByAccountId: '*', ByResourceArn: someJob((j) => j.ResourceType === 'S3').ResourceArn }),
    ],
    [
      'ByParentJobId',
      () => ({ ByAccountId: '*', ByParentJobId: someJob((j) => j.IsParent === true).BackupJobId }),
    ],
    ['ByMessageCategory', () => ({ ByAccountId: '*', ByMessageCategory: 'AccessDenied' })],
    ['ByMessageCategory in another case', () => ({ ByAccountId: '*', ByMessageCategory: 'success' })],
    ['ByCreatedAfter', () => ({ ByAccountId: '*', ByCreatedAfter: new Date(NOW.getTime() - 3 * DAY) })],
    ['ByCreatedBefore', () => ({ ByAccountId: '*', ByCreatedBefore: new Date(NOW.getTime() - 20 * DAY) })],
    ['ByCompleteAfter', () => ({ ByAccountId: '*', ByCompleteAfter: new Date(NOW.getTime() - 2 * DAY) })],
    ['ByCompleteBefore', () => ({ ByAccountId: '*', ByCompleteBefore: new Date(NOW.getTime() - 25 * DAY) })],
  ];

  it.each(single)('%s alone', async (_name, make) => {
    const filter = make();
    const want = expected(filter);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);
    const got = (await listAll(client, filter, 250)).jobs;
    expect(idsOf(got)).toEqual(idsOf(want));
  });

  const combined: [string, () => Filter][] = [
    [
      'state + type + account',
      () => ({ ByAccountId: emu.accounts[0] as string, ByState: 'COMPLETED', ByResourceType: 'EBS' }),
    ],
    [
      'created window + vault + category',
      () => ({
        ByAccountId: '*',
        ByCreatedAfter: new Date(NOW.getTime() - 10 * DAY),
        ByCreatedBefore: new Date(NOW.getTime() - 2 * DAY),
        ByBackupVaultName: 'dev',
        ByMessageCategory: 'SUCCESS',
      }),
    ],
    [
      'completed window + state',
      () => ({
        ByAccountId: '*',
        ByCompleteAfter: new Date(NOW.getTime() - 7 * DAY),
        ByCompleteBefore: new Date(NOW.getTime() - DAY),
        ByState: 'COMPLETED',
      }),
    ],
    [
      'parent + state',
      () => ({
        ByAccountId: '*',
        ByParentJobId: someJob((j) => j.IsParent === true).BackupJobId,
        ByState: 'COMPLETED',
      }),
    ],
  ];

  it.each(combined)('%s combined', async (_name, make) => {
    const filter = make();
    const want = expected(filter);
    expect(want.length).toBeGreaterThan(0);
    const got = (await listAll(client, filter, 100)).jobs;
    expect(idsOf(got)).toEqual(idsOf(want));
  });

  it('finds nothing, without error, for a filter no job matches', async () => {
    const got = await listAll(client, { ByAccountId: '*', ByBackupVaultName: 'no-such-vault' });
    expect(got.jobs).toEqual([]);
    expect(got.tokens).toEqual([]);
  });

  it.each(['ec2', 'Ebs', 'Aurora DSQL', 'x'.repeat(50)])(
    'takes ByResourceType %j, a type AWS does not list, as a filter that matches nothing',
    async (type) => {
      expect(expected({ ByAccountId: '*', ByResourceType: 'EC2' }).length).toBeGreaterThan(0);
      const got = await listAll(client, { ByAccountId: '*', ByResourceType: type });
      expect(got.jobs).toEqual([]);
      expect(got.tokens).toEqual([]);
    },
  );

  it('keeps each region apart: the signed region decides what is listed', async () => {
    const eu = clientFor(emu, 'eu-west-1');
    const euJobs = (await listAll(eu, { ByAccountId: '*' })).jobs;
    eu.destroy();
    expect(euJobs.length).toBeGreaterThan(100);
    expect(euJobs.every((j) => j.BackupVaultArn?.includes(':eu-west-1:'))).toBe(true);
    expect(all.every((j) => j.BackupVaultArn?.includes(':us-east-1:'))).toBe(true);
    const other = clientFor(emu, 'ap-south-1');
    expect((await listAll(other, { ByAccountId: '*' })).jobs).toEqual([]);
    other.destroy();
  });
});
