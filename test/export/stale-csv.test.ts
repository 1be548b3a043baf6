import { describe, expect, it } from 'vitest';
import { STALE_COLUMNS, staleCsv, staleCsvHeader, staleCsvRows } from '../../src/export/stale-csv.js';
import { copy, entry, resource } from '../blocks/coverage-fixtures.js';
import { readCsv } from './csv-read.js';

const HEADER =
  'ResourceArn,ResourceName,ResourceType,AccountId,Region,LastGoodBackupAt,CompletedWithIssues,LastJobId,' +
  'LastJobState,LastJobAt,LastJobReason,Plan,Vault,DestinationRegion,DestinationAccountId,DestinationVault,' +
  'LastGoodCopyAt';

function rowsOf(text: string): Map<string, string>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => new Map((header ?? []).map((name, i) => [name, row[i] ?? ''])));
}

describe('staleCsv', () => {
  it('writes the header people filter on, in order', () => {
    expect(staleCsvHeader()).toBe(`${HEADER}\r\n`);
    expect(STALE_COLUMNS).toHaveLength(HEADER.split(',').length);
  });

  it('writes a backup entry with its last good backup and last job, and no destination', () => {
    const r = resource({ lastBackupAt: '2026-11-07T15:30:00.000Z', lastBackupWithIssues: true });
    const [row] = rowsOf(staleCsv([entry(r)]));
    expect(Object.fromEntries(row ?? [])).toEqual({
      ResourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
      ResourceName: 'orders-db',
      ResourceType: 'RDS',
      AccountId: '123456789012',
      Region: 'us-east-1',
      LastGoodBackupAt: '2026-11-07T15:30:00.000Z',
      CompletedWithIssues: 'yes',
      LastJobId: 'F0000000-0000-4000-8000-000000000001',
      LastJobState: 'FAILED',
      LastJobAt: r.lastJob?.at,
      LastJobReason: 'Access denied to KMS key',
      Plan: 'daily-35d',
      Vault: 'prod-vault',
      DestinationRegion: '',
      DestinationAccountId: '',
      DestinationVault: '',
      LastGoodCopyAt: '',
    });
  });

  it('writes a copy entry with its destination and the copy’s last job', () => {
    const c = copy({ lastCopyAt: '2026-11-06T15:30:00.000Z' });
    const [row] = rowsOf(staleCsv([entry(resource(), c)]));
    expect(row?.get('DestinationRegion')).toBe('us-west-2');
    expect(row?.get('DestinationAccountId')).toBe('999988887777');
    expect(row?.get('DestinationVault')).toBe('dr-vault');
    expect(row?.get('LastGoodCopyAt')).toBe('2026-11-06T15:30:00.000Z');
    expect(row?.get('LastJobId')).toBe('C0000000-0000-4000-8000-000000000009');
    expect(row?.get('LastJobReason')).toBe('Throttled');
  });

  it('leaves cells empty for what is not known, and issues unsaid without a good backup', () => {
    const bare = { resourceArn: 'arn:aws:s3:::b', accountId: '123456789012', region: 'eu-west-1' };
    const [row] = rowsOf(staleCsv([{ resource: bare }]));
    expect([...(row?.values() ?? [])]).toEqual([
      'arn:aws:s3:::b',
      '',
      '',
      '123456789012',
      'eu-west-1',
      ...Array(12).fill(''),
    ]);
    const ok = rowsOf(staleCsv([entry(resource())]))[0];
    expect(ok?.get('CompletedWithIssues')).toBe('no');
  });

  it('quotes separators and newlines, and defuses formulas, as every export does', () => {
    const evil = resource({
      resourceName: '=HYPERLINK("http://evil.example","x")',
      plan: '+1+1',
      vault: '@SUM(A1)',
      lastJob: {
        jobId: 'J',
        state: 'FAILED',
        at: '2026-11-10T00:00:00Z',
        reason: 'line one\nsaid "no", twice\u202e',
      },
    });
    const text = staleCsvRows([entry(evil)]);
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(text).toContain(",'+1+1,'@SUM(A1),");
    const [row] = readCsv(text);
    expect(row?.[10]).toBe('line one\nsaid "no", twice');
  });

  it('writes one row per entry, in the order given', () => {
    const rows = readCsv(
      staleCsvRows([entry(resource({ resourceName: 'b' })), entry(resource({ resourceName: 'a' }))]),
    );
    expect(rows.map((r) => r[1])).toEqual(['b', 'a']);
    expect(staleCsv([])).toBe(staleCsvHeader());
  });
});
