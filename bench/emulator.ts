import { pathToFileURL } from 'node:url';
import { BackupClient, ListBackupJobSummariesCommand, ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { startBackupEmulator } from '../src/emulator/aws/index.js';

const JOBS = 100_000;
const RUN_MS = 1500;

interface Rate {
  perSecond: number;
  p50Ms: number;
}

/** Sends `call` back to back for RUN_MS and reports the rate and the median latency. */
async function rate(call: () => Promise<unknown>): Promise<Rate> {
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < RUN_MS) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const elapsed = performance.now() - start;
  return { perSecond: (times.length * 1000) / elapsed, p50Ms: times[Math.floor(times.length / 2)] ?? 0 };
}

/** A NextToken about 90% of the way through one region's whole listing. */
async function deepToken(client: BackupClient): Promise<{ token: string; page: number }> {
  let token: string | undefined;
  const pages: string[] = [];
  do {
    const out = await client.send(
      new ListBackupJobsCommand({ ByAccountId: '*', MaxResults: 1000, NextToken: token }),
    );
    token = out.NextToken;
    if (token) pages.push(token);
  } while (token);
  const page = Math.floor(pages.length * 0.9);
  return { token: pages[page] as string, page: page + 1 };
}

/**
 * Emulator figures: time to generate and load 100,000 jobs, and ListBackupJobs pages per second
 * through the real SDK over HTTP (one request at a time) for a first page and a page about 90% deep,
 * with MaxResults 100 and 1000, plus plain HTTP without the SDK, a selective filter and a daily summary.
 */
export async function benchEmulator(): Promise<Record<string, number>> {
  const started = performance.now();
  const emu = await startBackupEmulator({ jobs: JOBS, seed: 1 });
  const loadMs = performance.now() - started;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const client = new BackupClient({
    endpoint: emu.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY' },
  });
  try {
    const list = (input: { MaxResults: number; NextToken?: string; ByState?: 'FAILED' }) => () =>
      client.send(new ListBackupJobsCommand({ ByAccountId: '*', ...input }));
    const deep = await deepToken(client);
    const first100 = await rate(list({ MaxResults: 100 }));
    const first1000 = await rate(list({ MaxResults: 1000 }));
    const deep100 = await rate(list({ MaxResults: 100, NextToken: deep.token }));
    const deep1000 = await rate(list({ MaxResults: 1000, NextToken: deep.token }));
    const failed100 = await rate(list({ MaxResults: 100, ByState: 'FAILED' }));
    const auth =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/backup/aws4_request, Signature=0';
    const raw1000 = await rate(async () => {
      const res = await fetch(`${emu.url}/backup-jobs?accountId=*&maxResults=1000`, {
        headers: { authorization: auth },
      });
      await res.text();
    });
    const summary = await rate(() =>
      client.send(
        new ListBackupJobSummariesCommand({
          AggregationPeriod: 'ONE_DAY',
          AccountId: 'ANY',
          MaxResults: 500,
        }),
      ),
    );
    return {
      jobs: emu.jobCount(),
      loadMs: Math.round(loadMs),
      rssMb: Math.round(rssMb),
      deepPage: deep.page,
      firstPage100PerSec: Math.round(first100.perSecond),
      firstPage100P50Ms: round2(first100.p50Ms),
      firstPage1000PerSec: Math.round(first1000.perSecond),
      firstPage1000P50Ms: round2(first1000.p50Ms),
      deepPage100PerSec: Math.round(deep100.perSecond),
      deepPage100P50Ms: round2(deep100.p50Ms),
      deepPage1000PerSec: Math.round(deep1000.perSecond),
      deepPage1000P50Ms: round2(deep1000.p50Ms),
      rawHttpFirstPage1000P50Ms: round2(raw1000.p50Ms),
      failedFirstPage100PerSec: Math.round(failed100.perSecond),
      summaryOneDayPerSec: Math.round(summary.perSecond),
    };
  } finally {
    client.destroy();
    await emu.close();
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchEmulator();
  for (const [name, value] of Object.entries(results)) process.stdout.write(`${name.padEnd(28)}${value}\n`);
}
