import { invalidValue, RawJson } from './aws-error.js';
import type { AwsRequest, EmulatorContext } from './context.js';
import type { JobStore, StorableJob } from './job-store.js';
import { type KindQuery, type PageKey, queryPage } from './list-query.js';
import { param, parseLimit } from './params.js';
import { hash32 } from './prng.js';

/** What one List operation of a job kind serves. */
export interface ListSpec<J extends StorableJob> {
  operation: string;
  /** The member of the response that holds the jobs: `BackupJobs`, `CopyJobs`, `RestoreJobs`. */
  member: string;
  store: JobStore<J>;
  query: KindQuery<J>;
  wire(job: J): Record<string, unknown>;
}

function asKey(value: unknown): PageKey {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
    return [value[0], value[1]];
  }
  throw invalidValue('nextToken', String(value), 'the NextToken of the previous response');
}

/**
 * A page of a List operation: `maxResults` 1..1000 (default 1000) and keyset `nextToken` paging. A
 * token is bound to the operation, Region, order and filters that made it, and no two are the same.
 */
export function listPage<J extends StorableJob>(
  ctx: EmulatorContext,
  req: AwsRequest,
  spec: ListSpec<J>,
): RawJson {
  const limit = parseLimit('maxResults', param(req.query, 'maxResults'), 1, 1000, 1000);
  const scope = `${spec.operation}|${req.region}|${ctx.order}|${JSON.stringify(spec.query.filters)}`;
  const token = param(req.query, 'nextToken');
  const after = token === undefined ? undefined : asKey(ctx.tokens.read(scope, token));
  const page = queryPage(spec.store, spec.query, {
    region: req.region,
    order: ctx.order,
    after,
    limit,
    now: ctx.now(),
    shuffleSeed: hash32(scope),
  });
  // Jobs never change, so each job's JSON is made once and reused by every page that holds it.
  const jobs = page.jobs.map((s) => {
    s.json ??= JSON.stringify(spec.wire(s.job));
    return s.json;
  });
  const next = page.next ? `,"NextToken":${JSON.stringify(ctx.tokens.issue(scope, page.next))}` : '';
  return new RawJson(`{"${spec.member}":[${jobs.join(',')}]${next}}`);
}
