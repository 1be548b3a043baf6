import { randomUUID } from 'node:crypto';
import type { AwsBackupVault } from './types.js';

/** Backup vaults per region and account. Adding a job to an unknown vault creates the vault. */
export class VaultStore {
  readonly #byPlace = new Map<string, Map<string, AwsBackupVault>>();

  constructor(initial: ReadonlyMap<string, readonly AwsBackupVault[]> = new Map()) {
    for (const [place, vaults] of initial) {
      this.#byPlace.set(place, new Map(vaults.map((v) => [v.BackupVaultName, v])));
    }
  }

  /** The vaults of an account in a region, by name. */
  list(region: string, account: string): AwsBackupVault[] {
    const vaults = [...(this.#byPlace.get(`${region}|${account}`)?.values() ?? [])];
    return vaults.sort((a, b) => (a.BackupVaultName < b.BackupVaultName ? -1 : 1));
  }

  /** The vault, created with today's date when it does not exist yet. */
  ensure(region: string, account: string, name: string, now: Date): AwsBackupVault {
    const place = `${region}|${account}`;
    let vaults = this.#byPlace.get(place);
    if (!vaults) {
      vaults = new Map();
      this.#byPlace.set(place, vaults);
    }
    let vault = vaults.get(name);
    if (!vault) {
      vault = {
        BackupVaultName: name,
        BackupVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:${name}`,
        VaultType: 'BACKUP_VAULT',
        VaultState: 'AVAILABLE',
        CreationDate: now,
        EncryptionKeyArn: `arn:aws:kms:${region}:${account}:key/${randomUUID()}`,
        CreatorRequestId: randomUUID(),
        Locked: false,
      };
      vaults.set(name, vault);
    }
    return vault;
  }
}
