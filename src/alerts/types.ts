/**
 * Counting contract between alerts/ and the access layer. `backup/` implements CountJobs; alerts/
 * depends only on the function type, so tests and benchmarks can hand in any implementation.
 */

export type AlertStateName = 'FAILED' | 'PARTIAL' | 'ABORTED' | 'EXPIRED' | 'COMPLETED_WITH_ISSUES';

export interface CountScope {
  states: AlertStateName[];
  /** [] = default account, ['*'] = organisation */
  accounts: string[];
  resourceTypes: string[];
  vaults: string[];
  /** [] = all configured */
  regions: string[];
}

export interface WindowCount {
  total: number;
  byState: Record<string, number>;
  byAccount: Record<string, number>;
  byRegion: Record<string, number>;
  byResourceType: Record<string, number>;
  topReasons: { reason: string; count: number }[];
  topResources: { name: string; count: number }[];
  /** Regions whose calls failed: the count is incomplete and must not resolve a firing alert. */
  failedRegions: { region: string; reason: string }[];
  calls: number;
}

export type CountJobs = (scope: CountScope, window: { start: Date; end: Date }) => Promise<WindowCount>;
