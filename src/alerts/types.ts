import type { CountScope, CountState, WindowCount } from '../backup/index.js';

/**
 * Counting contract between alerts/ and the access layer: the types are backup/'s own; alerts/
 * depends only on the function type, so the worker, tests and benchmarks hand in the counting.
 */
export type { CountScope, WindowCount } from '../backup/index.js';

export type AlertStateName = CountState;

export type CountJobs = (scope: CountScope, window: { start: Date; end: Date }) => Promise<WindowCount>;
