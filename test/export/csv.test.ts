import { describe, expect, it } from 'vitest';
import type { BackupJob, CopyJob, RestoreJob } from '../../src/backup/types.js';
import { JOB_KINDS, type JobKind } from '../../src/domain/index.js';
import { CSV_COLUMNS, csvCell, csvColumns, csvFileName, csvHeader, csvRows } from '../../src/export/csv.js';
import { copyJob, restoreJob } from '../blocks/fixtures.js';
import { cellsByName, documentedColumns, readCsv } from './csv-read.js';

const job: BackupJob = {
  kind: 'backup',
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

/** The backup columns as existing sheets know them: they never move. */
const BACKUP_HEADER =
  'JobId,State,CompletedWithIssues,ResourceName,ResourceType,ResourceArn,AccountId,Region,BackupVault,' +
  'CreatedAt,CompletedAt,DurationSeconds,SizeBytes,PercentDone,MessageCategory,StatusMessage,BackupPlan,' +
  'BackupRule,BackupType,ParentJobId,IsParent,RecoveryPointArn,IamRoleArn,BackupVaultArn,VaultType,' +
  'VaultLockState,IsEncrypted,EncryptionKeyArn,StartBy,ExpectedCompletionDate,InitiationDate,' +
  'BytesTransferred,BackupPlanId,BackupPlanArn,BackupPlanVersion,BackupRuleId,BackupRuleCron,' +
  'BackupRuleTimezone,MoveToColdStorageAfterDays,DeleteAfterDays,OptInToArchiveForSupportedResources,' +
  'DeleteAfterEvent,BackupOptions';

/** The header and one row of a job, as a map from column to cell. */
function cellsOf(kind: JobKind, one: BackupJob | CopyJob | RestoreJob): Map<string, string> {
  return cellsByName(csvHeader(kind) + csvRows([one]));
}

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
    const lines = (csvHeader('backup') + csvRows([job])).split('\r\n');
    expect(readCsv(csvHeader('backup'))[0]).toHaveLength(CSV_COLUMNS.backup.length);
    expect(lines[1]).toContain('J-1,COMPLETED,yes,"\'=HYPERLINK(""http://x"")",RDS,');
    expect(lines[1]).toContain(',1805,');
    expect(lines[1]).toContain('"Line one\nsaid ""no"", twice"');
  });

  it('keeps the backup columns existing sheets rely on, in their order', () => {
    expect(csvHeader('backup')).toBe(`${BACKUP_HEADER}\r\n`);
  });

  it('names the file after the query and the day', () => {
    expect(csvFileName('failed last 3 days vault:prod', new Date('2026-11-23T10:00:00Z'))).toBe(
      'backup-jobs-failed-last-3-days-vault-prod-2026-11-23.csv',
    );
    expect(csvFileName('', new Date('2026-11-23T10:00:00Z'))).toBe('backup-jobs-2026-11-23.csv');
  });
});

