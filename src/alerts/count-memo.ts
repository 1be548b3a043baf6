import type { CountJobs, CountScope, WindowCount } from './types.js';

/** A CountJobs that shares one count among callers asking for the same scope and window. */
export interface MemoCount extends CountJobs {
  /** Counts asked for, and counts that reached the underlying CountJobs. */
  readonly stats: { asked: number; counted: number };
}

function sorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * The identity of a scope: the kind of job, then the lists, whose order and repeats do not matter.
 * A copy rule and a backup rule with the same states and filters count different jobs.
 */
export function scopeKey(scope: CountScope): string {
  return JSON.stringify([
    scope.jobKind ?? 'backup',
    sorted(scope.states),
    sorted(scope.accounts),
    sorted(scope.resourceTypes),
    sorted(scope.vaults),
    sorted(scope.regions),
  ]);
}

/**
 * Rules sharing a scope in the same tick share calls: schedulers tick on the same boundaries (see
 * scheduler.ts), so their windows are equal and one count serves them all. Entries live `ttlMs`
 * after they settle; a failed count is not kept, so the next tick asks again.
 */
export function memoizeCount(count: CountJobs, ttlMs = 60_000, clock: () => number = Date.now): MemoCount {
  const entries = new Map<string, { at: number; result: Promise<WindowCount> }>();
  const stats = { asked: 0, counted: 0 };
  const memo = (scope: CountScope, window: { start: Date; end: Date }): Promise<WindowCount> => {
    stats.asked += 1;
    const now = clock();
    for (const [key, entry] of entries) if (now - entry.at > ttlMs) entries.delete(key);
    const key = `${scopeKey(scope)}|${window.start.getTime()}|${window.end.getTime()}`;
    const hit = entries.get(key);
    if (hit) return hit.result;
    stats.counted += 1;
    const result = count(scope, window);
    entries.set(key, { at: now, result });
    result.catch(() => entries.delete(key));
    return result;
  };
  return Object.assign(memo, { stats });
}
