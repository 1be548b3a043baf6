import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Alert rules of the demo: evaluated every 5 s so the whole lifecycle shows within minutes. The
 * backup and DR copy rules count the scripted burst in 2-minute windows: they fire, update and
 * resolve. Restore tests report their validation long after they start, so the restore rule looks
 * back 6 hours; the burst's restore tests take it over its threshold.
 */
export const DEMO_RULES = `rules:
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

export async function writeDemoRules(dir: string): Promise<string> {
  const path = join(dir, 'demo-alert-rules.yaml');
  await writeFile(path, DEMO_RULES, 'utf8');
  return path;
}