describe('csv of copy jobs', () => {
  it('starts as a backup CSV does, with the two vaults in place of the one', () => {
    expect(csvColumns('copy').slice(0, 10)).toEqual([
      'JobId',
      'State',
      'CompletedWithIssues',
      'ResourceName',
      'ResourceType',
      'ResourceArn',
      'AccountId',
      'Region',
      'SourceBackupVault',
      'DestinationBackupVault',
    ]);
  });

  it('writes where a copy goes, the backup job it copies and its child jobs', () => {
    const cells = cellsOf(
      'copy',
      copyJob({
        state: 'COMPLETED',
        messageCategory: 'Success',
        isParent: true,
        childJobCount: 3,
        childJobsInState: { COMPLETED: 2, FAILED: 1 },
        destinationLifecycle: { deleteAfterDays: 90 },
      }),
    );
    expect(cells.get('JobId')).toBe('C0000000-0000-4000-8000-000000000001');
    expect(cells.get('CompletedWithIssues')).toBe('no');
    expect(cells.get('SourceBackupVault')).toBe('prod-vault');
    expect(cells.get('DestinationBackupVault')).toBe('dr-vault');
    expect(cells.get('DestinationRegion')).toBe('us-west-2');
    expect(cells.get('DestinationAccountId')).toBe('222233334444');
    expect(cells.get('BackupJobId')).toBe('A1B2C3D4-0000-4000-8000-000000000001');
    expect(cells.get('DurationSeconds')).toBe('2850');
    expect(cells.get('NumberOfChildJobs')).toBe('3');
    expect(cells.get('ChildJobsInState')).toBe('COMPLETED=2;FAILED=1');
    expect(cells.get('DestinationDeleteAfterDays')).toBe('90');
    expect(cells.get('IsParent')).toBe('yes');
  });

  it('marks a copy that completed with issues', () => {
    expect(cellsOf('copy', copyJob({ messageCategory: 'AccessDenied' })).get('CompletedWithIssues')).toBe(
      'yes',
    );
  });

  it('defuses formulas in what AWS sends about copies', () => {
    const one = copyJob({ destinationVaultName: '@SUM(A1)', statusMessage: '+1, "two"' });
    const cells = cellsOf('copy', one);
    expect(cells.get('DestinationBackupVault')).toBe("'@SUM(A1)");
    expect(cells.get('StatusMessage')).toBe(`'+1, "two"`);
    expect(csvRows([one])).toContain(`"'+1, ""two"""`);
  });
});

describe('csv of restore jobs', () => {
  it('starts as a backup CSV does, without the columns restores do not have', () => {
    expect(csvColumns('restore').slice(0, 7)).toEqual([
      'JobId',
      'State',
      'ResourceType',
      'ResourceArn',
      'AccountId',
      'Region',
      'BackupVault',
    ]);
    for (const absent of ['CompletedWithIssues', 'ResourceName', 'MessageCategory'])
      expect(csvColumns('restore')).not.toContain(absent);
  });

  it('writes a restore test, how its validation went and the expected duration', () => {
    const cells = cellsOf(
      'restore',
      restoreJob({ validationStatus: 'FAILED', validationMessage: '=cmd|x', deletionMessage: 'gone' }),
    );
    expect(cells.get('State')).toBe('COMPLETED');
    expect(cells.get('ResourceArn')).toBe('arn:aws:rds:us-east-1:123456789012:db:orders-db');
    expect(cells.get('BackupVault')).toBe('prod-vault');
    expect(cells.get('CreatedResourceArn')).toBe(
      'arn:aws:rds:us-east-1:123456789012:db:orders-db-restore-test',
    );
    expect(cells.get('ExpectedCompletionTimeMinutes')).toBe('30');
    expect(cells.get('RestoreTestingPlanArn')).toBe(
      'arn:aws:backup:us-east-1:123456789012:restore-testing-plan:weekly-rds',
    );
    expect(cells.get('ValidationStatus')).toBe('FAILED');
    expect(cells.get('ValidationStatusMessage')).toBe("'=cmd|x");
    expect(cells.get('DeletionStatus')).toBe('SUCCESSFUL');
    expect(cells.get('DeletionStatusMessage')).toBe('gone');
    expect(cells.get('RecoveryPointCreationDate')).toBe('2026-11-10T02:00:00.000Z');
  });
});

describe('csvRows of several kinds', () => {
  it("writes each row with its own kind's columns", () => {
    const rows = readCsv(csvRows([job, copyJob(), restoreJob()]));
    expect(rows.map((r) => r.length)).toEqual([
      CSV_COLUMNS.backup.length,
      CSV_COLUMNS.copy.length,
      CSV_COLUMNS.restore.length,
    ]);
    expect(rows.map((r) => r[0])).toEqual(['J-1', copyJob().jobId, restoreJob().jobId]);
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
  it.each(JOB_KINDS)('documents every %s column, in order', (kind) => {
    expect(documentedColumns(kind)).toEqual(csvColumns(kind));
  });

  it('has unique column names per kind', () => {
    for (const kind of JOB_KINDS) expect(new Set(csvColumns(kind)).size).toBe(csvColumns(kind).length);
  });
});
