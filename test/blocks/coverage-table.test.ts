import { describe, expect, it } from 'vitest';
import { ACTION, decodeQueryValue, indexedActionId } from '../../src/blocks/actions.js';
import {
  type CoverageTableInput,
  coverageTable,
  MAX_COVERAGE_ROWS,
} from '../../src/blocks/coverage-table.js';
import { ageWord, groupStaleQuery, resourceJobsQuery } from '../../src/blocks/resource-queries.js';
import { parseDuration } from '../../src/time/duration.js';
import { group, NOW, status } from './coverage-fixtures.js';
import { allText, element, elements, mrkdwnTexts, textsOf } from './inspect.js';

const HOUR = 3_600_000;
const input: CoverageTableInput = {
  title: 'Coverage, all accounts',
  groups: [
    group({ resourceType: 'EFS', fresh: 9, stale: 0, never: 0 }),
    group({ resourceType: 'RDS', region: 'eu-west-1', fresh: 3, stale: 1, never: 0 }),
    group({ resourceType: 'RDS', fresh: 5, stale: 2, never: 1 }),
    group({ resourceType: 'EBS', accountId: '222233334444', fresh: 0, stale: 6, never: 4 }),
  ],
  maxAgeMs: 26 * HOUR,
  status: status(),
  visibility: 'ephemeral',
  timeZone: 'Europe/Berlin',
  now: NOW,
};

describe('coverageTable', () => {
  const msg = coverageTable(input);
  const sections = textsOf(msg, 'section');
  const rows = msg.blocks.flatMap((b) =>
    b.type === 'section' && b.text && b.block_id?.startsWith('bj_coverage_row') ? [b.text.text] : [],
  );

  it('totals every resource and says what stale means', () => {
    expect(sections[0]).toBe(
      ':no_entry_sign: *31 resources*: 17 fresh · 9 stale · 5 never backed up\n_Stale: no good backup in the last 1 day 2 hours._',
    );
    expect(msg.text).toBe('Coverage, all accounts: 31 resources, 17 fresh · 9 stale · 5 never backed up');
  });

  it('totals each resource type, most stale first', () => {
    expect(sections[1]?.split('\n')).toEqual([
      '*By resource type*',
      ':no_entry_sign: *EBS*: 0 fresh · 6 stale · 4 never backed up',
      ':no_entry_sign: *RDS*: 8 fresh · 3 stale · 1 never backed up',
      ':large_green_circle: *EFS*: 9 fresh · 0 stale · 0 never backed up',
    ]);
  });

  it('has a row per type, account and Region, by type and stalest first', () => {
    expect(rows).toEqual([
      ':no_entry_sign: *EBS* · account `222233334444` · us-east-1\n0 fresh · 6 stale · 4 never backed up',
      ':no_entry_sign: *RDS* · account `123456789012` · us-east-1\n5 fresh · 2 stale · 1 never backed up',
      ':warning: *RDS* · account `123456789012` · eu-west-1\n3 fresh · 1 stale · 0 never backed up',
      ':large_green_circle: *EFS* · account `123456789012` · us-east-1\n9 fresh · 0 stale · 0 never backed up',
    ]);
  });

  it('leads each row with something stale into its stale list, and none for a fresh one', () => {
    const values = elements(msg).map((e) => [e.action_id, decodeQueryValue(e.value)]);
    expect(values).toEqual([
      [indexedActionId(ACTION.runAgain, 0), 'stale 26h type:EBS account:222233334444 region:us-east-1'],
      [indexedActionId(ACTION.runAgain, 1), 'stale 26h type:RDS account:123456789012 region:us-east-1'],
      [indexedActionId(ACTION.runAgain, 2), 'stale 26h type:RDS account:123456789012 region:eu-west-1'],
    ]);
  });

  it('keeps the coverage query’s vaults in a group’s stale list', () => {
    const vaulted = coverageTable({ ...input, vaults: ['prod', 'dr-vault'] });
    expect(decodeQueryValue(element(vaulted, indexedActionId(ACTION.runAgain, 0))?.value)).toBe(
      'stale 26h type:EBS account:222233334444 region:us-east-1 vault:prod vault:dr-vault',
    );
  });

  it('shows the status of the kept state', () => {
    expect(textsOf(msg, 'context')[0]).toContain('As of the pass that finished today 16:28 (2 minutes ago)');
  });

  it('shows at most 40 groups, then counts the rest', () => {
    const groups = Array.from({ length: 100 }, (_, i) =>
      group({ accountId: String(100000000000 + i), stale: i, never: 0, fresh: 1 }),
    );
    const big = coverageTable({ ...input, groups });
    const shown = textsOf(big, 'section').filter((s) => s.includes('· account'));
    expect(shown).toHaveLength(MAX_COVERAGE_ROWS);
    expect(shown[0]).toContain('`100000000099`');
    expect(textsOf(big, 'context').at(-1)).toContain('…and 60 more groups');
  });

  it('says when no known resource matches', () => {
    const none = coverageTable({ ...input, groups: [] });
    expect(allText(none)).toContain('No known resource matches.');
    expect(elements(none)).toEqual([]);
  });

  it('escapes resource types AWS may add, and offers no list for a type no query names', () => {
    const odd = coverageTable({
      ...input,
      groups: [
        group({ resourceType: '<!channel> *new*' }),
        group({ resourceType: 'unknown', accountId: '999988887777' }),
      ],
    });
    for (const text of [...mrkdwnTexts(odd), odd.text]) expect(text).not.toContain('<!channel>');
    expect(allText(odd)).toContain('_type unknown_');
    expect(elements(odd)).toEqual([]);
  });
});

describe('resource query texts', () => {
  it('write an age exactly, in the largest unit that holds it', () => {
    expect(ageWord(26 * HOUR)).toBe('26h');
    expect(ageWord(7 * 24 * HOUR)).toBe('7d');
    expect(ageWord(90 * 60_000)).toBe('90m');
    for (const ms of [26 * HOUR, 3 * 24 * HOUR, 90 * 60_000, 45_000, 36 * HOUR + 60_000])
      expect(parseDuration(ageWord(ms))).toBe(ms);
  });

  it('quote a resource type with spaces, and refuse one no quoting keeps whole', () => {
    expect(groupStaleQuery(group({ resourceType: 'SAP HANA on Amazon EC2' }), 26 * HOUR)).toBe(
      'stale 26h type:"SAP HANA on Amazon EC2" account:123456789012 region:us-east-1',
    );
    expect(groupStaleQuery(group({ resourceType: 'Odd "type"' }), HOUR)).toBeUndefined();
    expect(groupStaleQuery(group({ accountId: '*' }), HOUR)).toBeUndefined();
    expect(groupStaleQuery(group({ region: 'moon-1' }), HOUR)).toBeUndefined();
    expect(groupStaleQuery(group(), HOUR, ['no vault!'])).toBeUndefined();
  });

  it('name a resource’s backup and copy jobs, and nothing for an ARN a query cannot name', () => {
    const arn = 'arn:aws:s3:::my-bucket';
    expect(resourceJobsQuery(arn, 'backup')).toBe('resource:arn:aws:s3:::my-bucket last 30 days');
    expect(resourceJobsQuery(arn, 'copy')).toBe('copies resource:arn:aws:s3:::my-bucket last 30 days');
    expect(resourceJobsQuery('arn:aws:s3:::a b', 'backup')).toBeUndefined();
  });
});
