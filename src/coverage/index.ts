/** Per-resource freshness (last good backup and copy), kept in Redis and advanced incrementally. */
export * from './merge.js';
export * from './pass.js';
export * from './queries.js';
export * from './service.js';
export * from './store.js';
export * from './types.js';
