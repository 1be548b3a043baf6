import type { JobQuery } from './types.js';

export function toParseJson(query: JobQuery): unknown {
  return query;
}
