export { CursorExpiredError, CursorForbiddenError, PageBusyError, RedisUnavailableError } from './errors.js';
export { createPager, newCursorId, type Pager, type PagerOptions } from './pager.js';
export { createRedisGuard, type RedisGuard, UNGUARDED } from './redis-guard.js';
export { createSavedQueries, type SavedQueries } from './saved-queries.js';
export type { Actor, CursorBinding, PageView } from './types.js';
