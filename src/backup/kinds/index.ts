import type { JobKind } from '../../domain/index.js';
import { backupJobs } from './backup.js';
import { copyJobs } from './copy.js';
import { restoreJobs } from './restore.js';
import type { JobSource } from './source.js';

export type { JobSource, ListRequest } from './source.js';

/** Every kind's JobSource: a new kind of job is a new entry here. */
export const SOURCES: { readonly [K in JobKind]: JobSource<K> } = {
  backup: backupJobs,
  copy: copyJobs,
  restore: restoreJobs,
};

export function sourceOf<K extends JobKind>(kind: K): JobSource<K> {
  return SOURCES[kind];
}
