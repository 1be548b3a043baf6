import { type BackupJob, DescribeBackupJobCommand, type ProtectedResource } from '@aws-sdk/client-backup';
import type { BackupEmulator } from '../../../src/emulator/aws/index.js';
import { clientFor, listAll } from './helpers.js';
import { listCopies } from './kind-helpers.js';

type Expected = Map<string, Map<string, ProtectedResource>>;

function offer(into: Expected, place: string, entry: ProtectedResource): void {
  const byArn = into.get(place) ?? new Map<string, ProtectedResource>();
  into.set(place, byArn);
  const held = byArn.get(entry.ResourceArn as string);
  const d = (entry.LastBackupTime?.getTime() ?? 0) - (held?.LastBackupTime?.getTime() ?? 0);
  const newer = d > 0 || (d === 0 && (entry.LastRecoveryPointArn ?? '') > (held?.LastRecoveryPointArn ?? ''));
  if (!held || newer) byArn.set(entry.ResourceArn as string, entry);
}

/**
 * What ListProtectedResources should list per `region|account`, worked out from what ListBackupJobs and
 * ListCopyJobs show of the whole organisation (the last 30 days): per resource, its newest recovery
 * point from a completed backup (in the job's account and Region) or a completed copy (in the
 * destination vault's, timed as the backup it copies).
 */
export async function expectedFromJobs(emu: BackupEmulator): Promise<Expected> {
  const out: Expected = new Map();
  for (const region of emu.regions) {
    const client = clientFor(emu, region);
    const backups = (await listAll(client, { ByAccountId: '*' })).jobs;
    const byId = new Map(backups.map((j) => [j.BackupJobId, j]));
    for (const j of backups) {
      if (j.State !== 'COMPLETED' || !j.RecoveryPointArn) continue;
      offer(out, `${region}|${j.AccountId}`, {
        ResourceArn: j.ResourceArn,
        ResourceType: j.ResourceType,
        LastBackupTime: j.CompletionDate,
        ResourceName: j.ResourceName,
        LastBackupVaultArn: j.BackupVaultArn,
        LastRecoveryPointArn: j.RecoveryPointArn,
      });
    }
    for (const c of (await listCopies(client, { ByAccountId: '*' })).jobs) {
      if (c.State !== 'COMPLETED' || !c.DestinationRecoveryPointArn) continue;
      const [, , , destRegion, destAccount] = (c.DestinationBackupVaultArn ?? '').split(':');
      let source: BackupJob | undefined = byId.get(c.CreatedByBackupJobId);
      source ??= await client.send(new DescribeBackupJobCommand({ BackupJobId: c.CreatedByBackupJobId }));
      offer(out, `${destRegion}|${destAccount}`, {
        ResourceArn: c.ResourceArn,
        ResourceType: c.ResourceType,
        LastBackupTime: source.CompletionDate,
        ResourceName: c.ResourceName,
        LastBackupVaultArn: c.DestinationBackupVaultArn,
        LastRecoveryPointArn: c.DestinationRecoveryPointArn,
      });
    }
    client.destroy();
  }
  return out;
}

export function byArn(list: readonly ProtectedResource[]): ProtectedResource[] {
  return [...list].sort((a, b) => ((a.ResourceArn ?? '') < (b.ResourceArn ?? '') ? -1 : 1));
}
