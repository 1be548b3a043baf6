import { ENVS, type Env, PLAN_TEMPLATES, type Plan } from './plans.js';
import type { Rng } from './prng.js';
import { RESOURCE_KINDS, type ResourceKind, STACK_CHILD_TYPES } from './resource-kinds.js';
import type { AwsBackupVault } from './types.js';

/** A protected resource: jobs are generated for it once a day. */
export interface Resource {
  account: string;
  region: string;
  kind: ResourceKind;
  arn: string;
  name: string;
  plan: Plan;
  flaky: boolean;
  windows: boolean;
  bytes: number;
  /** For CloudFormation stacks: the nested resources backed up as child jobs. */
  children: Resource[];
}

// biome-ignore format: a word list reads best on one line
const APPS = ['orders', 'billing', 'catalog', 'payments', 'analytics', 'auth', 'search', 'inventory', 'crm', 'ledger'];
export const VAULT_NAMES = ['Default', 'prod', 'dev', 'compliance'] as const;

/** Twelve-digit account ids derived from the seed; the first is the management account. */
export function makeAccounts(rng: Rng, count: number): string[] {
  const accounts = new Set<string>();
  while (accounts.size < count)
    accounts.add(`${rng.between(1, 9)}${String(rng.int(1e11)).padStart(11, '0')}`);
  return [...accounts];
}

export function makeVaults(
  rng: Rng,
  account: string,
  region: string,
  now: Date,
  airGapped: boolean,
): AwsBackupVault[] {
  const names: string[] = [...VAULT_NAMES, ...(airGapped ? ['airgapped-vault'] : [])];
  return names.map((name) => {
    const created = new Date(now.getTime() - rng.between(120, 900) * 86_400_000);
    const locked = name === 'compliance';
    return {
      BackupVaultName: name,
      BackupVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:${name}`,
      VaultType: name === 'airgapped-vault' ? 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' : 'BACKUP_VAULT',
      VaultState: 'AVAILABLE',
      CreationDate: created,
      EncryptionKeyArn: `arn:aws:kms:${region}:${account}:key/${rng.uuid()}`,
      CreatorRequestId: rng.uuid(),
      Locked: locked,
      ...(locked ? { MinRetentionDays: 35, MaxRetentionDays: 2555, LockDate: created } : {}),
    };
  });
}

/** Where resources are being made: their account and region, plans, and the names handed out. */
export interface Place {
  rng: Rng;
  account: string;
  region: string;
  plans: Map<string, Plan>;
  names: Map<string, number>;
}

/**
 * One resource of a kind, attached to a plan fitting its environment (or to `plan` when given), in a
 * random environment unless `inEnv` names one.
 */
export function makeResource(place: Place, kind: ResourceKind, plan?: Plan, inEnv?: Env): Resource {
  const { rng, account, region } = place;
  const env = inEnv ?? rng.pick(ENVS);
  const stem = `${rng.pick(APPS)}-${env}`;
  const key = `${kind.type}|${stem}`;
  const n = (place.names.get(key) ?? 0) + 1;
  place.names.set(key, n);
  const base = n === 1 ? stem : `${stem}-${n}`;
  const { arn, name } = kind.resource({ account, region, base, rng });
  const templates = PLAN_TEMPLATES.filter((t) => t.envs.includes(env));
  const chosen = plan ?? (place.plans.get(rng.pick(templates).name) as Plan);
  const [lo, hi] = kind.gib;
  const bytes = Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) * 2 ** 30);
  const resource: Resource = {
    account,
    region,
    kind,
    arn,
    name,
    plan: chosen,
    flaky: rng.chance(0.08),
    windows: kind.type === 'EC2' && rng.chance(0.3),
    bytes,
    children: [],
  };
  if (kind.type === 'CloudFormation') {
    const count = rng.between(2, 4);
    for (let i = 0; i < count; i++) {
      const childType = rng.pick(STACK_CHILD_TYPES);
      const childKind = RESOURCE_KINDS.find((k) => k.type === childType) as ResourceKind;
      resource.children.push(makeResource(place, childKind, chosen));
    }
  }
  return resource;
}
