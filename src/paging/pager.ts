import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BackupGateway, PageResult } from '../backup/index.js';
import type { ListQuery } from '../query/types.js';
import { CursorExpiredError, CursorForbiddenError } from './errors.js';
import type { RedisGuard } from './redis-guard.js';
import { CursorStore } from './store.js';
import type { Actor, CursorBinding, CursorRecord, PageView, StoredPage } from './types.js';

export interface PagerOptions {
  redis: Redis;
  /** Key prefix, e.g. `{bjb}`; the braces keep a cursor's keys in one Redis Cluster slot. */
  prefix: string;
  backup: Pick<BackupGateway, 'openListing' | 'fetchPage'>;
  /** @defaultValue 86400 (24 hours), refreshed on every use */
  ttlSeconds?: number;
  now?: () => Date;
  /** Fails fast while Redis is failing. @defaultValue no breaker */
  guard?: RedisGuard;
}

/** 128 random bits, URL-safe: the only thing a button carries. */
export function newCursorId(): string {
  return randomBytes(16).toString('base64url');
}

const CURSOR_ID = /^[A-Za-z0-9_-]{22}$/;

function warningsOf(result: PageResult): string[] {
  return result.failures.map((f) => `${f.region}: ${f.error.message} Its jobs will come on later pages.`);
}

function view(record: CursorRecord, page: StoredPage, calls: number): PageView {
  return {
    cursorId: record.id,
    query: record.query,
    timeZone: record.timeZone,
    visibility: record.binding.visibility,
    page: record.position,
    jobs: page.jobs,
    hasPrev: record.position > 1,
    hasNext: record.position < record.pageCount || record.hasMore,
    warnings: page.warnings,
    calls,
  };
}

/**
 * Result cursors: open a query, then Next / Prev by cursor id. Pages already seen are kept, so
 * Prev (and Next back to a seen page) costs no AWS call; a new page costs at most one call per stream.
 */
export function createPager(options: PagerOptions) {
  const store = new CursorStore(options.redis, options.prefix, options.ttlSeconds ?? 86_400, options.guard);
  const now = options.now ?? (() => new Date());

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

  async function move(id: string, actor: Actor, step: 1 | -1): Promise<PageView> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const record = await authorised(id, actor);
      const target = Math.max(1, record.position + step);
      if (target <= record.pageCount) {
        const next = { ...record, position: target };
        if (target !== record.position && !(await store.update(record, next))) continue;
        return view(next, await storedPage(record, target), 0);
      }
      if (!record.hasMore) return view(record, await storedPage(record, record.position), 0);
      const result = await options.backup.fetchPage(record.listing, record.query.pageSize);
      const page: StoredPage = { jobs: result.jobs, warnings: warningsOf(result) };
      const next: CursorRecord = {
        ...record,
        pageCount: record.pageCount + 1,
        position: target,
        listing: result.listing,
        hasMore: result.hasMore,
      };
      if (await store.update(record, next, page)) return view(next, page, result.calls);
    }
    // Three clicks in a row raced this one: show what the cursor holds now.
    const record = await authorised(id, actor);
    return view(record, await storedPage(record, record.position), 0);
  }

  return {
    /** Runs a list query and keeps its cursor; the first page costs at most one call per stream. */
    async open(binding: CursorBinding, query: ListQuery, timeZone: string): Promise<PageView> {
      const result = await options.backup.fetchPage(options.backup.openListing(query), query.pageSize);
      const record: CursorRecord = {
        v: 1,
        id: newCursorId(),
        binding,
        query,
        timeZone,
        pageCount: 1,
        position: 1,
        listing: result.listing,
        hasMore: result.hasMore,
        createdAt: now().toISOString(),
      };
      const page: StoredPage = { jobs: result.jobs, warnings: warningsOf(result) };
      await store.create(record, [page]);
      return view(record, page, result.calls);
    },
    next: (id: string, actor: Actor) => move(id, actor, 1),
    prev: (id: string, actor: Actor) => move(id, actor, -1),
    /** The page the cursor shows now, without moving. */
    async current(id: string, actor: Actor): Promise<PageView> {
      const record = await authorised(id, actor);
      return view(record, await storedPage(record, record.position), 0);
    },
    /** The cursor's query, for exports and re-runs, after the same access checks as paging. */
    async query(id: string, actor: Actor): Promise<{ query: ListQuery; timeZone: string }> {
      const record = await authorised(id, actor);
      return { query: record.query, timeZone: record.timeZone };
    },
    /** A copy of the cursor for the whole channel, at the same page: what "Share in channel" posts. */
    async share(id: string, actor: Actor): Promise<PageView> {
      const record = await authorised(id, actor);
      const pages = await Promise.all(
        Array.from({ length: record.pageCount }, (_, i) => storedPage(record, i + 1)),
      );
      const shared: CursorRecord = {
        ...record,
        id: newCursorId(),
        binding: { ...record.binding, visibility: 'in_channel' },
        query: { ...record.query, visibility: 'in_channel' } satisfies ListQuery,
      };
      await store.create(shared, pages);
      return view(shared, pages[shared.position - 1]!, 0);
    },
    count: () => store.count(),
  };
}

export type Pager = ReturnType<typeof createPager>;
