import type { Redis } from 'ioredis';
import { checkRuleInput, inputOfRule, type RuleInput } from './rule-input.js';
import {
  decode,
  HISTORY_CAP,
  type ruleKeys,
  SAVE_RULE,
  StoredRule,
  storedBody,
  withoutBrace,
} from './rule-records.js';
import type { RuleAction, RuleChange, RuleEntry, SaveResult } from './rule-store.js';

export interface Save {
  redis: Redis;
  keys: ReturnType<typeof ruleKeys>;
  now: () => number;
}

export type SaveOp =
  | { kind: 'create'; input: RuleInput; by: string; taken: RuleEntry | undefined }
  | { kind: 'update'; name: string; input: RuleInput; expectedVersion: number; by: string }
  | { kind: 'pause'; name: string; paused: boolean; by: string }
  | { kind: 'delete'; name: string; expectedVersion: number; by: string };

/** A rule made in Slack, as read back: undefined when it no longer passes the checks. */
export function storedEntry(stored: StoredRule | undefined): RuleEntry | undefined {
  if (!stored) return undefined;
  const checked = checkRuleInput(stored.input);
  if (!checked.ok) return undefined;
  const entry: RuleEntry = {
    rule: checked.rule,
    origin: 'slack',
    version: stored.version,
    paused: stored.paused,
  };
  if (stored.updatedAt !== undefined) entry.updatedAt = stored.updatedAt;
  if (stored.updatedBy !== undefined) entry.updatedBy = stored.updatedBy;
  return entry;
}

interface Write {
  name: string;
  /** The version the writer read, or `new` when the name must be free. */
  expected: number | 'new';
  action: RuleAction;
  by: string;
  /** What is kept after the write; undefined deletes. */
  input: RuleInput | undefined;
  paused: boolean;
  before: RuleInput | undefined;
}

/** Runs the compare-and-set script: the new version, or why not with what stands. */
async function write(s: Save, w: Write): Promise<SaveResult> {
  const at = s.now();
  const change: Omit<RuleChange, 'version'> = { rule: w.name, action: w.action, by: w.by, at };
  if (w.before) change.before = w.before;
  if (w.input) change.after = w.input;
  const reply = (await s.redis.eval(
    SAVE_RULE,
    5,
    s.keys.entries,
    s.keys.versions,
    s.keys.history(w.name),
    s.keys.history(),
    s.keys.revision,
    w.name,
    String(w.expected),
    w.input ? storedBody(w.input, w.paused, at, w.by) : '',
    withoutBrace(change),
    String(HISTORY_CAP.rule),
    String(HISTORY_CAP.all),
  )) as [string, string?];
  const [outcome, detail] = reply;
  if (outcome === 'ok') {
    const input = w.input ?? w.before ?? {};
    const entry = storedEntry({
      version: Number(detail),
      input,
      paused: w.paused,
      updatedAt: at,
      updatedBy: w.by,
    });
    if (entry) return { ok: true, entry };
  }
  const current = storedEntry(decode(StoredRule, detail));
  if ((outcome === 'exists' || outcome === 'conflict') && current)
    return { ok: false, reason: outcome, current };
  return { ok: false, reason: 'missing' };
}

async function read(s: Save, name: string): Promise<StoredRule | undefined> {
  return decode(StoredRule, await s.redis.hget(s.keys.entries, name));
}

/** A conflict with what stands, when what stands is still a rule the checks pass. */
function conflict(stored: StoredRule): SaveResult {
  const current = storedEntry(stored);
  return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'missing' };
}

/** Checks, reads what stands, and writes one change of a rule made in Slack. */
export async function saveRule(s: Save, op: SaveOp): Promise<SaveResult> {
  if (op.kind === 'create') {
    const checked = checkRuleInput(op.input);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    if (op.taken) return { ok: false, reason: 'exists', current: op.taken };
    const { name } = checked.rule;
    const input = inputOfRule(checked.rule);
    return write(s, {
      name,
      expected: 'new',
      action: 'create',
      by: op.by,
      input,
      paused: false,
      before: undefined,
    });
  }
  if (op.kind === 'update') {
    const named = op.input.name ?? op.name;
    if (named !== op.name)
      return {
        ok: false,
        reason: 'invalid',
        errors: {
          name: `The name stays ${op.name}: to rename it, make a new rule (like ${String(named).slice(0, 60)}) and delete this one.`,
        },
      };
    // A form opened on an older version starts again from the new one: say so before its fields.
    const stored = await read(s, op.name);
    if (!stored) return { ok: false, reason: 'missing' };
    if (stored.version !== op.expectedVersion) return conflict(stored);
    const checked = checkRuleInput({ ...op.input, name: op.name });
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
    const w = { name: op.name, expected: stored.version, by: op.by, paused: stored.paused };
    return write(s, { ...w, action: 'update', input: inputOfRule(checked.rule), before: stored.input });
  }
  if (op.kind === 'delete') {
    const stored = await read(s, op.name);
    if (!stored) return { ok: false, reason: 'missing' };
    if (stored.version !== op.expectedVersion) return conflict(stored);
    const w = { name: op.name, expected: stored.version, by: op.by, paused: stored.paused };
    return write(s, { ...w, action: 'delete', input: undefined, before: stored.input });
  }
  // Pausing has no version to hold to: it retries on a race with another change.
  let result: SaveResult = { ok: false, reason: 'missing' };
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await read(s, op.name);
    const current = storedEntry(stored);
    if (!stored || !current) return { ok: false, reason: 'missing' };
    if (stored.paused === op.paused) return { ok: true, entry: current };
    const action = op.paused ? 'pause' : 'resume';
    const w = { name: op.name, expected: stored.version, by: op.by, input: stored.input };
    result = await write(s, { ...w, action, paused: op.paused, before: stored.input });
    if (result.ok || result.reason !== 'conflict') return result;
  }
  return result;
}
