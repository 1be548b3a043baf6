import type { Queue } from 'bullmq';
import { digestId, digestPattern } from './digest.js';
import type { RulesFile } from './rules.js';

/** The BullMQ queue of alert ticks and digests (keys under the configured prefix). */
export const ALERT_QUEUE = 'alerts';

/** The job scheduler of coverage passes: the worker's own, whatever the rules file says. */
export const COVERAGE_PASS = 'coverage-pass';

export type AlertJobData =
  | { kind: 'rule'; rule: string }
  | { kind: 'digest'; id: string }
  | { kind: 'coverage-pass' };

/** Retries: Slack 429s wait for Retry-After, other transient failures back off (see worker.ts). */
const TEMPLATE_OPTS = {
  attempts: 6,
  backoff: { type: 'alerts' },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 500 },
};

/** A pass that fails is told in the kept state and tried again at the next one, not retried. */
const PASS_OPTS = { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } };

interface Desired {
  id: string;
  repeat: { every: number; offset?: number } | { pattern: string; tz: string };
  data: AlertJobData;
  opts: typeof TEMPLATE_OPTS | typeof PASS_OPTS;
}

function desired(file: RulesFile): Desired[] {
  return [
    // offset 1 puts every rule with the same interval on the same boundaries, so rules sharing a
    // scope count once per tick (see count-memo.ts).
    ...file.rules.map(
      (r): Desired => ({
        id: r.name,
        repeat: { every: r.every, offset: 1 },
        data: { kind: 'rule', rule: r.name },
        opts: TEMPLATE_OPTS,
      }),
    ),
    ...file.digests.map(
      (d): Desired => ({
        id: digestId(d),
        repeat: { pattern: digestPattern(d), tz: d.tz },
        data: { kind: 'digest', id: digestId(d) },
        opts: TEMPLATE_OPTS,
      }),
    ),
  ];
}

export interface SchedulerChanges {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** Passes keep coverage fresh for every worker; BullMQ runs the first as soon as the scheduler is made. */
function coveragePass(everyMs: number): Desired {
  return { id: COVERAGE_PASS, repeat: { every: everyMs }, data: { kind: COVERAGE_PASS }, opts: PASS_OPTS };
}

/**
 * Makes the queue's job schedulers match the rules file: one per rule (id = rule name, `every`)
 * and one per digest (cron `pattern` in its zone). Schedulers of rules no longer in the file are
 * removed; changed ones are upserted; unchanged ones are left alone so their next tick stays put.
 * The coverage pass scheduler is upserted when `coverage` gives its interval, and never removed:
 * it is no rule's, and another worker may run the passes.
 */
export async function syncSchedulers(
  queue: Queue,
  file: RulesFile,
  coverage?: { everyMs: number },
): Promise<SchedulerChanges> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const changes: SchedulerChanges = { added: [], updated: [], removed: [], unchanged: [] };
  const wanted = [...desired(file), ...(coverage ? [coveragePass(coverage.everyMs)] : [])];
  for (const want of wanted) {
    const have = existing.get(want.id);
    const same =
      have !== undefined &&
      ('every' in want.repeat
        ? Number(have.every) === want.repeat.every
        : have.pattern === want.repeat.pattern && have.tz === want.repeat.tz) &&
      JSON.stringify(have.template?.data) === JSON.stringify(want.data);
    if (same) {
      changes.unchanged.push(want.id);
      continue;
    }
    await queue.upsertJobScheduler(want.id, want.repeat, {
      name: want.data.kind,
      data: want.data,
      opts: want.opts,
    });
    (have ? changes.updated : changes.added).push(want.id);
  }
  const keep = new Set(wanted.map((w) => w.id));
  for (const id of [...existing.keys()].sort()) {
    if (keep.has(id) || id === COVERAGE_PASS) continue;
    await queue.removeJobScheduler(id);
    changes.removed.push(id);
  }
  return changes;
}
