import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CursorExpiredError,
  CursorForbiddenError,
  createPager,
  type Pager,
} from '../../src/results/index.js';
import { type AwsFixture, listQuery, startAwsFixture } from '../helpers/aws.js';
import { testRedis } from '../helpers/redis.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const alice = { teamId: 'T1', channelId: 'C1', userId: 'U1' };

describe('result cursors in Redis', () => {
  let fx: AwsFixture;
  const db = testRedis();
  let pager: Pager;
  beforeAll(async () => {
    fx = await startAwsFixture({ regions: REGIONS, jobs: 900, seed: 9, defaultAccountId: '*' });
    pager = createPager({ redis: db.redis, prefix: db.prefix, backup: fx.gateway });
  });
  afterAll(async () => {
    await db.cleanup();
    await fx.close();
  });

  it('pages to the end with at most one call per region, and Prev costs no call', async () => {
    fx.emulator.resetStats();
    const first = await pager.open({ ...alice, visibility: 'ephemeral' }, listQuery({ pageSize: 50 }), 'UTC');
    expect(first).toMatchObject({ page: 1, hasPrev: false, hasNext: true, calls: 3 });
    expect(fx.emulator.stats().total).toBe(3);
    const ids = new Set(first.jobs.map((j) => `${j.region}/${j.jobId}`));
    let view = first;
    while (view.hasNext) {
      const before = fx.emulator.stats().total;
      view = await pager.page(first.cursorId, view.page + 1, alice);
      expect(fx.emulator.stats().total - before).toBeLessThanOrEqual(3);
      for (const j of view.jobs) ids.add(`${j.region}/${j.jobId}`);
    }
    const total = fx.emulator.stats().total;
    const back = await pager.page(first.cursorId, view.page - 1, alice);
    expect(back.page).toBe(view.page - 1);
    expect(back.calls).toBe(0);
    const again = await pager.page(first.cursorId, view.page, alice);
    expect(again.jobs).toEqual(view.jobs);
    expect(fx.emulator.stats().total).toBe(total);
    expect(ids.size).toBeGreaterThan(800);
  });

  it('refuses other channels, and other users of an ephemeral result', async () => {
    const view = await pager.open(
      { ...alice, visibility: 'ephemeral' },
      listQuery({ text: 'failed' }),
      'UTC',
    );
    await expect(pager.page(view.cursorId, 2, { ...alice, userId: 'U2' })).rejects.toBeInstanceOf(
      CursorForbiddenError,
    );
    await expect(pager.page(view.cursorId, 2, { ...alice, channelId: 'C2' })).rejects.toBeInstanceOf(
      CursorForbiddenError,
    );
    await expect(pager.page(view.cursorId, 2, { ...alice, teamId: 'T2' })).rejects.toBeInstanceOf(
      CursorForbiddenError,
    );
    const share = await pager.share(view.cursorId, 1, alice);
    if (share.already) throw new Error('a first share was reported as a second one');
    const shared = share.view;
    expect(shared.cursorId).not.toBe(view.cursorId);
    expect((await pager.page(shared.cursorId, 2, { ...alice, userId: 'U2' })).page).toBe(2);
  });

  it('expires: unknown and tampered ids say so, with the query text when it is still known', async () => {
    const view = await pager.open(
      { ...alice, visibility: 'in_channel' },
      listQuery({ text: 'partial 7d' }),
      'UTC',
    );
    await db.redis.del(`${db.prefix}:cursor:${view.cursorId}`);
    const err = await pager.page(view.cursorId, 2, alice).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CursorExpiredError);
    expect((err as CursorExpiredError).queryText).toBe('partial 7d');
    for (const bad of ['', 'x', `${view.cursorId}x`, '../../etc', 'A'.repeat(2000)]) {
      await expect(pager.page(bad, 2, alice)).rejects.toBeInstanceOf(CursorExpiredError);
    }
  });

  it('keeps cursors for 24 hours, refreshed on use', async () => {
    const view = await pager.open({ ...alice, visibility: 'ephemeral' }, listQuery(), 'UTC');
    await db.redis.expire(`${db.prefix}:cursor:${view.cursorId}`, 100);
    await pager.page(view.cursorId, 1, alice);
    const ttl = await db.redis.ttl(`${db.prefix}:cursor:${view.cursorId}`);
    expect(ttl).toBeGreaterThan(86_000);
    expect(await pager.count()).toBeGreaterThanOrEqual(4);
  });

  it('shows the page a button names: double clicks, stale buttons and racing clicks cost one fetch', async () => {
    const view = await pager.open({ ...alice, visibility: 'ephemeral' }, listQuery({ pageSize: 5 }), 'UTC');
    fx.emulator.resetStats();
    const clicks = await Promise.all(Array.from({ length: 6 }, () => pager.page(view.cursorId, 2, alice)));
    expect(new Set(clicks.map((c) => c.page))).toEqual(new Set([2]));
    expect(new Set(clicks.map((c) => JSON.stringify(c.jobs)))).toHaveProperty('size', 1);
    expect(clicks.reduce((sum, c) => sum + c.calls, 0)).toBe(fx.emulator.stats().total);
    expect(fx.emulator.stats().total).toBeLessThanOrEqual(3);
    const three = await pager.page(view.cursorId, 3, alice);
    fx.emulator.resetStats();
    // Next on a page-2 message after the cursor reached page 3 shows page 3 again, not page 4.
    const stale = await pager.page(view.cursorId, 3, alice);
    expect(stale.jobs).toEqual(three.jobs);
    expect(stale.calls).toBe(0);
    const seen = new Set(
      [...view.jobs, ...clicks[0]!.jobs, ...three.jobs].map((j) => `${j.region}/${j.jobId}`),
    );
    expect(seen.size).toBe(view.jobs.length + clicks[0]!.jobs.length + three.jobs.length);
    // A page two steps past the last fetched one is not fetched: the last page is shown.
    expect((await pager.page(view.cursorId, 9, alice)).page).toBe(3);
    expect(fx.emulator.stats().total).toBe(0);
  });

  it('stores a worst-case cursor in a few tens of KB: listed fields, deflated, once', async () => {
    // Three regions × (FAILED, PARTIAL, completed with issues): nine streams, each buffering jobs.
    const query = listQuery({ states: ['FAILED', 'PARTIAL'], withIssues: true, pageSize: 10 });
    const view = await pager.open({ ...alice, visibility: 'ephemeral' }, query, 'UTC');
    await pager.page(view.cursorId, 2, alice);
    await pager.page(view.cursorId, 3, alice);
    let bytes = 0;
    for (const key of await db.redis.keys(`${db.prefix}:cursor:${view.cursorId}*`))
      bytes += Number(await db.redis.memory('USAGE', key));
    expect(bytes).toBeLessThan(40_000);
    // What a page shows is all it keeps: no IAM role, plan or recovery point ARNs.
    const shown = await pager.page(view.cursorId, 2, alice);
    expect(shown.jobs.length).toBe(10);
    for (const job of shown.jobs) {
      expect(Object.keys(job)).not.toContain('iamRoleArn');
      expect(Object.keys(job)).not.toContain('plan');
      expect(job.jobId && job.state && job.createdAt).toBeTruthy();
    }
  });

  it('caps the live cursors of one user: the oldest is forgotten, and says it expired', async () => {
    const capped = createPager({
      redis: db.redis,
      prefix: `${db.prefix}cap`,
      backup: fx.gateway,
      maxCursorsPerUser: 3,
    });
    const carol = { ...alice, userId: 'U3' };
    const views = [];
    for (let i = 0; i < 5; i++)
      views.push(
        await capped.open({ ...carol, visibility: 'ephemeral' }, listQuery({ text: `q${i}` }), 'UTC'),
      );
    const bob = await capped.open({ ...alice, userId: 'U4', visibility: 'ephemeral' }, listQuery(), 'UTC');
    for (const old of views.slice(0, 2)) {
      const err = await capped.page(old.cursorId, 1, carol).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CursorExpiredError);
      expect(await db.redis.exists(`${db.prefix}cap:cursor:${old.cursorId}:page:1`)).toBe(0);
      // Its query text too: what one user leaves in Redis stays within the cap.
      expect(await db.redis.exists(`${db.prefix}cap:cursor:${old.cursorId}:text`)).toBe(0);
    }
    for (const kept of views.slice(2)) expect((await capped.page(kept.cursorId, 1, carol)).page).toBe(1);
    expect((await capped.page(bob.cursorId, 1, { ...alice, userId: 'U4' })).page).toBe(1);
    expect(await capped.count()).toBe(4);
  });

  it('trims expired cursors from the index as cursors are made, with no scrape needed', async () => {
    const prefix = `${db.prefix}trim`;
    const trimmed = createPager({ redis: db.redis, prefix, backup: fx.gateway });
    await db.redis.zadd(
      `${prefix}:cursors`,
      String(Date.now() - 1000),
      'gone-a',
      String(Date.now() - 1),
      'gone-b',
    );
    await trimmed.open({ ...alice, visibility: 'ephemeral' }, listQuery(), 'UTC');
    expect(await db.redis.zcard(`${prefix}:cursors`)).toBe(1);
  });

  it('reads a cursor kept by an earlier version as expired, not as Redis failing', async () => {
    const id = 'A'.repeat(22);
    await db.redis.set(`${db.prefix}:cursor:${id}`, JSON.stringify({ v: 2, pageCount: 1 }));
    await db.redis.set(`${db.prefix}:cursor:${id}:text`, 'failed last 3 days');
    const err = await pager.page(id, 2, alice).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CursorExpiredError);
    expect((err as CursorExpiredError).queryText).toBe('failed last 3 days');
  });
});
