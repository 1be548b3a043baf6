import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { fireUpdateResolve, transitionsOnce, watchChannel, writeRules } from './support/alert-flow.js';
import { startProduct } from './support/children.js';
import { productEnv, suite } from './support/suite.js';
import { closers, REGIONS, scratchDir, startAws, startSlack } from './support/world.js';

const RULES = [
  { name: 'rel-429-a', channel: 'C0ALERT3' },
  { name: 'rel-429-b', channel: 'C0ALERT4' },
];
/**
 * Calls refused with 429 in the storm of each step. The last one outlasts a tick's 6 attempts per
 * rule, so the queue gives up on a job and a later tick must deliver what it owed.
 */
const STORMS = { fire: 5, update: 8, resolve: 16 } as const;

describe('Slack answering 429 in storms', () => {
  const close = closers();
  afterAll(() => close.run());

  it('slack-429: two workers deliver every alert transition once through 429 storms, none lost', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws({ jobs: 0 }), (a) => a.close());
    // Slack's own per-channel and per-method limits apply as well as the storms.
    const slack = close.add(await startSlack(secrets, { enforceRateLimits: true }), (s) => s.close());
    const scratch = close.add(await scratchDir(), (s) => s.remove());
    const env = {
      ...productEnv(secrets, { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL }, REGIONS, db.prefix),
      ALERT_RULES_FILE: await writeRules(scratch.dir, RULES),
    };
    const workers = [];
    for (const n of [1, 2]) {
      workers.push(
        close.add(await startProduct('worker', env, logDir, `slack-429-worker-${n}`), (c) => c.stop()),
      );
    }
    const watched = RULES.map((r) => ({
      rule: r.name,
      ledger: close.add(watchChannel(slack, r.channel), async (l) => l.stop()),
    }));

    // Each step begins with a storm: the next calls of either method answer 429, Retry-After 1 s.
    const startedAt = performance.now();
    const mains = await fireUpdateResolve(aws, watched, (step) => {
      slack.setFaults({
        rateLimit: { methods: ['chat.postMessage', 'chat.update'], times: STORMS[step], retryAfterSec: 1 },
      });
    });
    const storms = Object.values(STORMS).reduce((sum, n) => sum + n, 0);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const calls = slack.calls();
    const made = (calls['chat.postMessage'] ?? 0) + (calls['chat.update'] ?? 0);
    const delivered = watched.reduce((sum, w) => sum + w.ledger.posts.length + w.ledger.updates.length, 0);
    const refused = made - delivered;
    task.meta.reliability = `3 storms of ${Object.values(STORMS).join(', ')}: ${refused} calls answered 429, ${delivered} delivered (${RULES.length} rules × fire, update, resolve and its reply) in ${seconds} s by 2 workers`;

    watched.forEach(({ ledger }, i) => {
      expect(transitionsOnce(ledger, mains[i]!)).toEqual([]);
    });
    expect(delivered).toBe(RULES.length * 4);
    expect(refused).toBeGreaterThanOrEqual(storms);
    expect(workers.every((w) => w.alive())).toBe(true);
  });
});
