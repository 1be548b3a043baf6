import { describe, expect, it } from 'vitest';
import { listTextOf } from '../../src/query/list-text.js';
import { parseQuery } from '../../src/query/parse.js';
import type { CountQuery, ListQuery } from '../../src/query/types.js';
import { countsOfSummary, summaryOf } from '../../src/slack/show-count.js';
import { rankedWords } from '../../src/slack/show-top.js';
import { dailyRows, NOW, summary } from '../blocks/fixtures.js';

const at = { now: NOW, timeZone: 'Europe/Berlin' };

function question(text: string): CountQuery {
  const parsed = parseQuery(text, at);
  if (!parsed.ok || parsed.query.kind !== 'count') throw new Error(`not a count: ${text}`);
  return parsed.query;
}

function list(text: string): ListQuery {
  const parsed = parseQuery(text, at);
  if (!parsed.ok || parsed.query.kind !== 'list') throw new Error(`not a list: ${text}`);
  return parsed.query;
}

describe('which count the Summaries API answers', () => {
  it.each([
    ['how many failed last 7 days', { period: 'SEVEN_DAYS' }],
    [
      'how many last 14 days type:rds account:*',
      { period: 'FOURTEEN_DAYS', resourceType: 'RDS', account: '*' },
    ],
    [
      'how many copies failed last 2 weeks category:AccessDenied',
      { period: 'FOURTEEN_DAYS', messageCategory: 'AccessDenied' },
    ],
    ['how many completed with issues last 168 hours', { period: 'SEVEN_DAYS' }],
  ])('%s: from summaries', (text, input) => {
    expect(summaryOf(question(text))?.summary).toEqual(input);
  });

  it.each([
    'how many failed last 24h',
    'how many failed this week',
    'how many failed last 7 days vault:prod',
    'how many failed last 8 days',
    'how many restore tests failed last 7 days',
    'how many restores failed last 7 days',
    // summaries count by creation time: a completion window needs the jobs
    'how many ended last 7 days',
  ])('%s: counted from the jobs', (text) => {
    expect(summaryOf(question(text))).toBeUndefined();
  });
});

describe('counts read off summary rows', () => {
  const rows = dailyRows(1, 2);
  const completed = rows.filter((r) => r.state === 'COMPLETED').reduce((n, r) => n + r.count, 0);
  const issues = rows
    .filter((r) => r.state === 'COMPLETED' && r.messageCategory !== 'SUCCESS')
    .reduce((n, r) => n + r.count, 0);
  const failed = rows.filter((r) => r.state === 'FAILED').reduce((n, r) => n + r.count, 0);

  it('counts the states asked, every state when none was, and completed with issues inside completed', () => {
    const asked = countsOfSummary(question('how many failed last 7 days').list, summary('SEVEN_DAYS', rows));
    expect(asked).toMatchObject({ source: 'summaries', total: failed, byState: { FAILED: failed } });
    expect(asked?.issues).toBeUndefined();
    const every = countsOfSummary(question('how many last 7 days').list, summary('SEVEN_DAYS', rows))!;
    expect(every.total).toBe(rows.reduce((n, r) => n + r.count, 0));
    expect(every.byState.COMPLETED).toBe(completed);
    expect(every.issues).toBe(issues);
    const withIssues = countsOfSummary(
      question('how many completed with issues last 7 days').list,
      summary('SEVEN_DAYS', rows),
    );
    expect(withIssues).toMatchObject({ total: issues, byState: { COMPLETED_WITH_ISSUES: issues } });
  });

  it('gives up when the rows cannot tell completed with issues (categories aggregated)', () => {
    const aggregated = rows.map((r) => ({ ...r, messageCategory: 'AGGREGATE_ALL' }));
    expect(
      countsOfSummary(
        question('how many completed with issues last 7 days').list,
        summary('SEVEN_DAYS', aggregated),
      ),
    ).toBeUndefined();
  });
});

describe('the list text a button runs', () => {
  it('restates a question’s list in words that read back as that list', () => {
    const asked = question('how many copies failed type:rds account:* region:eu-west-1 last 24h').list;
    expect(listTextOf(asked, asked, at)).toBe('copies failed type:RDS account:* region:eu-west-1 last 24h');
    expect(listTextOf(asked, { states: ['PARTIAL'], withIssues: false, validation: [] }, at)).toBe(
      'copies partial type:RDS account:* region:eu-west-1 last 24h',
    );
    const issues = { states: [], withIssues: true, validation: [] };
    expect(listTextOf(list('last 7 days'), issues, at)).toBe('completed with issues last 7 days');
  });

  it('leads with the resource of a ranked row, and quotes values with spaces', () => {
    const ranked = list('failed type:"SAP HANA on Amazon EC2" last 7 days');
    const arn = 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc';
    expect(listTextOf(ranked, { ...ranked, resourceArn: arn }, at)).toBe(
      `resource:${arn} failed type:"SAP HANA on Amazon EC2" last 7 days`,
    );
  });

  it('keeps a window that names its state, and gives no text when none reads back the same', () => {
    const done = list('completed last 24h');
    expect(listTextOf(done, done, at)).toBe('completed last 24h');
    const restores = list('restores failed last 7 days');
    // A failed restore is also one whose validation failed: FAILED alone cannot be typed.
    expect(
      listTextOf(restores, { states: ['FAILED'], withIssues: false, validation: [] }, at),
    ).toBeUndefined();
    expect(listTextOf(restores, restores, at)).toBe('restores failed last 7 days');
    expect(
      listTextOf(
        list('failed last 7 days'),
        { states: ['FAILED'], withIssues: false, validation: [], resourceArn: 'arn:"x' },
        at,
      ),
    ).toBeUndefined();
  });

  it('names what a ranking counts', () => {
    expect(rankedWords(list('failed or partial last 7 days'))).toBe('failed or partial');
    expect(rankedWords(list('last 7 days'))).toBe('');
  });
});

describe('the list text of completed jobs in a creation window', () => {
  it('says created, so that completed does not turn the window into completion times', () => {
    const every = list('last 7 days');
    expect(listTextOf(every, { states: ['COMPLETED'], withIssues: false, validation: [] }, at)).toBe(
      'completed created last 7 days',
    );
  });
});
