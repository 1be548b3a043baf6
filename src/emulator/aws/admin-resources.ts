import type { IncomingMessage, ServerResponse } from 'node:http';
import { AdminError, parseWith, readJson, send } from './admin-http.js';
import { AdminResourceRef } from './admin-schemas.js';
import type { SeededGaps } from './gaps.js';
import type { ProtectedResource } from './protected-index.js';
import { toWireResource } from './protected-resources.js';
import { type ResourceApi, UnknownResourceError } from './resource-api.js';
import { toWireJob } from './wire.js';

function wire(r: ProtectedResource, stale: ReadonlySet<string>): Record<string, unknown> {
  return { Region: r.Region, AccountId: r.AccountId, ...toWireResource(r), Stale: stale.has(r.ResourceArn) };
}

function wireGaps(gaps: SeededGaps): Record<string, unknown> {
  return {
    ...(gaps.staleBackup ? { staleBackup: toWireJob(gaps.staleBackup) } : {}),
    ...(gaps.staleCopy ? { staleCopy: toWireJob(gaps.staleCopy) } : {}),
    retired: gaps.retired.map((g) => toWireJob(g)),
  };
}

function known<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    if (err instanceof UnknownResourceError) throw new AdminError(404, err.message);
    throw err;
  }
}

/**
 * The protected-resource admin routes; false when `call` is none of them:
 * - `GET /_emulator/resources[?accountId=…&region=…]`: `{resources: [...]}`, each with Region,
 *   AccountId, the ListProtectedResources members (times as epoch seconds) and `Stale`;
 * - `POST /_emulator/resources/stale {resourceArn}`: no new jobs for it; `{resource}`;
 * - `POST /_emulator/resources/recover {resourceArn}`: a COMPLETED backup now (and a copy where its
 *   copies went); `{job, copyJob?, resource}`;
 * - `GET /_emulator/gaps`: the seeded protection gaps.
 */
export async function resourceRoute(
  api: ResourceApi,
  req: IncomingMessage,
  res: ServerResponse,
  call: string,
): Promise<boolean> {
  const stale = () => new Set(api.staleResources());
  if (call === 'GET /_emulator/resources') {
    const query = new URL(req.url ?? '/', 'http://emulator.local').searchParams;
    const list = api.protectedResources(
      query.get('accountId') ?? undefined,
      query.get('region') ?? undefined,
    );
    const marks = stale();
    send(res, 200, { resources: list.map((r) => wire(r, marks)) });
    return true;
  }
  if (call === 'POST /_emulator/resources/stale') {
    const { resourceArn } = parseWith(AdminResourceRef, await readJson(req), 'resource body');
    const resource = known(() => api.makeStale(resourceArn));
    send(res, 200, { resource: wire(resource, stale()) });
    return true;
  }
  if (call === 'POST /_emulator/resources/recover') {
    const { resourceArn } = parseWith(AdminResourceRef, await readJson(req), 'resource body');
    const done = known(() => api.recover(resourceArn));
    send(res, 200, {
      job: toWireJob(done.job, true),
      ...(done.copyJob ? { copyJob: toWireJob(done.copyJob, true) } : {}),
      resource: wire(done.resource, stale()),
    });
    return true;
  }
  if (call === 'GET /_emulator/gaps') {
    send(res, 200, wireGaps(api.seededGaps()));
    return true;
  }
  return false;
}
