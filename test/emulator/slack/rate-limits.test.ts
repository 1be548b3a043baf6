import { ErrorCode, retryPolicies, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../../src/emulator/slack/index.js';
import { BOT_TOKEN, clientFor, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;
let clock = new Date('2026-03-01T09:00:00Z');

beforeAll(async () => {
  standIn = await startTestStandIn({ now: () => clock, enforceRateLimits: true });
});
afterAll(() => standIn.close());

describe('Slack stand-in rate limits', () => {
  it('answers HTTP 429 with Retry-After for the injected number of calls', async () => {
    standIn.setFaults({ rateLimit: { methods: ['chat.postMessage'], times: 1, retryAfterSec: 7 } });
    const post = () =>
      fetch(`${standIn.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${BOT_TOKEN}` },
        body: new URLSearchParams({ channel: 'C0OPS', text: 'x' }),
      });
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post()).status).toBe(200);
  });

  it('surfaces the 429 as a rate-limited error with rejectRateLimitedCalls', async () => {
    standIn.setFaults({ rateLimit: { times: 1, retryAfterSec: 30 } });
    const client = clientFor(standIn, { rejectRateLimitedCalls: true });
    const err = (await client.chat
      .postMessage({ channel: 'C0OPS', text: 'x' })
      .catch((e) => e)) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(30);
  });

  it('lets the default client wait Retry-After and succeed', async () => {
    standIn.setFaults({ rateLimit: { methods: ['users.info'], times: 1, retryAfterSec: 1 } });
    standIn.resetCalls();
    // the client's own default retry policy
    const client = clientFor(standIn, { retryConfig: retryPolicies.tenRetriesInAboutThirtyMinutes });
    const started = Date.now();
    const res = await client.users.info({ user: 'U0ALICE' });
    expect(res.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(standIn.calls()['users.info']).toBe(2);
  });

  it('injects an ok:false error for the next calls', async () => {
    standIn.setFaults({ error: { methods: ['chat.update'], times: 1, error: 'channel_archived' } });
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'v1' });
    const err = (await client.chat
      .update({ channel: 'C0ALERTS', ts: posted.ts!, text: 'v2' })
      .catch((e) => e)) as {
      data: { error: string };
    };
    expect(err.data.error).toBe('channel_archived');
    expect((await client.chat.update({ channel: 'C0ALERTS', ts: posted.ts!, text: 'v2' })).ok).toBe(true);
  });

  it('enforces about one chat.postMessage per second per channel, after a small burst', async () => {
    standIn.setFaults({});
    clock = new Date('2026-03-01T10:00:00Z');
    const client = clientFor(standIn, { rejectRateLimitedCalls: true });
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await client.chat.postMessage({ channel: 'D0ALICE', text: `n${i}` }).then(
        () => 'ok',
        (e: WebAPIRateLimitedError) => `429:${e.retryAfter}`,
      );
      outcomes.push(res);
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', '429:1', '429:1']);
    expect((await client.chat.postMessage({ channel: 'C0OPS', text: 'other channel' })).ok).toBe(true);
    clock = new Date(clock.getTime() + 1000);
    expect((await client.chat.postMessage({ channel: 'D0ALICE', text: 'a second later' })).ok).toBe(true);
  });
});
