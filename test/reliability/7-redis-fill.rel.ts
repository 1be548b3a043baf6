import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startProduct } from './support/children.js';
import { startOwnRedis } from './support/own-redis.js';
import { commandBody } from './support/signed.js';
import { startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import { type AnswerKind, answerText, conversation, type Exchange, kindOf } from './support/talk.js';
import { closers, REGIONS, startAws, startSlack } from './support/world.js';

const PREFIX = '{rel-fill}';
const MAXMEMORY = 64 * 1024 * 1024;
const QUERY = 'last 7 days';
const FLOODER = 'U0FLOOD';
/** Twenty people, two to a channel: 60 requests a channel, under its limit of 120 a minute. */
const CROWD = Array.from({ length: 20 }, (_, i) => ({
  user: `U0FILL${String(i + 1).padStart(2, '0')}`,
  channel: `C0FILL${String(Math.floor(i / 2) + 1).padStart(2, '0')}`,
}));
const FRESH = 'U0FRESH';

/** The same command body, sent from another channel. */
function inChannel(body: string, channel: string): string {
  const form = new URLSearchParams(body);
  form.set('channel_id', channel);
  form.set('channel_name', channel.toLowerCase());
  return form.toString();
}

/** Runs `send` over `items`, `width` at a time: as fast as the suite's sockets go. */
async function inBatches<T, R>(items: readonly T[], width: number, send: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(send))));
  return out;
}

function memoryOf(info: string, field: string): number {
  return Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN);
}

