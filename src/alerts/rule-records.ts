import { z } from 'zod';
import type { RuleInput } from './rule-input.js';

/**
 * How rules made in Slack are kept in Redis, all under `${prefix}:rules:` (one hash tag, so one
 * Redis Cluster slot and one script):
 * - `entries`: hash, rule name -> `{version, input, paused, updatedAt, updatedBy}` (the input as
 *   checked, re-checked on every read so a rule is always read with the checks of the running code)
 * - `versions`: hash, rule name -> its last version; kept after a delete so that a rule made again
 *   under the same name never reuses a version a stale form may still hold
 * - `revision`: counter bumped by every change: what readers poll
 * - `history:<name>` and `history`: lists of changes, newest first, capped
 */
export function ruleKeys(prefix: string) {
  const base = `${prefix}:rules:`;
  return {
    entries: `${base}entries`,
    versions: `${base}versions`,
    revision: `${base}revision`,
    history: (name?: string) => (name === undefined ? `${base}history` : `${base}history:${name}`),
  };
}

/** Changes kept per rule and across all rules. */
export const HISTORY_CAP = { rule: 200, all: 1000 } as const;

/**
 * Saves a rule's next version if it is still at the version its writer read, with the change that
 * made it, in one step: the rule, its version, its audit entry and the revision change together or
 * not at all. ARGV: name, expected version (`new` when the name must be free), the entry and the
 * change as JSON objects without their version (which only the script knows), the entry being
 * empty for a delete, and the two history caps. Replies `{'ok', version}`, `{'exists', entry}`,
 * `{'missing'}` or `{'conflict', entry}`.
 */
export const SAVE_RULE = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if ARGV[2] == 'new' then
  if current then return {'exists', current} end
else
  if not current then return {'missing'} end
  if tonumber(ARGV[2]) ~= last then return {'conflict', current} end
end
local version = last + 1
redis.call('HSET', KEYS[2], ARGV[1], version)
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], '{"version":' .. version .. ',' .. ARGV[3])
end
local change = '{"version":' .. version .. ',' .. ARGV[4]
redis.call('LPUSH', KEYS[3], change)
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[5]) - 1)
redis.call('LPUSH', KEYS[4], change)
redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[6]) - 1)
redis.call('INCR', KEYS[5])
return {'ok', tostring(version)}`;

/** `{"a":1}` as `"a":1}`: the script puts the version first. */
export function withoutBrace(value: object): string {
  return JSON.stringify(value).slice(1);
}

const Input = z.record(z.string(), z.unknown());

/** A rule made in Slack as Redis keeps it. */
export const StoredRule = z.object({
  version: z.number().int(),
  input: Input,
  paused: z.boolean().default(false),
  updatedAt: z.number().optional(),
  updatedBy: z.string().optional(),
});
export type StoredRule = z.infer<typeof StoredRule>;

export const StoredChange = z.object({
  version: z.number().int(),
  rule: z.string(),
  action: z.enum(['create', 'update', 'pause', 'resume', 'delete']),
  by: z.string(),
  at: z.number(),
  before: Input.optional(),
  after: Input.optional(),
});

/** The JSON Redis holds, read permissively: undefined when it is not one of ours. */
export function decode<T extends z.ZodType>(
  schema: T,
  text: string | null | undefined,
): z.output<T> | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What the script keeps of an entry, without its version. */
export function storedBody(input: RuleInput, paused: boolean, at: number, by: string): string {
  return withoutBrace({ input, paused, updatedAt: at, updatedBy: by });
}
