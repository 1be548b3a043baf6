import {
  isAccountId,
  isJobId,
  isRegionName,
  isVaultName,
  knownResourceType,
  RESOURCE_TYPE_ALIASES,
  RULE_NAME,
} from '../domain/index.js';

/** One example help shows: it runs when clicked. */
export interface QueryExample {
  text: string;
  description: string;
}

/**
 * What the bot already knows of the workspace, cheaply (kept coverage state, the alert rules, the
 * configured Regions): the names help examples are made of, so that a clicked example answers with
 * this workspace's jobs. Each list is most useful first; any may be empty.
 */
export interface WorkspaceFacts {
  /** Backup vaults jobs went to. */
  vaults: readonly string[];
  /** Vaults copies went to. */
  copyVaults: readonly string[];
  /** As AWS spells them (`RDS`). */
  resourceTypes: readonly string[];
  accounts: readonly string[];
  regions: readonly string[];
  /** A resource that was backed up: its ARN, and its name when it has one. */
  resource?: { arn: string; name?: string | undefined } | undefined;
  /** Recent jobs, by kind. */
  backupJobId?: string | undefined;
  copyJobId?: string | undefined;
  /** Alert rule names, those being evaluated first. */
  rules: readonly string[];
}

export const NO_FACTS: WorkspaceFacts = {
  vaults: [],
  copyVaults: [],
  resourceTypes: [],
  accounts: [],
  regions: [],
  rules: [],
};

/** The word a query takes for a type (`rds`, `storage-gateway`), for types known by name. */
function typeWord(type: string | undefined): string | undefined {
  const known = type === undefined ? undefined : knownResourceType(type);
  return known ? RESOURCE_TYPE_ALIASES[known].aliases[0] : undefined;
}

/** Names that can be written into a query as one token; anything else is left out. */
function usable(facts: WorkspaceFacts) {
  const vault = facts.vaults.find(isVaultName);
  const copyVault = facts.copyVaults.find(isVaultName);
  const types = facts.resourceTypes.map(typeWord).filter((w): w is string => w !== undefined);
  const arn =
    facts.resource && /^arn:[\x21-\x7e]{1,200}$/.test(facts.resource.arn) ? facts.resource.arn : undefined;
  const name =
    facts.resource?.name && /^[\w.:/-]{1,80}$/.test(facts.resource.name) ? facts.resource.name : undefined;
  return {
    vault,
    copyVault,
    types: [...new Set(types)],
    account: facts.accounts.find(isAccountId),
    regions: facts.regions.filter(isRegionName),
    arn,
    name,
    backupJobId: facts.backupJobId && isJobId(facts.backupJobId) ? facts.backupJobId : undefined,
    copyJobId: facts.copyJobId && isJobId(facts.copyJobId) ? facts.copyJobId : undefined,
    rule: facts.rules.find((r) => RULE_NAME.test(r)),
  };
}

function example(text: string, description: string): QueryExample {
  return { text, description };
}

/**
 * The examples help shows, made of this workspace's vaults, resource types, accounts, Regions,
 * resources, jobs and alert rules, so that each one answers with something. Where a name is not
 * known, the example asks without it (never with a made-up name, which would find nothing); each
 * parses on any day (no fixed dates), which a test checks. One changes state (`alerts mute`): help
 * marks it, and a click on it asks before doing anything.
 */
export function queryExamples(facts: WorkspaceFacts): QueryExample[] {
  const u = usable(facts);
  const [type, otherType] = u.types;
  const out: QueryExample[] = [
    example(
      `failed or partial since monday 9am${type ? ` type:${type}` : ''}`,
      `several states, a time since a weekday and hour${type ? ', one resource type' : ''}`,
    ),
    u.vault
      ? example(`failures last 7 days vault:${u.vault}`, 'a rolling window and one backup vault')
      : example('failures last 7 days', 'a rolling window: the past seven days'),
    example(
      `completed with issues last 14 days${u.regions
        .slice(0, 2)
        .map((r) => ` region:${r}`)
        .join('')}`,
      `COMPLETED jobs whose message is not SUCCESS, in the last 14 days${u.regions.length > 0 ? ', in named Regions' : ''}`,
    ),
    example('completed today 25 per page', 'jobs that completed today (completion time), 25 a page'),
    ...(u.account
      ? [example(`completed this week account:${u.account}`, 'jobs that ended this week in one account')]
      : []),
    example(
      'running pending 24h public',
      'jobs still going, created in the last 24 hours, posted in the channel',
    ),
    example(
      `between 7 days ago and yesterday${(otherType ?? type) ? ` type:${otherType ?? type}` : ''}`,
      `a range of whole days${(otherType ?? type) ? ', one resource type' : ''}`,
    ),
    example(
      'errors before yesterday',
      'failed jobs created before yesterday (back to the 30 days AWS keeps)',
    ),
    u.arn
      ? example(`last week resource:${u.arn}`, 'last calendar week, one resource')
      : example('last week limit:20', 'last calendar week, 20 jobs a page'),
    u.copyVault
      ? example(
          `copies last 7 days to vault:${u.copyVault}`,
          'copy jobs into one destination vault this past week',
        )
      : example('copies last 7 days', 'copy jobs of the past week'),
    u.vault
      ? example(`copies from vault:${u.vault} this week`, 'copy jobs out of one vault since Monday')
      : example('copies failed this week', 'copy jobs that failed since Monday'),
    example('restores last 7 days', 'restore jobs of the past week, restore tests included'),
    example(
      `summary daily${type ? ` type:${type}` : ''}`,
      `daily counts for the last 14 days${type ? ', one resource type' : ''}`,
    ),
    example('restore summary 7d', 'restore job totals by state for the last 7 days'),
    example('summary 14d', 'totals for the last 14 days by state, account and resource type'),
  ];
  if (u.backupJobId) out.push(example(`job ${u.backupJobId}`, 'one job in detail, of any kind'));
  if (u.copyJobId) out.push(example(`copy job ${u.copyJobId}`, 'one copy job in detail'));
  out.push(
    example(`stale 24h${type ? ` type:${type}` : ''}`, 'resources with no good backup in the last 24 hours'),
    example('stale copies 2d', 'resources whose last copy is older than 2 days'),
    example(
      `coverage${u.types.length > 1 ? ` type:${u.types.slice(0, 2).join(',')}` : ''}`,
      'resources by account and Region: fresh, stale or never backed up',
    ),
  );
  if (u.name || u.arn) {
    out.push(
      example(`resource ${u.name ?? u.arn}`, "one resource's last backups and copies (its ARN works too)"),
    );
  }
  out.push(example('alerts', 'the alert rules and what is firing'));
  if (u.rule) {
    out.push(
      example(`alerts history ${u.rule}`, 'who changed an alert rule, and when'),
      example(`alerts mute ${u.rule} 2h`, 'silence an alert rule for two hours, for everyone (asks first)'),
    );
  }
  out.push(example('alerts new', 'make an alert rule in a form (alert admins)'));
  return out;
}

/** Examples that need no knowledge of the workspace: no vault, account, job or rule names. */
export const QUERY_EXAMPLES: readonly QueryExample[] = queryExamples(NO_FACTS);
