import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDigestOnce } from '../../src/alerts/digest-delivery.js';
import { SlackDeliveryError } from '../../src/alerts/slack-errors.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { dropPrefix, redisConnection, standInPoster, startStandIn, testPrefix, topLevel } from './helpers.js';

let standIn: SlackStandIn;
const connections: Redis[] = [];
const prefix = testPrefix();

beforeAll(async () => {
  standIn = await startStandIn();
  for (let i = 0; i < 3; i++) connections.push(redisConnection());
});
afterAll(async () => {
  await dropPrefix(connections[0]!, prefix);
  await Promise.all(connections.map((c) => c.quit()));
  await standIn.close();
});

function delivery(redis: Redis, owner: string, clock = Date.now) {
  return { redis, prefix, poster: standInPoster(standIn), owner, leaseMs: 30_000, clock };
}

const message = {
  text: 'Backup digest',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'digest' } }],
};

describe('daily digest delivery (real Redis, Slack stand-in)', () => {
  it('posts a day once, whichever of three workers gets there first', async () => {
    const outcomes = await Promise.all(
      connections.map((c, i) =>
        postDigestOnce(delivery(c, `w${i}`), 'digest:a', '2026-11-22', 'C0ALERT8', message),
      ),
    );
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(
      await postDigestOnce(delivery(connections[0]!, 'w0'), 'digest:a', '2026-11-22', 'C0ALERT8', message),
    ).toBe('done');
    expect(
      await postDigestOnce(delivery(connections[0]!, 'w0'), 'digest:a', '2026-11-23', 'C0ALERT8', message),
    ).toBe('posted');
    expect(topLevel(standIn, 'C0ALERT8')).toHaveLength(2);
  });

  it('releases the claim when Slack refuses, and finds a post whose answer was lost', async () => {
    standIn.setFaults({ rateLimit: { methods: ['chat.postMessage'], times: 1, retryAfterSec: 2 } });
    await expect(
      postDigestOnce(delivery(connections[0]!, 'w0'), 'digest:b', '2026-11-22', 'C0ALERT8', message),
    ).rejects.toBeInstanceOf(SlackDeliveryError);
    expect(
      await postDigestOnce(delivery(connections[0]!, 'w0'), 'digest:b', '2026-11-22', 'C0ALERT8', message),
    ).toBe('posted');
    // A worker that claimed the day and died after Slack took the post: the next one finds it.
    const posted = await standInPoster(standIn).post('C0ALERT8', {
      ...message,
      key: 'digest:c.2026-11-22',
      blocks: [{ ...message.blocks[0]!, block_id: 'bj_k:digest:c.2026-11-22' }],
    });
    const key = `${prefix}:alert:digest:c:2026-11-22`;
    await connections[0]!.set(
      key,
      JSON.stringify({
        status: 'inflight',
        owner: 'dead',
        since: Date.now() - 60_000,
        until: Date.now() - 1,
      }),
    );
    const before = topLevel(standIn, 'C0ALERT8').length;
    expect(
      await postDigestOnce(delivery(connections[1]!, 'w1'), 'digest:c', '2026-11-22', 'C0ALERT8', message),
    ).toBe('posted');
    expect(topLevel(standIn, 'C0ALERT8')).toHaveLength(before);
    expect(JSON.parse((await connections[0]!.get(key))!)).toMatchObject({ status: 'done', ts: posted });
  });
});
