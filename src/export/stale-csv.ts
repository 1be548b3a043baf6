import { yesNo } from '../blocks/format.js';
import type { StaleEntry } from '../coverage/queries.js';
import type { Column } from './columns.js';
import { csvCell } from './csv.js';

/** The job a row reports: the copy's last job for a copy destination, else the resource's. */
function lastJob(entry: StaleEntry) {
  return entry.copy ? entry.copy.lastJob : entry.resource.lastJob;
}

/**
 * The columns of a stale export, in order: the resource, its last good backup, the last job of what
 * is stale (the copy's on a copy row), its plan and vault, then the copy destination, empty on
 * backup rows. Sheets rely on this order: new columns go at the end.
 */
export const STALE_COLUMNS: readonly Column<StaleEntry>[] = [
  ['ResourceArn', (e) => e.resource.resourceArn],
  ['ResourceName', (e) => e.resource.resourceName],
  ['ResourceType', (e) => e.resource.resourceType],
  ['AccountId', (e) => e.resource.accountId],
  ['Region', (e) => e.resource.region],
  ['LastGoodBackupAt', (e) => e.resource.lastBackupAt],
  [
    'CompletedWithIssues',
    (e) =>
      e.resource.lastBackupAt === undefined ? undefined : yesNo(e.resource.lastBackupWithIssues === true),
  ],
  ['LastJobId', (e) => lastJob(e)?.jobId],
  ['LastJobState', (e) => lastJob(e)?.state],
  ['LastJobAt', (e) => lastJob(e)?.at],
  ['LastJobReason', (e) => lastJob(e)?.reason],
  ['Plan', (e) => e.resource.plan],
  ['Vault', (e) => e.resource.vault],
  ['DestinationRegion', (e) => e.copy?.destinationRegion],
  ['DestinationAccountId', (e) => e.copy?.destinationAccountId],
  ['DestinationVault', (e) => e.copy?.destinationVault],
  ['LastGoodCopyAt', (e) => e.copy?.lastCopyAt],
];

/** The header line of a stale export. */
export function staleCsvHeader(): string {
  return `${STALE_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/** One row per entry, in the order given. */
export function staleCsvRows(entries: readonly StaleEntry[]): string {
  let out = '';
  for (const entry of entries)
    out += `${STALE_COLUMNS.map(([, value]) => csvCell(value(entry))).join(',')}\r\n`;
  return out;
}

/** A whole stale export: the header and a row per entry, cells escaped as every export's are. */
export function staleCsv(entries: readonly StaleEntry[]): string {
  return staleCsvHeader() + staleCsvRows(entries);
}
