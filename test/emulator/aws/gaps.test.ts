import type { BackupJob, CopyJob } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/emulator/aws/dataset.js';
import {
  type BackupEmulator,
  type SeededGaps,
  STALE_BACKUP_DAYS,
  STALE_COPY_DAYS,
  startBackupEmulator,
} from '../../../src/emulator/aws/index.js';
import { clientFor, DAY, listAll, NOW } from './helpers.js';
import { listCopies } from './kind-helpers.js';
import { assume, clientWith, listResources, listVaultResources } from './sts-helpers.js';

let emu: BackupEmulator;
let gaps: SeededGaps;

beforeAll(async () => {
  emu = await startBackupEmulator({ seed: 2, jobs: 3000, now: () => NOW });
  gaps = emu.seededGaps();
});

afterAll(async () => {
  await emu.close();
});

const ageDays = (d: Date | undefined) => (NOW.getTime() - (d?.getTime() ?? 0)) / DAY;
const newest = <T extends { CreationDate?: Date | undefined }>(list: readonly T[]) =>
  [...list].sort((a, b) => (b.CreationDate?.getTime() ?? 0) - (a.CreationDate?.getTime() ?? 0))[0];

async function jobsOf(region: string, arn: string): Promise<BackupJob[]> {
  const client = clientFor(emu, region);
  const jobs = (await listAll(client, { ByAccountId: '*', ByResourceArn: arn })).jobs;
  client.destroy();
  return jobs;
}

describe('the seeded protection gaps', () => {
  it('are the same for a seed and differ for another', () => {
    const options = { seed: 2, jobs: 3000, accounts: 3, regions: ['us-east-1', 'eu-west-1'], now: NOW };
    const one = generateDataset(options).gaps;
    expect(generateDataset(options).gaps).toEqual(one);
    expect(one.gaps).toEqual(gaps);
    const other = generateDataset({ ...options, seed: 9 }).gaps.gaps;
    expect(other.staleBackup?.resourceArn).not.toBe(gaps.staleBackup?.resourceArn);
  });

  it('hold a member account database whose last job, a success, is three days old', async () => {
    const gap = gaps.staleBackup;
    expect(gap?.accountId).toBe(emu.accounts[1]);
    expect(gap?.region).toBe('eu-west-1');
    const jobs = await jobsOf(gap?.region as string, gap?.resourceArn as string);
    expect(jobs.length).toBeGreaterThan(20);
    const last = newest(jobs);
    expect(last).toMatchObject({
      State: 'COMPLETED',
      MessageCategory: 'SUCCESS',
      CompletionDate: gap?.lastBackupTime,
    });
    expect(ageDays(last?.CreationDate)).toBeGreaterThan(STALE_BACKUP_DAYS - 0.1);
    expect(ageDays(gap?.lastBackupTime)).toBeLessThan(STALE_BACKUP_DAYS + 0.1);
    const member = clientWith(emu, await assume(emu, gap?.accountId as string), gap?.region);
    const listed = (await listResources(member)).resources;
    member.destroy();
    expect(listed.find((r) => r.ResourceArn === gap?.resourceArn)?.LastBackupTime).toEqual(
      gap?.lastBackupTime,
    );
    const fresh = listed.filter((r) => ageDays(r.LastBackupTime) < 1.5);
    expect(fresh.length / listed.filter((r) => ageDays(r.LastBackupTime) < 30).length).toBeGreaterThan(0.8);
  });

  it('hold a management account volume whose copies to the DR vault stopped four days ago', async () => {
    const gap = gaps.staleCopy;
    expect(gap?.accountId).toBe(emu.accounts[0]);
    expect(gap?.destinationVaultArn).toBe(
      `arn:aws:backup:eu-west-1:${emu.accounts[2]}:backup-vault:dr-vault`,
    );
    const client = clientFor(emu, gap?.region);
    const copies: CopyJob[] = (await listCopies(client, { ByResourceArn: gap?.resourceArn })).jobs;
    const backups = (await listAll(client, { ByResourceArn: gap?.resourceArn })).jobs;
    client.destroy();
    const lastCopy = newest(copies);
    expect(lastCopy).toMatchObject({ State: 'COMPLETED', CompletionDate: gap?.lastCopyTime });
    expect(lastCopy?.DestinationBackupVaultArn).toBe(gap?.destinationVaultArn);
    expect(ageDays(lastCopy?.CreationDate)).toBeGreaterThan(STALE_COPY_DAYS - 0.1);
    expect(ageDays(gap?.lastCopyTime)).toBeLessThan(STALE_COPY_DAYS + 0.1);
    const later = backups.filter(
      (j) => j.State === 'COMPLETED' && (j.CreationDate as Date) > (lastCopy?.CreationDate as Date),
    );
    expect(later.length).toBeGreaterThanOrEqual(STALE_COPY_DAYS - 1);
    expect(ageDays(gap?.lastBackupTime)).toBeLessThan(1.5);
    const dr = clientWith(
      emu,
      await assume(emu, gap?.destinationAccountId as string),
      gap?.destinationRegion,
    );
    const held = await listVaultResources(dr, { BackupVaultName: 'dr-vault' });
    dr.destroy();
    const entry = held.find((r) => r.ResourceArn === gap?.resourceArn);
    expect(entry?.LastBackupTime).toEqual(gap?.lastCopiedBackupTime);
    expect(entry?.LastRecoveryPointArn).toBe(lastCopy?.DestinationRecoveryPointArn);
  });

  it('hold retired resources with no job in the last 30 days', async () => {
    expect(gaps.retired.length).toBe(Math.round(3000 / 32.9 / 30));
    for (const gap of gaps.retired) {
      expect(await jobsOf(gap.region, gap.resourceArn)).toEqual([]);
      expect(ageDays(gap.lastBackupTime)).toBeGreaterThan(40);
    }
  });

  it('exist in a one-account organisation and not in one without resources', () => {
    const regions = ['eu-central-1'];
    const small = generateDataset({ seed: 7, jobs: 300, accounts: 1, regions, now: NOW });
    expect(small.gaps.gaps.staleBackup?.accountId).toBe(small.accounts[0]);
    expect(small.gaps.gaps.staleCopy?.destinationVaultArn).toMatch(/:backup-vault:airgapped-vault$/);
    const empty = generateDataset({ seed: 7, jobs: 0, accounts: 2, regions, now: NOW });
    expect(empty.gaps).toEqual({ jobs: [], copyJobs: [], gaps: { retired: [] } });
  });
});
