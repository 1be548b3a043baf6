import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type WatchedRulesFile, watchRulesFile } from './rule-file-watch.js';
import { redisRuleView } from './rule-redis-view.js';
import { createRuleStore, type RuleEntry, type RuleStore } from './rule-store.js';
import type { DigestRule, RulesFile } from './rules.js';

/** Every rule, from the file (read-only, reloaded when the file changes) and from Redis, kept current. */
export interface RuleSource {
  /** A synchronous snapshot: the file's rules first, in file order, then Slack's by name. */
  current(): RuleEntry[];
  /** The file's digests. */
  digests(): DigestRule[];
  find(name: string): RuleEntry | undefined;
  /** Re-reads now (after a save in this process). Never rejects: a failure shows in `problem()`. */
  refresh(): Promise<RuleEntry[]>;
  /** Called with the new snapshot whenever a rule is added, changed, paused, resumed or removed. */
  onChange(fn: (entries: RuleEntry[]) => void): () => void;
  readonly store: RuleStore;
  /** Why the rules could not be read lately (Redis down): undefined when fine. Alerts keep running on the last known rules. */
  problem(): string | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RuleSourceOptions {
  /** Any ioredis connection; reads time out on their own, so one that queues while Redis is away does too. */
  redis: Redis;
  prefix: string;
  /** Path of the rules YAML (ALERT_RULES_FILE). @defaultValue none: rules live in Redis alone */
  file?: string | undefined;
  /** Rules in place of a file, fixed (tests, benchmarks): read-only like a file's. @defaultValue none */
  fileRules?: RulesFile;
  /** How often Redis's revision and the file's modification time are looked at. @defaultValue 1000 */
  pollMs?: number;
  /** How long a read of Redis may take before the rules are said unreadable. @defaultValue 2000 */
  timeoutMs?: number;
  logger: Logger;
}

const NO_RULES: RulesFile = { rules: [], digests: [] };

/** What tells one snapshot from another, so that listeners hear only of real changes. */
function signature(entries: readonly RuleEntry[]): string {
  return JSON.stringify(
    entries.map((e) => [e.rule.name, e.origin, e.version, e.paused, e.origin === 'file' ? e.rule : 0]),
  );
}

/** Reads the file (throws RulesError when it is invalid now) and Redis (its failure is a `problem()`), then keeps both current. */
export async function createRuleSource(o: RuleSourceOptions): Promise<RuleSource> {
  const log = o.logger.child({ room: 'alert-rules' });
  const pollMs = o.pollMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 2000;
  const file: WatchedRulesFile | undefined = o.file ? await watchRulesFile(o.file, log) : undefined;
  const fileRules = () => file?.rules() ?? o.fileRules ?? NO_RULES;
  const store = createRuleStore(o.redis, o.prefix, fileRules);
  const redis = redisRuleView(store, timeoutMs, log);
  const listeners = new Set<(entries: RuleEntry[]) => void>();
  const shadowed = new Set<string>();
  let entries: RuleEntry[] = [];
  let byName = new Map<string, RuleEntry>();
  let seen = '';
  let timer: NodeJS.Timeout | undefined;

  function rebuild() {
    const fromFile = fileRules().rules.map(
      (rule): RuleEntry => ({ rule, origin: 'file', version: 0, paused: false }),
    );
    const taken = new Set(fromFile.map((e) => e.rule.name));
    const slack = redis.entries();
    for (const e of slack) {
      if (!taken.has(e.rule.name) || shadowed.has(e.rule.name)) continue;
      shadowed.add(e.rule.name);
      log.warn(
        { rule: e.rule.name },
        'a rule made in Slack has the name of a file rule: the file rule is used',
      );
    }
    const next = [...fromFile, ...slack.filter((e) => !taken.has(e.rule.name))];
    const sig = signature(next);
    if (sig === seen) return;
    seen = sig;
    entries = next;
    byName = new Map(next.map((e) => [e.rule.name, e]));
    for (const fn of listeners) {
      try {
        fn(next);
      } catch (err) {
        log.error({ err }, 'an alert rules listener failed');
      }
    }
  }
  async function readRedis(force: boolean) {
    await redis.read(force);
    rebuild();
  }
  async function checkFile(now = false) {
    if (file && (await (now ? file.reload() : file.check()))) rebuild();
  }
  await readRedis(true);
  rebuild();
  return {
    current: () => entries,
    digests: () => fileRules().digests,
    find: (name) => byName.get(name),
    async refresh() {
      await redis.settled();
      await Promise.all([checkFile(true), readRedis(true)]);
      return entries;
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    store,
    problem() {
      const problems = [file?.problem(), redis.problem()].filter((p) => p !== undefined);
      return problems.length > 0 ? problems.join('\n') : undefined;
    },
    async start() {
      if (timer) return;
      file?.watch(rebuild);
      timer = setInterval(() => {
        void checkFile();
        void readRedis(false);
      }, pollMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      file?.close();
    },
  };
}
