import type { CountRule, StaleRule } from '../../src/alerts/rules.js';

/** A backup rule as the rules file gives it (durations in ms), with any field given instead. */
export function rule(overrides: Partial<CountRule> = {}): CountRule {
  return {
    name: 'prod-failures',
    channel: 'C0ALERT1',
    states: ['FAILED', 'PARTIAL'],
    threshold: 3,
    window: 3_600_000,
    every: 1000,
    accounts: ['*'],
    resourceTypes: [],
    vaults: [],
    regions: [],
    ...overrides,
  };
}

/** A stale rule as the rules file gives it: `maxAge: 26h`, so window 26h and state STALE. */
export function staleRule(overrides: Partial<Omit<StaleRule, 'kind' | 'states' | 'window'>> = {}): StaleRule {
  const maxAge = overrides.maxAge ?? 26 * 3_600_000;
  const copies = overrides.copies ?? false;
  return {
    name: 'stale-backups',
    channel: 'C0ALERT1',
    threshold: 1,
    every: 1000,
    accounts: [],
    resourceTypes: [],
    vaults: [],
    regions: [],
    ...overrides,
    kind: 'stale',
    maxAge,
    copies,
    window: maxAge,
    states: [copies ? 'STALE_COPY' : 'STALE'],
  };
}
