import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createBackupClients, createBackupGateway } from '../src/backup/index.js';
import { csvHeader, csvRows } from '../src/export/csv.js';

/** Streams a whole listing into a CSV file, as the export does, and prints rows and peak RSS (MiB). */
const [endpoint, regions, path] = process.argv.slice(2) as [string, string, string];
const clients = createBackupClients({
  regions: regions.split(','),
  endpoint,
  credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
});
const gateway = createBackupGateway({ clients, defaultAccountId: '*' });
const listing = gateway.openListing({
  kind: 'list',
  jobKind: 'backup',
  validation: [],
  testsOnly: false,
  text: 'all',
  notes: [],
  visibility: 'ephemeral',
  states: [],
  withIssues: false,
  filters: {},
  regions: [],
  pageSize: 10,
});
const file = createWriteStream(path);
file.write(csvHeader('backup'));
let rows = 0;
let maxHeapMb = 0;
for await (const batch of gateway.iterateJobs(listing)) {
  rows += batch.length;
  maxHeapMb = Math.max(maxHeapMb, process.memoryUsage().heapUsed / 2 ** 20);
  if (!file.write(csvRows(batch))) await once(file, 'drain');
}
file.end();
await once(file, 'finish');
clients.destroy();
process.stdout.write(JSON.stringify({ rows, maxHeapMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
