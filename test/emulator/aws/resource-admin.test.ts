import { type BackupClient, DescribeBackupJobCommand, ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, NOW, rawRequest } from './helpers.js';
import { assume, clientWith, listResources, listVaultResources } from './sts-helpers.js';

let emu: BackupEmulator;
let client: BackupClient;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 12, jobs: 1500, now: () => NOW });
  client = clientFor(emu);
});

afterAll(async () => {
  client.destroy();
  await emu.close();
});

type Wire = Record<string, unknown>;

async function listedNow(arn: string, region = 'us-east-1') {
  const regional = clientFor(emu, region);
  const found = (await listResources(regional)).resources.find((r) => r.ResourceArn === arn);
  regional.destroy();
  return found;
}

describe('admin API: protected resources', () => {
  it('lists them per account and Region, as ListProtectedResources does, with epoch-second times', async () => {
    const [management] = emu.accounts;
    const res = await rawRequest(emu, 'GET', `/_emulator/resources?accountId=${management}&region=us-east-1`);
    expect(res.status).toBe(200);
    const listed = res.json.resources as Wire[];
    const sdk = (await listResources(client)).resources;
    expect(listed.map((r) => r.ResourceArn)).toEqual(sdk.map((r) => r.ResourceArn));
    expect(listed[0]).toMatchObject({ Region: 'us-east-1', AccountId: management, Stale: false });
    const first = sdk[0]?.LastBackupTime;
    expect(first).toBeInstanceOf(Date);
    expect(listed[0]?.LastBackupTime).toBe(Number(first) / 1000);
    const all = await rawRequest(emu, 'GET', '/_emulator/resources');
    expect((all.json.resources as Wire[]).length).toBe(emu.protectedResources().length);
    expect(emu.protectedResources(management, 'us-east-1').map((r) => r.ResourceArn)).toEqual(
      sdk.map((r) => r.ResourceArn),
    );
  });

  it('makes a resource stale: it keeps its LastBackupTime and is marked until it recovers', async () => {
    const [target] = emu.protectedResources(emu.accounts[0], 'us-east-1');
    const arn = target?.ResourceArn as string;
    const res = await rawRequest(emu, 'POST', '/_emulator/resources/stale', { body: { resourceArn: arn } });
    expect(res.status).toBe(200);
    expect(res.json.resource).toMatchObject({ ResourceArn: arn, Stale: true });
    expect((await listedNow(arn))?.LastBackupTime).toEqual(target?.LastBackupTime);
    expect(emu.staleResources()).toContain(arn);
    const marked = (await rawRequest(emu, 'GET', '/_emulator/resources')).json.resources as Wire[];
    expect(marked.filter((r) => r.Stale).map((r) => r.ResourceArn)).toEqual([arn]);
    emu.recover(arn);
    expect(emu.staleResources()).toEqual([]);
  });

  it('recovers a resource with a COMPLETED backup job now, which the lists show', async () => {
    const gap = emu.seededGaps().staleBackup;
    const arn = gap?.resourceArn as string;
    const res = await rawRequest(emu, 'POST', '/_emulator/resources/recover', { body: { resourceArn: arn } });
    expect(res.status).toBe(200);
    const job = res.json.job as Wire;
    expect(job).toMatchObject({
      Region: gap?.region,
      AccountId: gap?.accountId,
      ResourceArn: arn,
      State: 'COMPLETED',
    });
    expect(job.CompletionDate).toBe(NOW.getTime() / 1000 - 600);
    expect(res.json.resource).toMatchObject({ LastBackupTime: job.CompletionDate, Stale: false });
    const member = clientWith(emu, await assume(emu, gap?.accountId as string), gap?.region);
    const listed = (await listResources(member)).resources.find((r) => r.ResourceArn === arn);
    const jobs = await member.send(
      new ListBackupJobsCommand({ ByResourceArn: arn, ByCreatedAfter: new Date(NOW.getTime() - 3_600_000) }),
    );
    member.destroy();
    expect(listed?.LastRecoveryPointArn).toBe(job.RecoveryPointArn);
    expect(listed?.LastBackupTime?.getTime()).toBe(NOW.getTime() - 600_000);
    expect(jobs.BackupJobs?.map((j) => j.BackupJobId)).toEqual([job.BackupJobId]);
  });

  it('recovers a resource whose copies stopped with a new copy in the vault they went to', async () => {
    const gap = emu.seededGaps().staleCopy;
    const done = emu.recover(gap?.resourceArn as string);
    expect(done.copyJob?.DestinationBackupVaultArn).toBe(gap?.destinationVaultArn);
    expect(done.copyJob?.CreatedByBackupJobId).toBe(done.job.BackupJobId);
    const dr = clientWith(
      emu,
      await assume(emu, gap?.destinationAccountId as string),
      gap?.destinationRegion,
    );
    const held = await listVaultResources(dr, { BackupVaultName: 'dr-vault' });
    dr.destroy();
    const entry = held.find((r) => r.ResourceArn === gap?.resourceArn);
    expect(entry?.LastBackupTime).toEqual(done.job.CompletionDate);
    expect(entry?.LastRecoveryPointArn).toBe(done.copyJob?.DestinationRecoveryPointArn);
    const described = await client.send(new DescribeBackupJobCommand({ BackupJobId: done.job.BackupJobId }));
    expect(described.CreatedBy?.BackupPlanName).toBe('daily-critical');
  });

  it.each([
    [
      'an unknown resource',
      { resourceArn: 'arn:aws:ec2:us-east-1:111122223333:volume/vol-0' },
      404,
      'ListProtectedResources',
    ],
    ['no resourceArn', {}, 400, 'resourceArn'],
    ['an unknown field', { resourceArn: 'x', at: 1 }, 400, 'at'],
    ['a body that is not JSON', '{', 400, 'not JSON'],
  ])('refuses %s', async (_name, body, status, mention) => {
    for (const path of ['/_emulator/resources/stale', '/_emulator/resources/recover']) {
      const res = await rawRequest(emu, 'POST', path, { body });
      expect(res.status, path).toBe(status);
      expect(String(res.json.error)).toContain(mention);
    }
    expect(() => emu.makeStale('arn:aws:s3:::nothing-here')).toThrow(/ListProtectedResources/);
  });

  it('serves the seeded gaps with epoch-second times', async () => {
    const res = await rawRequest(emu, 'GET', '/_emulator/gaps');
    const { staleBackup, staleCopy, retired } = emu.seededGaps();
    if (!staleBackup || !staleCopy) throw new Error('the seeded organisation has no gaps');
    expect(res.json.staleBackup).toEqual({
      ...staleBackup,
      lastBackupTime: staleBackup.lastBackupTime.getTime() / 1000,
    });
    expect((res.json.retired as Wire[]).map((g) => g.resourceArn)).toEqual(retired.map((g) => g.resourceArn));
    expect((res.json.staleCopy as Wire).lastCopyTime).toBe(staleCopy.lastCopyTime.getTime() / 1000);
  });
});
