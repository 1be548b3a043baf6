import type { Job, JobOf } from '../backup/types.js';
import { stripInvisible } from '../blocks/text.js';
import type { JobKind } from '../domain/index.js';
import { BACKUP_COLUMNS } from './backup-columns.js';
import type { Cell, Column } from './columns.js';
import { COPY_COLUMNS } from './copy-columns.js';
import { RESTORE_COLUMNS } from './restore-columns.js';

/**
 * CSV columns per kind of job, in order: a header people can read and every field worth filtering
 * in a sheet (docs/csv.md documents them). An export is of one kind, so each file has one header.
 */
export const CSV_COLUMNS: { readonly [K in JobKind]: readonly Column<JobOf<K>>[] } = {
  backup: BACKUP_COLUMNS,
  copy: COPY_COLUMNS,
  restore: RESTORE_COLUMNS,
};

/** The column names of a kind, in order. */
export function csvColumns(kind: JobKind): string[] {
  return CSV_COLUMNS[kind].map(([name]) => name);
}

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first, also
 * after leading spaces) is prefixed with a quote, and invisible characters are dropped: job data comes
 * from resource names anyone in the account can choose.
 */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  let text = typeof value === 'string' ? stripInvisible(value) : String(value);
  if (typeof value === 'string' && /^[\s\u00A0]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(kind: JobKind): string {
  return `${csvColumns(kind).join(',')}\r\n`;
}

function row<J>(columns: readonly Column<J>[], job: J): string {
  return `${columns.map(([, value]) => csvCell(value(job))).join(',')}\r\n`;
}

function rowOf(job: Job): string {
  switch (job.kind) {
    case 'backup':
      return row(CSV_COLUMNS.backup, job);
    case 'copy':
      return row(CSV_COLUMNS.copy, job);
    case 'restore':
      return row(CSV_COLUMNS.restore, job);
  }
}

/** One row per job, each with its kind's columns (an export's jobs are all of the query's kind). */
export function csvRows(jobs: readonly Job[]): string {
  let out = '';
  for (const job of jobs) out += rowOf(job);
  return out;
}

/** `backup-jobs-failed-last-3-days-2026-11-23.csv`: the query in a file name people recognise. */
export function csvFileName(queryText: string, now: Date): string {
  const slug = queryText
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `backup-jobs${slug ? `-${slug}` : ''}-${now.toISOString().slice(0, 10)}.csv`;
}
