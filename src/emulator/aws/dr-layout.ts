import type { AwsLifecycle } from './job-types.js';
import type { Rng } from './prng.js';
import type { AwsBackupVault } from './types.js';

/** The vault every Region of the organisation's DR account holds copies in. */
export const DR_VAULT = 'dr-vault';
/** Days the DR vault's lock keeps every recovery point at least. */
export const DR_MIN_RETENTION_DAYS = 30;

/** Where a copy goes: the destination vault, and the lifecycle the copy rule gives the copy. */
export interface CopyTarget {
  region: string;
  account: string;
  vault: AwsBackupVault;
  lifecycle: AwsLifecycle;
}

/**
 * The organisation's disaster-recovery layout: which Region backs up which, the DR account (the
 * last account, when there are two or more) and its locked `dr-vault` in every Region, and the copy
 * rules of the backup plans:
 * - `daily-prod` copies to the partner Region in the same account (the management account into its
 *   logically air-gapped vault);
 * - `daily-critical` copies to the DR account's vault in the partner Region;
 * - `compliance-7y` copies to the DR account's vault in the same Region;
 * - in the first Region, the second account's `daily-prod` rule was pointed at the DR vault with a
 *   14-day retention, below the vault lock's minimum, so every one of its copies fails: the quiet
 *   failure DR teams miss.
 */
export class DrLayout {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly drAccount: string | undefined;
  readonly #vaults: Map<string, AwsBackupVault[]>;

  constructor(
    accounts: readonly string[],
    regions: readonly string[],
    vaults: Map<string, AwsBackupVault[]>,
  ) {
    this.accounts = accounts;
    this.regions = regions;
    this.drAccount = accounts.length > 1 ? accounts[accounts.length - 1] : undefined;
    this.#vaults = vaults;
  }

  /** Adds the DR account's locked `dr-vault` to every Region (drawn from `rng`, not the main stream). */
  addDrVaults(rng: Rng, now: Date): void {
    const account = this.drAccount;
    if (!account) return;
    for (const region of this.regions) {
      const place = `${region}|${account}`;
      const list = this.#vaults.get(place) ?? [];
      if (list.some((v) => v.BackupVaultName === DR_VAULT)) continue;
      const created = new Date(now.getTime() - rng.between(200, 700) * 86_400_000);
      list.push({
        BackupVaultName: DR_VAULT,
        BackupVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:${DR_VAULT}`,
        VaultType: 'BACKUP_VAULT',
        VaultState: 'AVAILABLE',
        CreationDate: created,
        EncryptionKeyArn: `arn:aws:kms:${region}:${account}:key/${rng.uuid()}`,
        CreatorRequestId: rng.uuid(),
        Locked: true,
        MinRetentionDays: DR_MIN_RETENTION_DAYS,
        MaxRetentionDays: 3650,
        LockDate: new Date(created.getTime() + 3 * 86_400_000),
      });
      this.#vaults.set(place, list);
    }
  }

  /** The Region that holds a Region's cross-Region copies: the next one in the list. */
  partner(region: string): string {
    const i = this.regions.indexOf(region);
    return this.regions[(i + 1) % this.regions.length] ?? region;
  }

  vault(region: string, account: string, name: string): AwsBackupVault | undefined {
    return this.#vaults.get(`${region}|${account}`)?.find((v) => v.BackupVaultName === name);
  }

  /** Where the copy rule of `plan` sends a recovery point made in `region` for `account`. */
  target(plan: string | undefined, region: string, account: string): CopyTarget | undefined {
    const partner = this.partner(region);
    const dr = this.drAccount;
    const misrouted = this.accounts.length > 2 && account === this.accounts[1] && region === this.regions[0];
    if (plan === 'daily-prod' && misrouted && dr) {
      return this.#to(partner, dr, DR_VAULT, { DeleteAfterDays: 14 });
    }
    if (plan === 'daily-prod') {
      const own = account === this.accounts[0] ? 'airgapped-vault' : 'prod';
      if (partner === region && own === 'prod') return undefined;
      return this.#to(partner, account, own, { DeleteAfterDays: 14 });
    }
    if (plan === 'daily-critical') {
      const into = dr ?? account;
      if (into === account && partner === region) return undefined;
      return this.#to(partner, into, dr ? DR_VAULT : 'airgapped-vault', { DeleteAfterDays: 35 });
    }
    if (plan === 'compliance-7y' && dr && dr !== account) {
      return this.#to(region, dr, DR_VAULT, { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 2555 });
    }
    return undefined;
  }

  /** A copy target for a copy added without one: the DR vault in the partner Region, if any. */
  defaultTarget(region: string, account: string): CopyTarget {
    const partner = this.partner(region);
    const dr = this.drAccount;
    const found = dr
      ? this.#to(partner, dr, DR_VAULT, { DeleteAfterDays: 35 })
      : this.#to(partner, account, 'airgapped-vault', { DeleteAfterDays: 35 });
    if (found) return found;
    const name = 'Default';
    return {
      region: partner,
      account,
      lifecycle: { DeleteAfterDays: 35 },
      vault: {
        BackupVaultName: name,
        BackupVaultArn: `arn:aws:backup:${partner}:${account}:backup-vault:${name}`,
        VaultType: 'BACKUP_VAULT',
        VaultState: 'AVAILABLE',
        CreationDate: new Date(0),
        Locked: false,
      },
    };
  }

  #to(region: string, account: string, name: string, lifecycle: AwsLifecycle): CopyTarget | undefined {
    const vault = this.vault(region, account, name);
    return vault ? { region, account, vault, lifecycle } : undefined;
  }
}
