import type { Redis } from 'ioredis';
import type { FieldErrors, RuleInput } from './rule-input.js';
import { decode, HISTORY_CAP, ruleKeys, StoredChange, StoredRule } from './rule-records.js';
import { type Save, saveRule, storedEntry } from './rule-save.js';
import type { AlertRule, RulesFile } from './rules.js';
import { RulesUnavailableError } from './rules-unavailable.js';

export { RulesUnavailableError } from './rules-unavailable.js';

/** Where a rule is kept: the rules file (read-only in Slack) or Redis, where Slack saves. */
export type RuleOrigin = 'file' | 'slack';

export interface RuleEntry {
  rule: AlertRule;
  origin: RuleOrigin;
  /** 0 for a rule of the file; 1 and up for a rule made in Slack, one more at each change. */
  version: number;
  /** Listed, but not evaluated: no scheduler, no tick. */
  paused: boolean;
  updatedAt?: number;
  updatedBy?: string;
}

export type RuleAction = 'create' | 'update' | 'pause' | 'resume' | 'delete';

/** One change of a rule made in Slack: who, when, which version it made, the rule before and after. */
export interface RuleChange {
  rule: string;
  action: RuleAction;
  by: string;
  at: number;
  version: number;
  before?: RuleInput;
  after?: RuleInput;
}

export type SaveResult =
  | { ok: true; entry: RuleEntry }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  /** Someone saved first: their version. */
  | { ok: false; reason: 'conflict'; current: RuleEntry }
  /** A create of a name that exists, in Redis or in the file. */
  | { ok: false; reason: 'exists'; current: RuleEntry }
  /** An update, pause or delete of a rule that is gone. */
  | { ok: false; reason: 'missing' }
  /** A rule of the rules file. */
  | { ok: false; reason: 'read_only'; current: RuleEntry };

/**
 * Rules made in Slack, in Redis, each change a compare-and-set with its audit entry. Every method
 * throws RulesUnavailableError when Redis does not answer.
 */
export interface RuleStore {
  create(input: RuleInput, by: string): Promise<SaveResult>;
  /** Saves the rule if it is still at `expectedVersion`. A rule is not renamed: `input.name` must be `name`. */
  update(name: string, input: RuleInput, expectedVersion: number, by: string): Promise<SaveResult>;
  setPaused(name: string, paused: boolean, by: string): Promise<SaveResult>;
  remove(name: string, expectedVersion: number, by: string): Promise<SaveResult>;
  /** Changes, newest first, of one rule (at most 200 kept) or of all (at most 1000). @defaultValue limit 50 */
  history(name?: string, limit?: number): Promise<RuleChange[]>;
  /** Bumped on every change: cheap to poll. */
  revision(): Promise<number>;
  /** Every rule made in Slack and the revision they are at, read together; `invalid` names those that no longer pass the checks. */
  snapshot(): Promise<{ revision: number; entries: RuleEntry[]; invalid: string[] }>;
}

function fileEntry(rule: AlertRule): RuleEntry {
  return { rule, origin: 'file', version: 0, paused: false };
}

/** The store over `redis`, with the file's rules (read-only, their names taken) from `file`. */
export function createRuleStore(redis: Redis, prefix: string, file?: () => RulesFile): RuleStore {
  const keys = ruleKeys(prefix);
  const fileRule = (name: string) => file?.().rules.find((r) => r.name === name);
  const save: Save = { redis, keys, now: Date.now };
  async function guarded<T>(doing: 'edited' | 'read', work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw new RulesUnavailableError(doing, err);
    }
  }
  /** A rule of the file by that name cannot be changed here: its refusal, or null. */
  function readOnly(name: string): SaveResult | null {
    const rule = fileRule(name);
    return rule ? { ok: false, reason: 'read_only', current: fileEntry(rule) } : null;
  }
  return {
    create(input, by) {
      const name = typeof input.name === 'string' ? input.name : '';
      const inFile = fileRule(name);
      const taken = inFile ? fileEntry(inFile) : undefined;
      return guarded('edited', () => saveRule(save, { kind: 'create', input, by, taken }));
    },
    update(name, input, expectedVersion, by) {
      const refused = readOnly(name);
      if (refused) return Promise.resolve(refused);
      return guarded('edited', () => saveRule(save, { kind: 'update', name, input, expectedVersion, by }));
    },
    setPaused(name, paused, by) {
      const refused = readOnly(name);
      if (refused) return Promise.resolve(refused);
      return guarded('edited', () => saveRule(save, { kind: 'pause', name, paused, by }));
    },
    remove(name, expectedVersion, by) {
      const refused = readOnly(name);
      if (refused) return Promise.resolve(refused);
      return guarded('edited', () => saveRule(save, { kind: 'delete', name, expectedVersion, by }));
    },
    history(name, limit = 50) {
      const cap = Math.max(1, Math.min(limit, name === undefined ? HISTORY_CAP.all : HISTORY_CAP.rule));
      return guarded('read', async () => {
        const lines = await redis.lrange(keys.history(name), 0, cap - 1);
        return lines.flatMap((line): RuleChange[] => {
          const stored = decode(StoredChange, line);
          if (!stored) return [];
          const { before, after, ...change } = stored;
          return [{ ...change, ...(before ? { before } : {}), ...(after ? { after } : {}) }];
        });
      });
    },
    revision() {
      return guarded('read', async () => Number((await redis.get(keys.revision)) ?? 0));
    },
    snapshot() {
      return guarded('read', async () => {
        const replies = await redis.multi().get(keys.revision).hgetall(keys.entries).exec();
        if (!replies) throw new Error('the read of the rules was aborted');
        for (const [err] of replies) if (err) throw err;
        const revision = Number(replies[0]?.[1] ?? 0);
        const all = (replies[1]?.[1] ?? {}) as Record<string, string>;
        const entries: RuleEntry[] = [];
        const invalid: string[] = [];
        for (const name of Object.keys(all).sort()) {
          const entry = storedEntry(decode(StoredRule, all[name]));
          if (entry && entry.rule.name === name) entries.push(entry);
          else invalid.push(name);
        }
        return { revision, entries, invalid };
      });
    },
  };
}