/** Bytes of every cursor key (records, pages, query texts) by MEMORY USAGE, and the live cursors. */
async function cursorBytes(redis: Redis): Promise<{ bytes: number; keys: number; live: number }> {
  let bytes = 0;
  let keys = 0;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${PREFIX}:cursor:*`, 'COUNT', 1000);
    for (const key of found) {
      bytes += Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
      keys += 1;
    }
    cursor = next;
  } while (cursor !== '0');
  return { bytes, keys, live: await redis.zcard(`${PREFIX}:cursors`) };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

describe('one user, then twenty, trying to fill a 64 MB Redis', () => {
  const close = closers();
  afterAll(() => close.run());

  it('redis-fill: 1,000 commands from one user and 30 from each of 20 more leave a 64 MB noeviction Redis far from full; everyone is answered', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const redis = close.add(
      await startOwnRedis({ args: ['--maxmemory', String(MAXMEMORY), '--maxmemory-policy', 'noeviction'] }),
      (r) => r.close(),
    );
    const admin = close.add(new Redis(redis.url), async (r) => r.disconnect());
    const aws = close.add(await startAws(), (a) => a.close());
    const users = [FLOODER, FRESH, ...CROWD.map((c) => c.user)];
    const slack = close.add(await startSlack(secrets, { users }), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const env = productEnv(
      secrets,
      { slackApi: slack.apiUrl, aws: aws.url, redis: redis.url },
      REGIONS,
      PREFIX,
    );
    // This case measures the limits themselves: the product's defaults (30 a user, 120 a channel).
    delete env.RATE_LIMIT_PER_USER;
    delete env.RATE_LIMIT_PER_CHANNEL;
    const bot = close.add(await startProduct('bot', env, logDir, 'redis-fill-bot'), (c) => c.stop());
    const before = memoryOf(await admin.info('memory'), 'used_memory');

    const kinds = new Map<AnswerKind | 'none', number>();
    const answerAll = async (sent: readonly Exchange[]) => {
      const out = await inBatches(sent, 200, (e) => sink.waitFor(e.id, 60_000).catch(() => undefined));
      for (const a of out) {
        const kind = a ? kindOf(a) : 'none';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      return out;
    };

    // One user, 1,000 list commands, 50 at a time.
    const flooder = conversation(bot.url, secrets.signingSecret, sink, 'rf', FLOODER);
    const floodStart = performance.now();
    const flood = await inBatches(Array.from({ length: 1000 }), 50, () => flooder.sendCommand(QUERY));
    const floodAnswers = await answerAll(flood);
    const floodMs = performance.now() - floodStart;
    const floodPages = floodAnswers.filter((a) => a && kindOf(a) === 'page').length;
    const refusal = floodAnswers.find((a) => a && kindOf(a) === 'slow-down');
    const floodSlowed = floodAnswers.filter((a) => a && kindOf(a) === 'slow-down').length;
    const retryIn = refusal ? /Try again in (\d+) s/.exec(answerText(refusal))?.[1] : undefined;

    // Then twenty people, 30 commands each, interleaved, 50 at a time.
    const talks = CROWD.map(({ user, channel }) => ({
      user,
      channel,
      talk: conversation(bot.url, secrets.signingSecret, sink, `rf-${user}`, user),
    }));
    const crowdSends = Array.from({ length: 30 }, () => talks).flat();
    const crowd = await inBatches(crowdSends, 50, ({ user, channel, talk }) =>
      talk.sendForm(`command ${QUERY}`, (url) => inChannel(commandBody(QUERY, url, user), channel)),
    );
    const crowdAnswers = await answerAll(crowd);
    const crowdPages = crowdAnswers.filter((a) => a && kindOf(a) === 'page').length;

    const info = await admin.info('memory');
    const used = memoryOf(info, 'used_memory');
    const peak = memoryOf(info, 'used_memory_peak');
    // Commands Redis refused for want of memory (noeviction answers them with an OOM error).
    const oom = Number(/^errorstat_OOM:count=(\d+)/m.exec(await admin.info('errorstats'))?.[1] ?? 0);
    const cursors = await cursorBytes(admin);
    // A fresh person, in a fresh channel, at the end: answered with a page.
    const fresh = conversation(bot.url, secrets.signingSecret, sink, 'rf-fresh', FRESH);
    const freshSent = await fresh.sendForm(`command ${QUERY}`, (url) =>
      inChannel(commandBody(QUERY, url, FRESH), 'C0FRESH'),
    );
    const freshAnswer = await sink.waitFor(freshSent.id, 10_000);
    const freshMs = freshAnswer.at - freshSent.sentAt;
    // The same person in #ops, within the flood's minute: the channel's own limit (120) speaks.
    const inOps = performance.now() - floodStart < 50_000;
    const opsAnswer = inOps ? answerText(await fresh.command(QUERY)) : undefined;

    const byKind = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
    const perCursor = cursors.live > 0 ? cursors.bytes / cursors.live : 0;
    task.meta.reliability = `1,000 commands from one user in ${(floodMs / 1000).toFixed(1)} s: ${floodPages} pages, ${floodSlowed} "Slow down … try again in ${retryIn ?? '?'} s"; then 20 users × 30: ${crowdPages} pages; answers: ${byKind}; Redis used_memory ${mb(before)} → ${mb(used)} (+${mb(used - before)}, peak ${mb(peak)} of ${mb(MAXMEMORY)}, ${oom} commands refused for memory); ${cursors.live} live cursors, ${(perCursor / 1024).toFixed(1)} KB per cursor (${cursors.keys} cursor keys, ${mb(cursors.bytes)}); a fresh user answered with a ${kindOf(freshAnswer)} in ${Math.round(freshMs)} ms${opsAnswer ? `, and in #ops: "${opsAnswer.split('\n')[0]?.slice(0, 80)}"` : ''}`;

    expect(flood.every((e) => e.ack.status === 200) && crowd.every((e) => e.ack.status === 200)).toBe(true);
    expect(kinds.get('storage-unavailable') ?? 0).toBe(0);
    expect(kinds.get('none') ?? 0).toBe(0);
    expect(kinds.get('unexpected') ?? 0).toBe(0);
    // 30 a minute: a flood longer than a minute may have a second window's worth.
    const windows = 1 + Math.floor(floodMs / 60_000);
    expect(floodPages).toBeGreaterThanOrEqual(30);
    expect(floodPages).toBeLessThanOrEqual(30 * windows);
    expect(floodSlowed).toBe(1000 - floodPages);
    expect(crowdPages).toBe(CROWD.length * 30);
    expect(peak).toBeLessThan(MAXMEMORY);
    expect(oom).toBe(0);
    expect(kindOf(freshAnswer)).toBe('page');
    if (inOps) expect(opsAnswer).toMatch(/this channel sent more than 120 requests in a minute/);
    expect(bot.alive()).toBe(true);
  });
});
