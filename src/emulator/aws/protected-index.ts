import type { JobStore } from './job-store.js';
import type { AwsCopyJob } from './job-types.js';
import type { AwsBackupJob } from './types.js';

/**
 * A resource with a recovery point in one account and Region, as ListProtectedResources lists it,
 * plus the account and Region that list it.
 */
export interface ProtectedResource {
  Region: string;
  AccountId: string;
  ResourceArn: string;
  ResourceType: string;
  ResourceName?: string;
  /** When the newest recovery point's backup job completed. */
  LastBackupTime: Date;
  LastBackupVaultArn: string;
  LastRecoveryPointArn: string;
}

interface Built {
  version: string;
  /** Per `region|account`, sorted by ResourceArn. */
  places: Map<string, ProtectedResource[]>;
  /** Per `region|account|vault`, sorted by ResourceArn. */
  vaults: Map<string, ProtectedResource[]>;
  /** Each resource where its own backups are made (not where copies land). */
  homes: Map<string, ProtectedResource>;
}

const VAULT_ARN = /^arn:aws[a-z-]*:backup:([a-z0-9-]+):(\d{12}):backup-vault:(.+)$/;

type Latest = Map<string, Map<string, ProtectedResource>>;

function newer(a: ProtectedResource, b: ProtectedResource): boolean {
  const d = a.LastBackupTime.getTime() - b.LastBackupTime.getTime();
  return d > 0 || (d === 0 && a.LastRecoveryPointArn > b.LastRecoveryPointArn);
}

function offer(into: Latest, key: string, entry: ProtectedResource): void {
  let byArn = into.get(key);
  if (!byArn) {
    byArn = new Map();
    into.set(key, byArn);
  }
  const held = byArn.get(entry.ResourceArn);
  if (!held || newer(entry, held)) byArn.set(entry.ResourceArn, entry);
}

function sorted(latest: Latest): Map<string, ProtectedResource[]> {
  const out = new Map<string, ProtectedResource[]>();
  for (const [key, byArn] of latest) {
    out.set(
      key,
      [...byArn.values()].sort((a, b) => (a.ResourceArn < b.ResourceArn ? -1 : 1)),
    );
  }
  return out;
}

/**
 * The protected resources of every account and Region, derived from the jobs: a completed backup job
 * leaves a recovery point in its vault, a completed copy job one in its destination vault. A resource's
 * LastBackupTime is when the backup job of its newest recovery point completed (a copy keeps the time
 * of the backup it copies, as AWS keeps a copy's source dates). Rebuilt when jobs are added or cleared.
 */
export class ProtectedIndex {
  readonly #backups: JobStore<AwsBackupJob>;
  readonly #copies: JobStore<AwsCopyJob>;
  #built: Built | undefined;

  constructor(backups: JobStore<AwsBackupJob>, copies: JobStore<AwsCopyJob>) {
    this.#backups = backups;
    this.#copies = copies;
  }

  /** What ListProtectedResources lists for an account in a Region, by ResourceArn. */
  place(region: string, account: string): readonly ProtectedResource[] {
    return this.#get().places.get(`${region}|${account}`) ?? [];
  }

  /** What ListProtectedResourcesByBackupVault lists for one vault, by ResourceArn. */
  vault(region: string, account: string, name: string): readonly ProtectedResource[] {
    return this.#get().vaults.get(`${region}|${account}|${name}`) ?? [];
  }

  /** Every account's and Region's entries, by Region, account and ResourceArn. */
  all(): ProtectedResource[] {
    const keys = [...this.#get().places.keys()].sort();
    return keys.flatMap((key) => this.#get().places.get(key) ?? []);
  }

  /** The resource in the account and Region where its own backups are made; undefined if none is. */
  home(resourceArn: string): ProtectedResource | undefined {
    return this.#get().homes.get(resourceArn);
  }

  #get(): Built {
    const version = `${this.#backups.version}|${this.#copies.version}`;
    if (this.#built?.version === version) return this.#built;
    const places: Latest = new Map();
    const vaults: Latest = new Map();
    const homes: Latest = new Map();
    for (const { job } of this.#backups.values()) {
      if (job.State !== 'COMPLETED' || !job.RecoveryPointArn || !job.CompletionDate) continue;
      const entry = {
        Region: job.Region,
        AccountId: job.AccountId,
        ResourceArn: job.ResourceArn,
        ResourceType: job.ResourceType,
        ...(job.ResourceName ? { ResourceName: job.ResourceName } : {}),
        LastBackupTime: job.CompletionDate,
        LastBackupVaultArn: job.BackupVaultArn,
        LastRecoveryPointArn: job.RecoveryPointArn,
      };
      const place = `${job.Region}|${job.AccountId}`;
      offer(places, place, entry);
      offer(vaults, `${place}|${job.BackupVaultName}`, entry);
      offer(homes, '', entry);
    }
    for (const { job: copy } of this.#copies.values()) {
      const dest = VAULT_ARN.exec(copy.DestinationBackupVaultArn);
      const point = copy.DestinationRecoveryPointArn;
      if (copy.State !== 'COMPLETED' || !point || !copy.CompletionDate || !dest) continue;
      const source = copy.CreatedByBackupJobId
        ? this.#backups.get(copy.Region, copy.CreatedByBackupJobId)?.job.CompletionDate
        : undefined;
      const place = `${dest[1]}|${dest[2]}`;
      const entry = {
        Region: dest[1] as string,
        AccountId: dest[2] as string,
        ResourceArn: copy.ResourceArn,
        ResourceType: copy.ResourceType,
        ...(copy.ResourceName ? { ResourceName: copy.ResourceName } : {}),
        LastBackupTime: source ?? copy.CompletionDate,
        LastBackupVaultArn: copy.DestinationBackupVaultArn,
        LastRecoveryPointArn: point,
      };
      offer(places, place, entry);
      offer(vaults, `${place}|${dest[3]}`, entry);
    }
    this.#built = {
      version,
      places: sorted(places),
      vaults: sorted(vaults),
      homes: homes.get('') ?? new Map(),
    };
    return this.#built;
  }
}
