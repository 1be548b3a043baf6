import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackupJob } from '../../src/backup/types.js';
import { CSV_COLUMNS, csvCell, csvFileName, csvHeader, csvRows } from '../../src/export/csv.js';

const job: BackupJob = {
  jobId: 'J-1',
  region: 'eu-west-1',
  accountId: '111122223333',
  state: 'COMPLETED',
  messageCategory: 'AccessDenied',
  resourceName: '=HYPERLINK("http://x")',
  resourceType: 'RDS',
  createdAt: '2026-11-23T08:00:00.000Z',
  completedAt: '2026-11-23T08:30:05.000Z',
  statusMessage: 'Line one\nsaid "no", twice',
  isParent: false,
};

describe('csv', () => {
  it('quotes separators, quotes and newlines as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t'])
      expect(csvCell(`${start}1+1`).startsWith(`'${start}`)).toBe(true);
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes one row per job with every column, issues and duration derived', () => {
    const lines = (csvHeader() + csvRows([job])).split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(lines[1]).toContain('J-1,COMPLETED,yes,"\'=HYPERLINK(""http://x"")",RDS,');
    expect(lines[1]).toContain(',1805,');
    expect(lines[1]).toContain('"Line one\nsaid ""no"", twice"');
  });

  it('names the file after the query and the day', () => {
    expect(csvFileName('failed last 3 days vault:prod', new Date('2026-11-23T10:00:00Z'))).toBe(
      'backup-jobs-failed-last-3-days-vault-prod-2026-11-23.csv',
    );
    expect(csvFileName('', new Date('2026-11-23T10:00:00Z'))).toBe('backup-jobs-2026-11-23.csv');
  });
});

describe('csvCell against spreadsheet formulas and invisible characters', () => {
  it('guards formulas behind leading spaces and invisible characters, and drops those characters', () => {
    expect(csvCell('  =HYPERLINK("x")')).toBe(`"'  =HYPERLINK(""x"")"`);
    expect(csvCell('\u200B=1+1')).toBe(`'=1+1`);
    expect(csvCell('\u00A0+cmd')).toBe(`'\u00A0+cmd`);
    expect(csvCell('orders\u202Edb')).toBe('ordersdb');
    expect(csvCell('plain-name')).toBe('plain-name');
    expect(csvCell(42)).toBe('42');
  });
});

describe('docs/csv.md', () => {
  it('documents every column, in order', () => {
    const doc = readFileSync(new URL('../../docs/csv.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]).filter((n) => n !== 'Column');
    expect(documented).toEqual(CSV_COLUMNS.map(([name]) => name));
  });
});
