import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { AwsError, sendAwsError, sendAwsJson } from './aws-error.js';
import type { AwsHandler, EmulatorContext } from './context.js';
import { describeCopyJob, listCopyJobSummaries, listCopyJobs } from './copy-jobs.js';
import { describeBackupJob } from './describe-job.js';
import type { CallStats, FaultState } from './faults.js';
import { listBackupJobs } from './list-jobs.js';
import { getSupportedResourceTypes, listBackupVaults } from './list-vaults.js';
import { listProtectedResources, listProtectedResourcesByBackupVault } from './protected-resources.js';
import { describeRestoreJob, listRestoreJobSummaries, listRestoreJobs } from './restore-jobs.js';
import { signerOf } from './signer.js';
import { serveSts } from './sts-route.js';
import { listBackupJobSummaries } from './summaries.js';
import type { Operation } from './types.js';

const HANDLERS: Record<Operation, AwsHandler> = {
  ListBackupJobs: listBackupJobs,
  ListBackupJobSummaries: listBackupJobSummaries,
  DescribeBackupJob: describeBackupJob,
  ListBackupVaults: listBackupVaults,
  GetSupportedResourceTypes: getSupportedResourceTypes,
  ListCopyJobs: listCopyJobs,
  ListCopyJobSummaries: listCopyJobSummaries,
  DescribeCopyJob: describeCopyJob,
  ListRestoreJobs: listRestoreJobs,
  ListRestoreJobSummaries: listRestoreJobSummaries,
  DescribeRestoreJob: describeRestoreJob,
  ListProtectedResources: listProtectedResources,
  ListProtectedResourcesByBackupVault: listProtectedResourcesByBackupVault,
};

/** Paths without a job id, bare (no trailing slash). */
const LIST_ROUTES: Readonly<Record<string, Operation>> = {
  '/backup-jobs': 'ListBackupJobs',
  '/audit/backup-job-summaries': 'ListBackupJobSummaries',
  '/backup-vaults': 'ListBackupVaults',
  '/supported-resource-types': 'GetSupportedResourceTypes',
  '/copy-jobs': 'ListCopyJobs',
  '/audit/copy-job-summaries': 'ListCopyJobSummaries',
  '/restore-jobs': 'ListRestoreJobs',
  '/audit/restore-job-summaries': 'ListRestoreJobSummaries',
  '/resources': 'ListProtectedResources',
};

/** `/{collection}/{id}` paths: the Describe operation and how its job is named in errors. */
const DESCRIBE_ROUTES: Readonly<Record<string, readonly [Operation, string]>> = {
  'backup-jobs': ['DescribeBackupJob', 'backup job'],
  'copy-jobs': ['DescribeCopyJob', 'copy job'],
  'restore-jobs': ['DescribeRestoreJob', 'restore job'],
};

/** Everything the server needs besides the data: faults, stats, base latency and the admin routes. */
export interface ServerParts {
  ctx: EmulatorContext;
  faults: FaultState;
  stats: CallStats;
  latencyMs: number;
  admin: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
}

/** What a path names: the operation, and the job id or vault name in it. */
export interface Route {
  op: Operation;
  jobId?: string;
  vaultName?: string;
}

function decoded(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError(
      'InvalidParameterValueException',
      400,
      `The ${what} is not correctly percent-encoded.`,
    );
  }
}

/**
 * The operation a GET path names, with its job id or vault name. Lists answer with and without a
 * trailing slash (the JS SDK sends `/backup-jobs`, the CLI `/backup-jobs/`), so an empty id lists, as it
 * does on AWS.
 */
export function routeOf(method: string, path: string): Route | undefined {
  if (method !== 'GET') return undefined;
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const list = Object.hasOwn(LIST_ROUTES, bare) ? LIST_ROUTES[bare] : undefined;
  if (list) return { op: list };
  const vault = /^\/backup-vaults\/([^/]+)\/resources$/.exec(bare);
  if (vault) {
    return {
      op: 'ListProtectedResourcesByBackupVault',
      vaultName: decoded(vault[1] as string, 'vault name'),
    };
  }
  const m = /^\/([a-z-]+)\/([^/]+)$/.exec(path);
  const describe =
    m && Object.hasOwn(DESCRIBE_ROUTES, m[1] as string) ? DESCRIBE_ROUTES[m[1] as string] : undefined;
  if (!m || !describe) return undefined;
  return { op: describe[0], jobId: decoded(m[2] as string, `${describe[1]} id`) };
}

async function serveAws(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = routeOf(req.method ?? 'GET', url.pathname);
  if (!route) {
    throw new AwsError(
      'UnknownOperationException',
      404,
      `No operation is served at ${req.method} ${url.pathname}.`,
    );
  }
  const { region, caller } = signerOf(parts.ctx, req);
  parts.stats.record(route.op, region);
  const decision = parts.faults.decide(route.op, region, caller.arn);
  const wait = parts.latencyMs + decision.latencyMs;
  if (wait > 0) await delay(wait);
  if (decision.error) {
    parts.stats.injected(decision.error.errorName);
    throw decision.error;
  }
  const request = {
    region,
    caller,
    query: url.searchParams,
    ...(route.jobId === undefined ? {} : { jobId: route.jobId }),
    ...(route.vaultName === undefined ? {} : { vaultName: route.vaultName }),
  };
  sendAwsJson(res, HANDLERS[route.op](parts.ctx, request));
}

/**
 * The HTTP server: AWS Backup's REST routes, STS's query API (`POST /`), and the admin API under
 * `/_emulator/`.
 */
export function createEmulatorServer(parts: ServerParts): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const work = url.pathname.startsWith('/_emulator/')
      ? parts.admin(req, res, url.pathname)
      : req.method === 'POST' && url.pathname === '/'
        ? serveSts(parts, req, res, url)
        : serveAws(parts, req, res, url);
    work.catch((err: unknown) => {
      if (res.headersSent) return;
      if (err instanceof AwsError) return sendAwsError(res, err);
      const message = err instanceof Error ? err.message : String(err);
      sendAwsError(res, new AwsError('ServiceUnavailableException', 500, `Internal failure: ${message}`));
    });
  });
}
