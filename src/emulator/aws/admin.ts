import type { IncomingMessage, ServerResponse } from 'node:http';
import { AdminError, parseWith, readJson, send } from './admin-http.js';
import {
  AdminCopyJobList,
  AdminCopyJobsWrapper,
  AdminRestoreJobList,
  AdminRestoreJobsWrapper,
} from './admin-kind-schemas.js';
import { resourceRoute } from './admin-resources.js';
import { AdminFaults, AdminJobList, AdminJobsWrapper } from './admin-schemas.js';
import type { PartialCopyInput } from './copy-input.js';
import type { PartialJobInput } from './job-input.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import type { ResourceApi } from './resource-api.js';
import type { PartialRestoreInput } from './restore-input.js';
import type { AwsBackupJob, EmulatorStats, Faults } from './types.js';
import { toWireJob } from './wire.js';

/** What the admin routes change; the emulator implements it. */
export interface AdminApi extends ResourceApi {
  addJobs(partials: PartialJobInput[]): AwsBackupJob[];
  clearJobs(): number;
  addCopyJobs(partials: PartialCopyInput[]): AwsCopyJob[];
  clearCopyJobs(): number;
  addRestoreJobs(partials: PartialRestoreInput[]): AwsRestoreJob[];
  clearRestoreJobs(): number;
  setFaults(faults: Faults): void;
  faults(): Faults;
  stats(): EmulatorStats;
  resetStats(): void;
}

/** Adds what `add` makes of the list; a job the store refuses (a duplicate id) is a 400. */
function adding<T>(add: () => T[]): T[] {
  try {
    return add();
  } catch (err) {
    throw new AdminError(400, err instanceof Error ? err.message : String(err));
  }
}

async function route(api: AdminApi, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const call = `${req.method} ${path.replace(/\/$/, '')}`;
  // Parsed JSON never holds undefined values, so zod's `?: T | undefined` fields fit the input types.
  if (call === 'POST /_emulator/jobs') {
    const raw = await readJson(req);
    const list = Array.isArray(raw)
      ? parseWith(AdminJobList, raw, 'jobs body')
      : parseWith(AdminJobsWrapper, raw, 'jobs body').jobs;
    const added = adding(() => api.addJobs(list as PartialJobInput[]));
    return send(res, 200, { jobs: added.map((job) => toWireJob(job, true)) });
  }
  if (call === 'POST /_emulator/copy-jobs') {
    const raw = await readJson(req);
    const list = Array.isArray(raw)
      ? parseWith(AdminCopyJobList, raw, 'copy jobs body')
      : parseWith(AdminCopyJobsWrapper, raw, 'copy jobs body').copyJobs;
    const added = adding(() => api.addCopyJobs(list as PartialCopyInput[]));
    return send(res, 200, { copyJobs: added.map((job) => toWireJob(job, true)) });
  }
  if (call === 'POST /_emulator/restore-jobs') {
    const raw = await readJson(req);
    const list = Array.isArray(raw)
      ? parseWith(AdminRestoreJobList, raw, 'restore jobs body')
      : parseWith(AdminRestoreJobsWrapper, raw, 'restore jobs body').restoreJobs;
    const added = adding(() => api.addRestoreJobs(list as PartialRestoreInput[]));
    return send(res, 200, { restoreJobs: added.map((job) => toWireJob(job, true)) });
  }
  if (call === 'DELETE /_emulator/jobs') return send(res, 200, { deleted: api.clearJobs() });
  if (call === 'DELETE /_emulator/copy-jobs') return send(res, 200, { deleted: api.clearCopyJobs() });
  if (call === 'DELETE /_emulator/restore-jobs') return send(res, 200, { deleted: api.clearRestoreJobs() });
  if (call === 'POST /_emulator/faults') {
    // As above: parsed JSON holds no undefined values.
    api.setFaults(parseWith(AdminFaults, await readJson(req), 'faults body') as Faults);
    return send(res, 200, { faults: api.faults() });
  }
  if (call === 'GET /_emulator/faults') return send(res, 200, { faults: api.faults() });
  if (call === 'GET /_emulator/stats') return send(res, 200, api.stats());
  if (call === 'POST /_emulator/stats/reset') {
    api.resetStats();
    return send(res, 200, api.stats());
  }
  if (await resourceRoute(api, req, res, call)) return;
  throw new AdminError(
    404,
    `No admin route ${call}. Routes: POST/DELETE /_emulator/jobs, /_emulator/copy-jobs and /_emulator/restore-jobs, POST /_emulator/faults, GET /_emulator/stats, POST /_emulator/stats/reset, GET /_emulator/resources, POST /_emulator/resources/stale and /_emulator/resources/recover, GET /_emulator/gaps.`,
  );
}

/** The admin API beside the AWS routes. Bodies are checked with zod; a bad one gets 400 and the reasons. */
export function adminHandler(api: AdminApi) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    try {
      await route(api, req, res, path);
    } catch (err) {
      if (!(err instanceof AdminError)) throw err;
      send(res, err.status, { error: err.message, ...(err.issues.length > 0 ? { issues: err.issues } : {}) });
    }
  };
}
