import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/blocks/limits.js';
import { confirmDeleteMessage, fieldChanges, ruleHistoryMessage } from '../../src/blocks/rule-history.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

describe('rule history', () => {
  it('names who changed which rule when, and each field before and after', () => {
    const message = ruleHistoryMessage([
      {
        rule: 'prod',
        action: 'update',
        by: 'U0BOB',
        at: T0 + 60_000,
        version: 2,
        before: { name: 'prod', threshold: 3, states: ['FAILED'] },
        after: { name: 'prod', threshold: 5, states: ['FAILED', 'PARTIAL'] },
      },
      { rule: 'prod', action: 'create', by: 'U0ALICE', at: T0, version: 1, after: { name: 'prod' } },
    ]);
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe('Alert rule changes: 2 changes');
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(':pencil2: changed *prod* by <@U0BOB> <!date^1795428060^');
    expect(text).toContain('threshold: `3` → `5`');
    expect(text).toContain('states: `FAILED` → `FAILED, PARTIAL`');
    expect(text.indexOf('changed')).toBeLessThan(text.indexOf('created'));
  });

  it('lists only fields that changed, and says when a rule has no history', () => {
    expect(fieldChanges({ a: 1, b: [1] }, { a: 1, b: [1], c: 'x' })).toEqual(['c: — → `x`']);
    expect(JSON.stringify(ruleHistoryMessage([], 'gone').blocks)).toContain(
      '*gone* has no changes made in Slack',
    );
  });

  it('asks once more before a delete, with the version seen', () => {
    const message = confirmDeleteMessage('prod', 4, 'delete|prod|4');
    expect(checkMessage(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toMatch(/"value":"delete\|prod\|4".*"confirm":/);
  });
});
