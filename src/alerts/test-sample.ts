import type { CountSnapshot } from './alert-state.js';
import type { AlertRule } from './rules.js';

/** Made-up numbers for `alerts test`: shaped like the rule, a little above its threshold. */
export function sampleCount(rule: AlertRule): CountSnapshot {
  const byState: Record<string, number> = {};
  rule.states.forEach((state, i) => {
    byState[state] = i === 0 ? rule.threshold + 1 : 1;
  });
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  const account = rule.accounts.find((a) => a !== '*') ?? '123456789012';
  const region = rule.regions[0] ?? 'eu-west-1';
  const type = rule.resourceTypes[0] ?? 'EBS';
  return {
    total,
    byState,
    byAccount: { [account]: total },
    byRegion: { [region]: total },
    byResourceType: { [type]: total },
    topReasons: [{ reason: 'Sample reason: the IAM role cannot access the resource', count: total }],
    // A stale rule lists each resource once, with its age.
    topResources:
      rule.kind === 'stale'
        ? [{ name: 'sample-resource (3 days)', count: 1 }]
        : [{ name: 'sample-resource', count: total }],
    failedRegions: [],
  };
}
