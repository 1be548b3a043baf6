import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Alert rules of the demo: evaluated every 5 s so the whole lifecycle shows within minutes. */
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
`;

export async function writeDemoRules(dir: string): Promise<string> {
  const path = join(dir, 'demo-alert-rules.yaml');
  await writeFile(path, DEMO_RULES, 'utf8');
  return path;
}
