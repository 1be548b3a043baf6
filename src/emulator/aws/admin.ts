import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AdminFaults, AdminJobList, AdminJobsWrapper } from './admin-schemas.js';
import type { PartialJobInput } from './job-input.js';
import type { AwsBackupJob, EmulatorStats, Faults } from './types.js';
import { toWireJob } from './wire.js';

/** What the admin routes change; the emulator implements it. */
export interface AdminApi {
  addJobs(partials: PartialJobInput[]): AwsBackupJob[];
  clearJobs(): number;
  setFaults(faults: Faults): void;
  faults(): Faults;
  stats(): EmulatorStats;
  resetStats(): void;
}

const MAX_BODY = 32 * 1024 * 1024;

class AdminError extends Error {
  readonly status: number;
  readonly issues: string[];

  constructor(status: number, message: string, issues: string[] = []) {
    super(message);
    this.status = status;
    this.issues = issues;
  }
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AdminError(413, `The body is larger than ${MAX_BODY} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    throw new AdminError(400, 'The body is not JSON.');
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new AdminError(400, `Invalid ${what}: ${issues.slice(0, 5).join('; ')}`, issues);
}

async function route(api: AdminApi, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const call = `${req.method} ${path.replace(/\/$/, '')}`;
  if (call === 'POST /_emulator/jobs') {
    const raw = await readJson(req);
    const list = Array.isArray(raw)
      ? parseWith(AdminJobList, raw, 'jobs body')
      : parseWith(AdminJobsWrapper, raw, 'jobs body').jobs;
    // Parsed JSON never holds undefined values, so zod's `?: T | undefined` fields fit the input type.
    const partials = list as PartialJobInput[];
    let added: AwsBackupJob[];
    try {
      added = api.addJobs(partials);
    } catch (err) {
      throw new AdminError(400, err instanceof Error ? err.message : String(err));
    }
    return send(res, 200, { jobs: added.map((job) => toWireJob(job, true)) });
  }
  if (call === 'DELETE /_emulator/jobs') return send(res, 200, { deleted: api.clearJobs() });
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
  throw new AdminError(
    404,
    `No admin route ${call}. Routes: POST/DELETE /_emulator/jobs, POST /_emulator/faults, GET /_emulator/stats, POST /_emulator/stats/reset.`,
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
