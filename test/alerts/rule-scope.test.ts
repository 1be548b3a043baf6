import { describe, expect, it } from 'vitest';
import { memoizeCount, scopeKey } from '../../src/alerts/count-memo.js';
import { ruleToListQuery } from '../../src/alerts/list-query.js';
import { ruleScope } from '../../src/alerts/tick.js';
import type { CountScope, WindowCount } from '../../src/alerts/types.js';
import { rule } from './rule-fixture.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const WINDOW = { start: new Date('2026-11-23T09:00:00Z'), end: NOW };

function counted(total: number): WindowCount {
  return {
    total,
    byState: {},
    byAccount: {},
    byRegion: {},
    byResourceType: {},
    topReasons: [],
    topResources: [],
    failedRegions: [],
    calls: 1,
  };
}

describe('the scope a rule counts in', () => {
  it('names the kind of job: backup unless the rule says otherwise', () => {
    expect(ruleScope(rule())).toMatchObject({ jobKind: 'backup', states: ['FAILED', 'PARTIAL'] });
    expect(ruleScope(rule({ kind: 'copy', vaults: ['dr-vault'] }))).toEqual({
      jobKind: 'copy',
      states: ['FAILED', 'PARTIAL'],
      accounts: ['*'],
      resourceTypes: [],
      vaults: ['dr-vault'],
      regions: [],
    });
    expect(ruleScope(rule({ kind: 'restore', states: ['VALIDATION_FAILED'] })).jobKind).toBe('restore');
  });

  it('keys a count by kind, so a copy rule and a backup rule never share one', () => {
    const backup = ruleScope(rule());
    const copy = ruleScope(rule({ kind: 'copy' }));
    expect(scopeKey(backup)).not.toBe(scopeKey(copy));
    // A scope without a kind counts backup jobs: it is the same scope as one that says so.
    const { jobKind: _kind, ...unnamed } = backup;
    expect(scopeKey(unnamed)).toBe(scopeKey(backup));
    expect(scopeKey({ ...copy, states: ['PARTIAL', 'FAILED', 'FAILED'] })).toBe(scopeKey(copy));
  });

  it('shares one count among rules of the same kind and scope, and counts each kind apart', async () => {
    const asked: CountScope[] = [];
    const memo = memoizeCount(async (scope) => {
      asked.push(scope);
      return counted(scope.jobKind === 'copy' ? 7 : 2);
    });
    const results = await Promise.all(
      [rule(), rule({ name: 'twin' }), rule({ kind: 'copy' }), rule({ kind: 'copy', name: 'dr' })].map((r) =>
        memo(ruleScope(r), WINDOW),
      ),
    );
    expect(results.map((r) => r.total)).toEqual([2, 2, 7, 7]);
    expect(asked.map((s) => s.jobKind)).toEqual(['backup', 'copy']);
    expect(memo.stats).toEqual({ asked: 4, counted: 2 });
  });
});

describe('the list behind Show jobs', () => {
  it('lists copy jobs in the rule states, with issues, in the rule vault (source or destination)', () => {
    const query = ruleToListQuery(
      rule({ kind: 'copy', states: ['FAILED', 'COMPLETED_WITH_ISSUES'], vaults: ['dr-vault'] }),
      NOW,
    );
    expect(query).toMatchObject({
      kind: 'list',
      jobKind: 'copy',
      states: ['FAILED'],
      withIssues: true,
      validation: [],
      testsOnly: false,
      filters: { completedAfter: '2026-11-23T09:00:00.000Z', account: '*', vault: 'dr-vault' },
    });
  });

  it('lists restore jobs whose validation failed or timed out, beside failed restores', () => {
    const query = ruleToListQuery(
      rule({
        kind: 'restore',
        states: ['FAILED', 'VALIDATION_FAILED', 'VALIDATION_TIMED_OUT', 'VALIDATION_FAILED'],
        resourceTypes: ['RDS'],
      }),
      NOW,
    );
    expect(query).toMatchObject({
      jobKind: 'restore',
      states: ['FAILED'],
      withIssues: false,
      validation: ['FAILED', 'TIMED_OUT'],
      testsOnly: false,
      filters: { completedAfter: '2026-11-23T09:00:00.000Z', account: '*', resourceType: 'RDS' },
    });
  });

  it('lists backup jobs as before', () => {
    expect(ruleToListQuery(rule({ states: ['ABORTED', 'COMPLETED_WITH_ISSUES'] }), NOW)).toMatchObject({
      jobKind: 'backup',
      states: ['ABORTED'],
      withIssues: true,
      validation: [],
    });
  });
});
