import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeededGap } from '../emulator/aws/index.js';

/**
 * Alert rules of the demo: evaluated every 5 s so the whole lifecycle shows within minutes. The
 * backup and DR copy rules count the scripted burst in 2-minute windows: they fire, update and
 * resolve. Restore tests report their validation long after they start, so the restore rule looks
 * back 6 hours; the burst's restore tests take it over its threshold.
 */
const COUNT_RULES = `rules:
  - name: prod-failures
    channel: C0ALERTS
    states: [FAILED, PARTIAL]
    threshold: 3
    window: 2m
    every: 5s
    accounts: ["*"]
    renotify: 10m
    mention: "@here"
  - name: completed-with-issues
    channel: C0ALERTS
    states: [COMPLETED_WITH_ISSUES]
    threshold: 5
    window: 2m
    every: 5s
    accounts: ["*"]
  - name: dr-copy-failures
    kind: copy
    channel: C0ALERTS
    states: [FAILED, PARTIAL]
    threshold: 2
    window: 2m
    every: 5s
    accounts: ["*"]
    vaults: [dr-vault]
  - name: restore-test-validation
    kind: restore
    channel: C0ALERTS
    states: [VALIDATION_FAILED, VALIDATION_TIMED_OUT]
    threshold: 2
    window: 6h
    every: 5s
    accounts: ["*"]
`;

/** The name of the demo's stale rule. */
export const DEMO_STALE_RULE = 'stale-prod-backups';

/**
 * The demo's rules. With `gap`, the resource of the seeded organisation whose plan quietly stopped
 * backing it up, a stale rule watches its type in its account and Region: it fires as soon as the
 * worker's first coverage pass has read the org, and resolves once the burst backs the resource up.
 */
export function demoRules(gap?: SeededGap): string {
  if (!gap) return COUNT_RULES;
  return `${COUNT_RULES}  - name: ${DEMO_STALE_RULE}
    kind: stale
    channel: C0ALERTS
    maxAge: 26h
    every: 5s
    accounts: ["${gap.accountId}"]
    regions: [${gap.region}]
    resourceTypes: [${gap.resourceType}]
`;
}

export async function writeDemoRules(dir: string, gap?: SeededGap): Promise<string> {
  const path = join(dir, 'demo-alert-rules.yaml');
  await writeFile(path, demoRules(gap), 'utf8');
  return path;
}
