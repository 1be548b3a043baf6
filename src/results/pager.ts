import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { BackupGateway, PageResult } from '../backup/index.js';
import type { ListQuery } from '../query/types.js';
import { CursorExpiredError, CursorForbiddenError, PageBusyError } from './errors.js';
import { type RedisGuard, UNGUARDED } from './redis-guard.js';
import { CursorLinks, type ShareRecord } from './shares.js';
import { CURSOR_VERSION, CursorStore } from './store.js';
import { positionOf, summaryTotal } from './totals.js';
import type { Actor, CursorBinding, CursorRecord, PageView, StoredPage } from './types.js';

export interface PagerOptions {
  redis: Redis;
  /** Key prefix, e.g. `{bjb}`; the braces keep a cursor's keys in one Redis Cluster slot. */
  prefix: string;
  /** `summary` gives the exact total of the queries the Summaries API counts; without it totals come from paging. */
  backup: Pick<BackupGateway, 'openListing' | 'fetchPage'> & Partial<Pick<BackupGateway, 'summary'>>;
  /** @defaultValue 86400 (24 hours), refreshed on every use */
  ttlSeconds?: number;
  now?: () => Date;
  /** Fails fast while Redis is failing. @defaultValue no breaker */
  guard?: RedisGuard;
  /** Live cursors per user; a new one beyond this forgets the user's oldest. @defaultValue 50 */
  maxCursorsPerUser?: number;
}

/**
 * Enough for a day of someone's results in every channel they use (each message's buttons keep
 * working), and a bound on what one person can make Redis hold: about 50 × 20 KB at worst.
 */
export const MAX_CURSORS_PER_USER = 50;

/** 128 random bits, URL-safe: the only thing a button carries. */
export function newCursorId(): string {
  return randomBytes(16).toString('base64url');
}

const CURSOR_ID = /^[A-Za-z0-9_-]{22}$/;

function warningsOf(result: PageResult): string[] {
  return result.failures.map((f) => `${f.region}: ${f.error.message} Its jobs will come on later pages.`);
}

function view(record: CursorRecord, n: number, page: StoredPage, calls: number): PageView {
  return {
    ...positionOf(record, n),
    askedBy: record.binding.userId,
    ...(record.sharedBy === undefined ? {} : { sharedBy: record.sharedBy }),
    cursorId: record.id,
    query: record.query,
    timeZone: record.timeZone,
    visibility: record.binding.visibility,
    page: n,
    jobs: page.jobs,
    hasPrev: n > 1,
    hasNext: n < record.pageCount || record.hasMore,
    warnings: page.warnings,
    calls,
  };
}

/**
 * How long a click fetching a page holds the right to fetch it. Short: a fetch cut off (its process
 * killed, Redis gone before the page was stored) holds the others up no longer than this, and a
 * fetch slower than this costs at most one more, harmless, fetch (the page is appended once).
 */
const FETCH_CLAIM_MS = 3000;
const FETCH_POLL_MS = 100;
/** A click that keeps finding someone else fetching gives up after this long. */
const FETCH_GIVE_UP_MS = 20_000;

/**
 * Result cursors: open a query, then show any page by number. A page is fetched from AWS once, by
 * the first click that asks for it, and stored; every later click on a button that names it (a
 * double click, a stale message, someone else's click on a shared result) shows the stored page
 * at no AWS cost. A new page costs at most one call per stream.
 */
