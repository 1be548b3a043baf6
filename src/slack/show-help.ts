import type { RuleEntry } from '../alerts/rule-store.js';
import { type HelpExample, helpMessage } from '../blocks/index.js';
import type { ResourceFreshness } from '../coverage/types.js';
import type { Logger } from '../logger.js';
import { NO_FACTS, queryExamples, type WorkspaceFacts } from '../query/examples.js';
import { parseQuery } from '../query/parse.js';
import { stateChangeOf } from '../query/state-changes.js';
import type { HelpQuery } from '../query/types.js';
import type { BotDeps } from './deps.js';

/** Names by how often they were seen, most first. */
function ranked(names: Iterable<string | undefined>): string[] {
  const counts = new Map<string, number>();
  for (const name of names) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

/** The newest of the records by a time they carry. */
function newest<T>(items: readonly T[], at: (item: T) => string | undefined): T | undefined {
  let best: T | undefined;
  for (const item of items) if ((at(item) ?? '') > ((best && at(best)) ?? '')) best = item;
  return best;
}

/** What one batch of kept coverage records says about the workspace. */
function coverageFacts(records: readonly ResourceFreshness[]): Partial<WorkspaceFacts> {
  const live = records.filter((r) => r.goneAt === undefined);
  const backedUp = newest(
    live.filter((r) => r.lastBackupJobId),
    (r) => r.lastBackupAt,
  );
  const copies = live.flatMap((r) => Object.values(r.copies ?? {}));
  const copied = newest(
    copies.filter((c) => c.lastJob?.state === 'COMPLETED'),
    (c) => c.lastCopyAt,
  );
  return {
    vaults: ranked(live.map((r) => r.vault)),
    copyVaults: ranked(copies.map((c) => c.destinationVault)),
    resourceTypes: ranked(live.map((r) => r.resourceType)),
    accounts: ranked(live.map((r) => r.accountId)),
    resource: backedUp && { arn: backedUp.resourceArn, name: backedUp.resourceName },
    backupJobId: backedUp?.lastBackupJobId,
    copyJobId: copied?.lastJob?.jobId,
  };
}

/**
 * What the bot knows of the workspace without asking AWS: one batch of the coverage state kept in
 * Redis (one HSCAN, whatever the number of resources), the alert rules in memory, the configured
 * Regions. When Redis cannot be read, help still answers, with examples that need no names.
 */
export async function workspaceFacts(deps: BotDeps, log: Logger): Promise<WorkspaceFacts> {
  const rules = deps.rules?.current() ?? [];
  const facts: WorkspaceFacts = {
    ...NO_FACTS,
    regions: deps.backup.regions,
    rules: [...rules.filter((e) => !e.paused), ...rules.filter((e) => e.paused)].map((e) => e.rule.name),
  };
  try {
    const batches = deps.coverage.store.all();
    const first = await batches.next();
    await batches.return(undefined);
    if (first.done || first.value.length === 0) return withRuleScopes(facts, rules);
    return withRuleScopes({ ...facts, ...coverageFacts(first.value) }, rules);
  } catch (err) {
    log.warn({ err }, 'coverage state unreadable: help shows examples without names');
    return withRuleScopes(facts, rules);
  }
}

/** Vaults and types the alert rules watch, after those seen in coverage. */
function withRuleScopes(facts: WorkspaceFacts, rules: readonly RuleEntry[]): WorkspaceFacts {
  return {
    ...facts,
    vaults: [...new Set([...facts.vaults, ...rules.flatMap((e) => e.rule.vaults)])],
    resourceTypes: [...new Set([...facts.resourceTypes, ...rules.flatMap((e) => e.rule.resourceTypes)])],
  };
}

/** `help [topic]`: examples made of this workspace's names; one that changes something asks first. */
export async function showHelp(deps: BotDeps, log: Logger, query: HelpQuery, timeZone: string) {
  const facts = await workspaceFacts(deps, log);
  const now = deps.now();
  const examples: HelpExample[] = queryExamples(facts).map((e) => {
    const parsed = parseQuery(e.text, { now, timeZone });
    return { ...e, change: parsed.ok ? stateChangeOf(parsed.query) : undefined };
  });
  return helpMessage(examples, { topic: query.topic });
}
