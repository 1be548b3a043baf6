import type { CountScope, CountState, WindowCount } from '../backup/index.js';
import type { StaleRule } from './rules.js';

/**
 * Counting contract between alerts/ and the access layer: the types are backup/'s own; alerts/
 * depends only on the function type, so the worker, tests and benchmarks hand in the counting.
 */
export type { CountScope, WindowCount } from '../backup/index.js';

export type AlertStateName = CountState;

export type CountJobs = (scope: CountScope, window: { start: Date; end: Date }) => Promise<WindowCount>;

/**
 * Counts a stale rule's resources at a tick (coverage/alert-count.ts `staleCount` on the worker's
 * CoverageService): its total, where they are, the first ten with their age, and what could not be
 * read.
 */
export type CountStale = (rule: StaleRule, at: Date) => Promise<WindowCount>;
