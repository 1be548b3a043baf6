import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/emulator/aws/dataset.js';
import { startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, NOW, rawRequest } from './helpers.js';
import { listCopies, listRestores } from './kind-helpers.js';

const OPTIONS = { seed: 1, jobs: 3000, accounts: 3, regions: ['us-east-1', 'eu-west-1'], now: NOW };

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

describe('generated copy and restore jobs', () => {
  it('are the same for the same seed, and leave the backup jobs exactly as they were', () => {
    const one = generateDataset(OPTIONS);
    const two = generateDataset(OPTIONS);
    expect(two.copyJobs).toEqual(one.copyJobs);
    expect(two.restoreJobs).toEqual(one.restoreJobs);
    expect(one.copyJobs.length).toBeGreaterThan(500);
    expect(one.restoreJobs.length).toBeGreaterThan(100);
    // The backup jobs of seed 1 as generated before copies and restores existed: other tests and the
    // demo count them, so the copy and restore streams must not move them.
    expect(fingerprint(one.jobs)).toBe('c2fd101008e24641');
    const other = generateDataset({ ...OPTIONS, seed: 2 });
    expect(other.copyJobs.map((j) => j.CopyJobId)).not.toEqual(one.copyJobs.map((j) => j.CopyJobId));
  });

  it('are none when there are no backup jobs', () => {
    const empty = generateDataset({ ...OPTIONS, jobs: 0 });
    expect(empty.copyJobs).toEqual([]);
    expect(empty.restoreJobs).toEqual([]);
  });

  it('copy into the air-gapped vault of a one-account, one-Region organisation', () => {
    const small = generateDataset({ seed: 7, jobs: 800, accounts: 1, regions: ['eu-central-1'], now: NOW });
    const [account] = small.accounts;
    expect(small.copyJobs.length).toBeGreaterThan(10);
    for (const copy of small.copyJobs) {
      expect(copy.DestinationBackupVaultArn).toBe(
        `arn:aws:backup:eu-central-1:${account}:backup-vault:airgapped-vault`,
      );
      expect(copy.DestinationVaultType).toBe('LOGICALLY_AIR_GAPPED_BACKUP_VAULT');
    }
    expect(small.restoreJobs.length).toBeGreaterThan(10);
  });

  it("keep the DR vault out of the caller's own vault list", async () => {
    const emu = await startBackupEmulator({ seed: 1, jobs: 1000, now: () => NOW });
    const res = await rawRequest(emu, 'GET', '/backup-vaults');
    const names = (res.json.BackupVaultList as { BackupVaultName: string }[]).map((v) => v.BackupVaultName);
    expect(names).not.toContain('dr-vault');
    const client = clientFor(emu);
    const copies = (await listCopies(client, { ByAccountId: '*' })).jobs;
    const restores = (await listRestores(client, { ByAccountId: '*' })).jobs;
    client.destroy();
    await emu.close();
    expect(
      copies.some((c) =>
        c.DestinationBackupVaultArn?.endsWith(`:${emu.accounts.at(-1)}:backup-vault:dr-vault`),
      ),
    ).toBe(true);
    expect(emu.copyJobCount()).toBeGreaterThanOrEqual(copies.length);
    expect(emu.restoreJobCount()).toBeGreaterThanOrEqual(restores.length);
  });
});
