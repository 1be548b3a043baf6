import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisGuard } from '../../src/results/index.js';
import { createRequestLimiter, rateLimitedMessage } from '../../src/slack/rate-limit.js';
import { testRedis } from '../helpers/redis.js';

const limits = { perUser: 5, perChannel: 8, windowSeconds: 60 };
const at = (userId: string, channelId = 'C1') => ({ teamId: 'T1', channelId, userId });

describe('per-user and per-channel rate limits', () => {
  const db = testRedis();
  afterAll(() => db.cleanup());

  it('lets a user send the limit, refuses the next with when to try again, and counts across processes', async () => {
    const one = createRequestLimiter(db.redis, `${db.prefix}a`, createRedisGuard(), limits);
    const other = createRequestLimiter(db.redis, `${db.prefix}a`, createRedisGuard(), limits);
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await (i % 2 ? other : one).check(at('U1')));
    expect(verdicts.slice(0, 5).every((v) => v.ok)).toBe(true);
    const refused = verdicts[5]!;
    expect(refused).toMatchObject({ ok: false, who: 'user', limit: 5 });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.retryInSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryInSeconds).toBeLessThanOrEqual(60);
    const text = JSON.stringify(rateLimitedMessage(refused));
    expect(text).toContain('more than 5 requests in a minute');
    expect(text).toMatch(/Try again in \d+ s/);
    expect(rateLimitedMessage(refused).replace_original).toBe(false);
    // Someone else in another channel is not held up.
    expect((await one.check(at('U2', 'C2'))).ok).toBe(true);
  });

  it('limits a channel across its users', async () => {
    const limiter = createRequestLimiter(db.redis, `${db.prefix}b`, createRedisGuard(), limits);
    const verdicts = [];
    for (let i = 0; i < 9; i++) verdicts.push(await limiter.check(at(`U${i}`)));
    expect(verdicts.slice(0, 8).every((v) => v.ok)).toBe(true);
    expect(verdicts[8]).toMatchObject({ ok: false, who: 'channel', limit: 8 });
    expect(JSON.stringify(rateLimitedMessage(verdicts[8] as never))).toContain(
      'this channel sent more than 8',
    );
  });

  it('still limits, per process, while Redis cannot be reached', async () => {
    const away = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const limiter = createRequestLimiter(away, `${db.prefix}c`, createRedisGuard(), limits);
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await limiter.check(at('U1')));
    expect(verdicts.slice(0, 5).every((v) => v.ok)).toBe(true);
    expect(verdicts[5]).toMatchObject({ ok: false, who: 'user' });
    away.disconnect();
  });
});