export function createPager(options: PagerOptions) {
  const ttl = options.ttlSeconds ?? 86_400;
  const store = new CursorStore(options.redis, options.prefix, {
    ttlSeconds: ttl,
    maxPerUser: options.maxCursorsPerUser ?? MAX_CURSORS_PER_USER,
    guard: options.guard,
  });
  const now = options.now ?? (() => new Date());
  const links = new CursorLinks(options.redis, options.prefix, ttl, options.guard ?? UNGUARDED);

  async function authorised(id: string, actor: Actor): Promise<CursorRecord> {
    const record = CURSOR_ID.test(id) ? await store.read(id) : null;
    if (!record) throw new CursorExpiredError(CURSOR_ID.test(id) ? await store.queryText(id) : undefined);
    const b = record.binding;
    const sameUser = b.visibility === 'in_channel' || b.userId === actor.userId;
    if (b.teamId !== actor.teamId || b.channelId !== actor.channelId || !sameUser) {
      throw new CursorForbiddenError();
    }
    return record;
  }

  async function storedPage(record: CursorRecord, n: number): Promise<StoredPage> {
    const page = await store.page(record.id, n);
    if (!page) throw new CursorExpiredError(record.query.text);
    return page;
  }

  /** Fetches page `pageCount + 1` and appends it; false when another click appended first. */
  async function fetchNext(record: CursorRecord): Promise<PageView | false> {
    const n = record.pageCount + 1;
    let result: PageResult;
    try {
      result = await options.backup.fetchPage(record.listing, record.query.pageSize);
    } catch (err) {
      await store.releaseFetch(record.id, n).catch(() => undefined);
      throw err;
    }
    const page: StoredPage = { jobs: result.jobs, warnings: warningsOf(result) };
    const next: CursorRecord = {
      ...record,
      pageCount: n,
      listing: result.listing,
      hasMore: result.hasMore,
      ...(record.counts ? { counts: [...record.counts, result.jobs.length] } : {}),
    };
    return (await store.append(record, next, page)) && view(next, n, page, result.calls);
  }

  /** A new cursor holding the pages fetched so far: a copy costs no AWS call. */
  async function copyOf(
    record: CursorRecord,
    changes: Pick<CursorRecord, 'id' | 'binding'> & Partial<Pick<CursorRecord, 'timeZone' | 'sharedBy'>>,
  ): Promise<{ record: CursorRecord; pages: StoredPage[] }> {
    const pages = await Promise.all(
      Array.from({ length: record.pageCount }, (_, i) => storedPage(record, i + 1)),
    );
    const { sharedBy: _sharedBy, ...rest } = record;
    const copy: CursorRecord = {
      ...rest,
      ...changes,
      query: { ...record.query, visibility: changes.binding.visibility } satisfies ListQuery,
    };
    await store.create(copy, pages);
    return { record: copy, pages };
  }

  /** Waits while another click fetches page `n`: until it is stored or that click's claim ran out. */
  async function waitForFetch(id: string, n: number): Promise<void> {
    const until = Date.now() + FETCH_CLAIM_MS;
    while (Date.now() < until && !(await store.page(id, n))) await delay(FETCH_POLL_MS);
  }

  async function show(id: string, n: number, actor: Actor): Promise<PageView> {
    const deadline = Date.now() + FETCH_GIVE_UP_MS;
    for (;;) {
      const record = await authorised(id, actor);
      const wanted = Number.isSafeInteger(n) && n >= 1 ? n : 1;
      if (wanted <= record.pageCount) return view(record, wanted, await storedPage(record, wanted), 0);
      // Only the page after the last fetched one can be fetched; a button naming a page further on
      // was not made by this app, and an exhausted listing has nothing more: show the last page.
      if (wanted > record.pageCount + 1 || !record.hasMore) {
        return view(record, record.pageCount, await storedPage(record, record.pageCount), 0);
      }
      if (await store.claimFetch(record.id, wanted, FETCH_CLAIM_MS)) {
        const shown = await fetchNext(record);
        if (shown) return shown;
        continue;
      }
      if (Date.now() > deadline) throw new PageBusyError();
      await waitForFetch(record.id, wanted);
    }
  }

  return {
    /** Runs a list query and keeps its cursor; the first page costs at most one call per stream. */
    async open(binding: CursorBinding, query: ListQuery, timeZone: string): Promise<PageView> {
      // The total is asked beside the first page, and only of queries the Summaries API counts exactly.
      const [result, total] = await Promise.all([
        options.backup.fetchPage(options.backup.openListing(query), query.pageSize),
        summaryTotal(options.backup, query, now()),
      ]);
      const record: CursorRecord = {
        v: CURSOR_VERSION,
        id: newCursorId(),
        binding,
        query,
        timeZone,
        pageCount: 1,
        listing: result.listing,
        hasMore: result.hasMore,
        createdAt: now().toISOString(),
        counts: [result.jobs.length],
        ...(total === undefined ? {} : { summaryTotal: total }),
      };
      const page: StoredPage = { jobs: result.jobs, warnings: warningsOf(result) };
      await store.create(record, [page]);
      return view(record, 1, page, result.calls);
    },
    /** Page `n` (1-based) of the cursor: stored pages cost nothing, the next one its AWS calls. */
    page: show,
    /** The cursor's query, for exports and re-runs, after the same access checks as paging. */
    async query(id: string, actor: Actor): Promise<{ query: ListQuery; timeZone: string }> {
      const record = await authorised(id, actor);
      return { query: record.query, timeZone: record.timeZone };
    },
    /**
     * A copy of the cursor for the whole channel, at page `n`: what "Share in channel" posts. The
     * first share of a page wins; sharing it again gives the first share (`already`) instead.
     */
    async share(
      id: string,
      n: number,
      actor: Actor,
    ): Promise<{ view: PageView; share: ShareRecord; already?: undefined } | { already: ShareRecord }> {
      const record = await authorised(id, actor);
      const at = Math.min(Math.max(1, Math.trunc(n) || 1), record.pageCount);
      const sharedId = newCursorId();
      const claim: ShareRecord = { cursorId: sharedId, sharedBy: actor.userId, at: now().toISOString() };
      const already = await links.claimShare(record.id, at, claim);
      if (already) return { already };
      try {
        const copy = await copyOf(record, {
          id: sharedId,
          binding: { ...record.binding, visibility: 'in_channel' },
          sharedBy: actor.userId,
        });
        return { view: view(copy.record, at, copy.pages[at - 1]!, 0), share: claim };
      } catch (err) {
        await links.releaseShare(record.id, at).catch(() => undefined);
        throw err;
      }
    },
    /** Says where the shared message of page `n` landed, for the link a second share gives. */
    async sharePosted(id: string, n: number, share: ShareRecord): Promise<void> {
      await links.sharePosted(id, n, share);
    },
    /** Gives back the share of page `n` when posting it failed. */
    async shareFailed(id: string, n: number): Promise<void> {
      await links.releaseShare(id, n);
    },
    /**
     * Page `n` of the actor's own private copy of a public answer, in their zone: made at their first
     * click (from the pages already fetched, at no AWS cost) and kept for their later ones.
     */
    async privateCopy(id: string, n: number, actor: Actor, timeZone: string): Promise<PageView> {
      const record = await authorised(id, actor);
      const known = await links.copyOf(record.id, actor.userId);
      if (known !== null && (await store.read(known))) return show(known, n, actor);
      const copy = await copyOf(record, {
        id: newCursorId(),
        binding: { ...actor, visibility: 'ephemeral' },
        timeZone,
      });
      await links.setCopy(record.id, actor.userId, copy.record.id);
      return show(copy.record.id, n, actor);
    },
    count: () => store.count(),
  };
}

export type Pager = ReturnType<typeof createPager>;
