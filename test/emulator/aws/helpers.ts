import { request } from 'node:http';
import {
  BackupClient,
  type BackupJob,
  type ListBackupJobsCommandInput,
  paginateListBackupJobs,
} from '@aws-sdk/client-backup';
import type { BackupEmulator } from '../../../src/emulator/aws/index.js';

/** The pinned emulator clock of these tests. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const DAY = 86_400_000;

/** A real SDK client for the emulator; one attempt unless told otherwise, so errors surface at once. */
export function clientFor(emu: BackupEmulator, region = 'us-east-1', maxAttempts = 1): BackupClient {
  return new BackupClient({
    endpoint: emu.url,
    region,
    maxAttempts,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY' },
  });
}

/** Every job of a listing through the SDK's paginator, with a fresh input object, and the tokens seen. */
export async function listAll(
  client: BackupClient,
  input: Omit<ListBackupJobsCommandInput, 'NextToken'> = {},
  pageSize = 1000,
): Promise<{ jobs: BackupJob[]; tokens: string[]; pages: number }> {
  const jobs: BackupJob[] = [];
  const tokens: string[] = [];
  let pages = 0;
  for await (const page of paginateListBackupJobs({ client, pageSize }, { ...input })) {
    pages++;
    jobs.push(...(page.BackupJobs ?? []));
    if (page.NextToken) tokens.push(page.NextToken);
  }
  return { jobs, tokens, pages };
}

export function idsOf(jobs: readonly BackupJob[]): string[] {
  return jobs.map((j) => j.BackupJobId ?? '').sort();
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** A request over plain HTTP, signed-looking for `region` (the emulator reads only the scope). */
export function rawRequest(
  emu: BackupEmulator,
  method: string,
  path: string,
  options: { region?: string | null; body?: unknown } = {},
): Promise<RawResponse> {
  const region = options.region === undefined ? 'us-east-1' : options.region;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (region !== null) {
    headers.authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/${region}/backup/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
  }
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = {};
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The error an SDK call throws, for asserting its name and status. */
export async function errorOf(
  call: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (err) {
    return err as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
