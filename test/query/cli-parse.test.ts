import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_EXAMPLE } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npx tsx src/main.ts parse …` in the repository and returns its exit status and output. */
function parseCli(args: string[]): { code: number | null; stdout: string } {
  const child = spawnSync('npx', ['tsx', 'src/main.ts', 'parse', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout };
}

describe('backup-jobs parse', () => {
  it('prints the JSON of the example from the issue and exits 0', () => {
    const { code, stdout } = parseCli([
      ISSUE_EXAMPLE.text,
      '--now',
      '2026-11-23T10:00:00Z',
      '--tz',
      ISSUE_EXAMPLE.tz,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(ISSUE_EXAMPLE.json);
  });

  it('prints copy and restore queries with their own operation input names', () => {
    const { code, stdout } = parseCli(['copies failed to vault:dr-vault', '--now', '2026-11-23T10:00:00Z']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      kind: 'list',
      jobKind: 'copy',
      states: ['FAILED'],
      filters: {},
      checkedOnEachJob: { DestinationVaultName: 'dr-vault' },
    });
    const restore = parseCli(['restore tests timed out', '--now', '2026-11-23T10:00:00Z']);
    expect(JSON.parse(restore.stdout)).toMatchObject({
      jobKind: 'restore',
      validation: ['TIMED_OUT'],
      testsOnly: true,
    });
  });

  it('prints protection-gap questions with their age in seconds, and exits 2 on a bad age', () => {
    const { code, stdout } = parseCli([
      'stale',
      'copies',
      '48h',
      'type:rds',
      '--now',
      '2026-11-23T10:00:00Z',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      kind: 'stale',
      maxAgeSeconds: 172_800,
      copies: true,
      filters: { accounts: [], regions: [], resourceTypes: ['RDS'], vaults: [] },
      pageSize: 10,
      visibility: 'ephemeral',
    });
    const bad = parseCli(['stale 400d', '--now', '2026-11-23T10:00:00Z']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ suggestions: ['stale 365d'] });
  });

  it('prints the error JSON and exits 2 for a query it cannot understand', () => {
    const { code, stdout } = parseCli(['xyzzy or partial since monday 9am', '--now', '2026-11-23T10:00:00Z']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: '"xyzzy" is not a word I know. Type "help" to see the words I understand.',
      suggestions: ['help'],
    });
  });
});
