import { pathToFileURL } from 'node:url';
import { BackupClient, ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { createBackupClients, createBackupGateway } from '../src/backup/index.js';
import { startBackupEmulator } from '../src/emulator/aws/index.js';
import type { ListQuery } from '../src/query/types.js';

const CREDENTIALS = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };
const REGIONS = ['us-east-1', 'eu-west-1'];

const everything: ListQuery = {
  kind: 'list',
  jobKind: 'backup',
  validation: [],
  testsOnly: false,
  text: 'all',
  notes: [],
  visibility: 'ephemeral',
  states: [],
  withIssues: false,
  filters: { account: '*' },
  regions: [],
  pageSize: 10,
};

/** What `aws backup list-backup-jobs` does: every page of every region, one after the other, then print. */
async function fullListing(url: string): Promise<number> {
  let jobs = 0;
  for (const region of REGIONS) {
    const client = new BackupClient({ region, endpoint: url, credentials: CREDENTIALS });
    let token: string | undefined;
    do {
      const out = await client.send(new ListBackupJobsCommand({ ByAccountId: '*', NextToken: token }));
      jobs += out.BackupJobs?.length ?? 0;
      token = out.NextToken;
    } while (token);
    client.destroy();
  }
  return jobs;
}

/** Time to the bot's first page against a full listing of the same query, 20 ms per AWS call. */
export async function benchFirstPage(
  sizes: readonly number[] = [20_000, 100_000],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const size of sizes) {
    const aws = await startBackupEmulator({ jobs: size, regions: REGIONS, latencyMs: 20, seed: 4 });
    const clients = createBackupClients({ regions: REGIONS, endpoint: aws.url, credentials: CREDENTIALS });
    const gateway = createBackupGateway({ clients });
    await gateway.fetchPage(gateway.openListing(everything), 10);
    let t = performance.now();
    const page = await gateway.fetchPage(gateway.openListing(everything), 10);
    const firstMs = performance.now() - t;
    t = performance.now();
    const total = await fullListing(aws.url);
    const fullMs = performance.now() - t;
    const label = `${Math.round(total / 1000)}k jobs`;
    out[`first page ms (${label})`] = Math.round(firstMs);
    out[`first page AWS calls (${label})`] = page.calls;
    out[`full listing ms (${label})`] = Math.round(fullMs);
    out[`full listing / first page (${label})`] = Math.round(fullMs / firstMs);
    clients.destroy();
    await aws.close();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchFirstPage());
}
