import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import {
  DEFAULT_PASS_OPTIONS,
  type PassDeps,
  type PassOptions,
  type PassResult,
  runCoveragePass,
} from './pass.js';
import { coverageGroups, findResources, staleResources } from './queries.js';
import { CoverageStore } from './store.js';
import type { CoverageFilters, CoverageStatus } from './types.js';

export interface CoverageServiceOptions {
  redis: Redis;
  /** Key prefix, e.g. `{bjb}`: the state lives under `{prefix}:coverage:`. */
  prefix: string;
  backup: PassDeps['backup'];
  now: () => Date;
  log: Logger;
  pass?: Partial<PassOptions>;
  /**
   * An answer older than this runs a pass first (the worker's scheduler keeps it fresher); a pass
   * another process is running is not waited for: the answer says how old the state is.
   * @defaultValue 15 minutes
   */
  maxStateAgeMs?: number;
}

/** The coverage room's door: kept state, passes, and the answers built on them. */
export interface CoverageService {
  readonly store: CoverageStore;
  /** One pass now (another process's running pass makes this a no-op). */
  pass(): Promise<PassResult>;
  /** Runs a pass when the kept state is older than `maxStateAgeMs`, or none has finished yet. */
  ensureFresh(): Promise<CoverageStatus>;
  stale(query: {
    maxAgeMs: number;
    copies: boolean;
    filters: CoverageFilters;
  }): ReturnType<typeof staleResources>;
  groups(query: { maxAgeMs: number; filters: CoverageFilters }): ReturnType<typeof coverageGroups>;
  find(target: string): ReturnType<typeof findResources>;
  status(): Promise<CoverageStatus>;
}

export function createCoverageService(o: CoverageServiceOptions): CoverageService {
  const store = new CoverageStore(o.redis, o.prefix);
  const maxStateAgeMs = o.maxStateAgeMs ?? 15 * 60_000;
  const deps: PassDeps = {
    backup: o.backup,
    store,
    now: o.now,
    log: o.log,
    options: { ...DEFAULT_PASS_OPTIONS, ...o.pass },
  };
  return {
    store,
    pass: () => runCoveragePass(deps),
    async ensureFresh() {
      const status = await store.status();
      const age =
        status.passAt === undefined
          ? Number.POSITIVE_INFINITY
          : o.now().getTime() - Date.parse(status.passAt);
      if (age <= maxStateAgeMs) return status;
      await runCoveragePass(deps);
      return store.status();
    },
    stale: (query) => staleResources(store, query, o.now()),
    groups: (query) => coverageGroups(store, query, o.now()),
    find: (target) => findResources(store, target),
    status: () => store.status(),
  };
}
