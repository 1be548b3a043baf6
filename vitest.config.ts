import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that need Redis, child processes or the AWS and Slack stand-ins running: every test file
 * that imports them, directly or through a test helper. `test/deploy/test-projects.test.ts` checks
 * this list against what each file imports.
 */
export const INTEGRATION = [
  'test/alerts/{digest-delivery,scheduler,service,sigkill,stale-flow,state,tick-flow,worker-cli,worker-flow}.test.ts',
  'test/alerts/{rule-source,rule-store,rule-worker}.test.ts',
  'test/backup/{details-summary-count,faults,kinds,listing}.test.ts',
  'test/coverage/{alert-count,pass}.test.ts',
  'test/cli.test.ts',
  'test/deploy/{bot-logs,dockerfile,kustomize-base,multi-process,sigkill-bot,sigterm}.test.ts',
  'test/emulator/aws/{admin,cli,copy-jobs,dataset,describe-and-vaults,errors}.test.ts',
  'test/emulator/aws/{gaps,protected-resources,protected-vaults,resource-admin,sts,sts-member}.test.ts',
  'test/emulator/aws/{kind-admin,kind-dataset,kind-paging,kind-summaries,kind-timestamps}.test.ts',
  'test/emulator/aws/{list-filters,paging,restore-jobs,summaries-generated,summaries,timestamps}.test.ts',
  'test/emulator/slack/{bolt,files,members,outbound,rate-limits,response-url,socket-mode}.test.ts',
  'test/emulator/slack/{store,views,web-api-errors,web-api}.test.ts',
  'test/query/cli-parse.test.ts',
  'test/results/{pager,totals}.test.ts',
  'test/slack/{channel-members,rate-limit}.test.ts',
  'test/work/queue.test.ts',
];

/** The whole product from outside: the stack, the demo, the playground in Chromium. */
export const E2E = ['test/e2e/**/*.test.ts'];

/**
 * `npm test` runs three projects, each test file in exactly one: `unit` (everything else: no Redis,
 * no Chromium, no child process, no stand-in; seconds), `integration` and `e2e`.
 * `npm run test:unit` and its siblings run one.
 */
export default defineConfig({
  test: {
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...INTEGRATION, ...E2E],
          // Pure tests share their workers' module cache: a fresh process per file would cost more than
          // the tests themselves (none of them changes globals, timers or the environment).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
