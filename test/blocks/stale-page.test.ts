import { describe, expect, it } from 'vitest';
import {
  ACTION,
  decodeResourceValue,
  decodeStalePageValue,
  indexedActionId,
} from '../../src/blocks/actions.js';
import { staleNone } from '../../src/blocks/stale-none.js';
import { type StalePageInput, stalePage } from '../../src/blocks/stale-page.js';
import type { StaleEntry } from '../../src/coverage/queries.js';
import { copy, entry, hoursAgo, NOW, resource, status } from './coverage-fixtures.js';
import { allText, element, elements, mrkdwnTexts, textsOf } from './inspect.js';

const DAY = 86_400_000;

function never(name: string): StaleEntry {
  const r = resource({
    resourceName: name,
    resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/vol-${name}`,
    resourceType: 'EBS',
  });
  delete r.lastBackupAt;
  delete r.listedAt;
  return entry(r);
}

function olderBy(hours: number, name: string, overrides: Parameters<typeof resource>[0] = {}): StaleEntry {
  return entry(
    resource({
      resourceName: name,
      resourceArn: `arn:aws:rds:us-east-1:123456789012:db:${name}`,
      lastBackupAt: hoursAgo(hours),
      ...overrides,
    }),
  );
}

const input: StalePageInput = {
  title: 'Resources with no good backup in the last 1 day',
  text: 'stale 24h',
  entries: [
    olderBy(30, 'recent-ish', { lastJob: { jobId: 'J-OK', state: 'COMPLETED', at: hoursAgo(30) } }),
    olderBy(72, 'orders-db', { lastBackupWithIssues: true }),
    never('scratch'),
  ],
  page: 1,
  pageSize: 10,
  maxAgeMs: DAY,
  copies: false,
  status: status(),
  visibility: 'ephemeral',
  timeZone: 'America/New_York',
  now: NOW,
};

describe('stalePage', () => {
  const msg = stalePage(input);
  const sections = textsOf(msg, 'section');

  it('restates the query, says how current the knowledge is, and counts the answer', () => {
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: input.title } });
    const [pass, info] = textsOf(msg, 'context');
    expect(pass).toContain('As of the pass that finished today 10:28 (2 minutes ago)');
    expect(pass).toContain('1,204 resources known');
    expect(info).toContain('America/New_York (EST)');
    expect(info).toContain('page 1 of 1 · 3 resources');
    expect(msg.text).toBe(`${input.title}: page 1 of 1, 3 resources`);
  });

  it('shows the worst first: never backed up, then the oldest last good backup', () => {
    expect(sections).toHaveLength(3);
    expect(sections[0]).toContain('`scratch`');
    expect(sections[1]).toContain('`orders-db`');
    expect(sections[2]).toContain('`recent-ish`');
  });

  it('says when the last good backup was, or that there is none, and marks issues', () => {
    expect(sections[0]).toContain('No good backup in 30 days');
    expect(sections[1]).toContain(
      'Last good backup 3 days ago (Sat 7 Nov, 10:30) · :large_yellow_circle: completed with issues',
    );
    expect(sections[2]).toContain('Last good backup 1 day 6 hours ago (yesterday 04:30)');
    expect(sections[2]).not.toContain('with issues');
  });

  it('names the resource, its type, account, Region, plan and vault, and job-history-only resources', () => {
    expect(sections[1]).toContain('`orders-db`* · RDS · account `123456789012` · us-east-1');
    expect(sections[1]).toContain('Plan `daily-35d` · vault `prod-vault`');
    expect(sections[0]).toContain('EBS');
    expect(sections[0]).toContain('known from job history only');
    expect(sections[1]).not.toContain('job history');
  });

  it('shows the last job and its reason when it did not complete, and not a completed one', () => {
    expect(sections[1]).toContain('Last job :red_circle: Failed yesterday 21:00\n> Access denied to KMS key');
    expect(sections[2]).not.toContain('Last job');
  });

  it('labels a resource without a name by the last part of its ARN', () => {
    const r = resource({ resourceArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders' });
    delete r.resourceName;
    expect(allText(stalePage({ ...input, entries: [entry(r)] }))).toContain('`Orders`');
  });

  it('gives each line a Resource button that carries its ARN', () => {
    const buttons = elements(msg).filter((e) => String(e.action_id).startsWith(ACTION.resource));
    expect(buttons.map((b) => b.action_id)).toEqual(
      [0, 1, 2].map((i) => indexedActionId(ACTION.resource, i)),
    );
    expect(buttons.map((b) => decodeResourceValue(b.value))).toEqual([
      'arn:aws:ec2:us-east-1:123456789012:volume/vol-scratch',
      'arn:aws:rds:us-east-1:123456789012:db:orders-db',
      'arn:aws:rds:us-east-1:123456789012:db:recent-ish',
    ]);
  });

  it('gives no Resource button to an ARN a button cannot carry', () => {
    const odd = olderBy(40, 'odd', { resourceArn: 'not an arn <!here>' });
    const one = stalePage({ ...input, entries: [odd] });
    expect(elements(one).filter((e) => String(e.action_id).startsWith(ACTION.resource))).toEqual([]);
  });

  it('offers Export CSV of the answer on one page, and no paging', () => {
    expect(element(msg, ACTION.stalePrev)).toBeUndefined();
    expect(element(msg, ACTION.staleNext)).toBeUndefined();
    expect(decodeStalePageValue(element(msg, ACTION.staleExportCsv)?.value)).toEqual({
      text: 'stale 24h',
      page: 1,
    });
  });
});

describe('stalePage, paging', () => {
  const many = Array.from({ length: 27 }, (_, i) => olderBy(25 + i, `db-${String(i).padStart(2, '0')}`));
  const page = (n: number) =>
    stalePage({ ...input, entries: many, pageSize: 10, page: n, text: 'stale 24h type:rds' });

  it('counts pages and entries', () => {
    expect(textsOf(page(2), 'context')[1]).toContain('page 2 of 3 · 27 resources');
  });

  it('leads Prev and Next to the pages before and after, with the query text', () => {
    const second = page(2);
    expect(decodeStalePageValue(element(second, ACTION.stalePrev)?.value)).toEqual({
      text: 'stale 24h type:rds',
      page: 1,
    });
    expect(decodeStalePageValue(element(second, ACTION.staleNext)?.value)).toEqual({
      text: 'stale 24h type:rds',
      page: 3,
    });
    expect(element(page(1), ACTION.stalePrev)).toBeUndefined();
    expect(element(page(3), ACTION.staleNext)).toBeUndefined();
  });

  it('cuts the pages from one worst-first order, whatever order the entries come in', () => {
    const names = (n: number) => textsOf(page(n), 'section').map((s) => /`(db-\d+)`/.exec(s)?.[1]);
    expect(names(1)[0]).toBe('db-26');
    expect(names(3)).toEqual(['db-06', 'db-05', 'db-04', 'db-03', 'db-02', 'db-01', 'db-00']);
    const shuffled = stalePage({ ...input, entries: [...many].reverse(), pageSize: 10, page: 3 });
    expect(textsOf(shuffled, 'section').map((s) => /`(db-\d+)`/.exec(s)?.[1])).toEqual(names(3));
  });

  it('shows the last page for a page past the end (the answer shrank since the click)', () => {
    expect(textsOf(page(9), 'context')[1]).toContain('page 3 of 3');
  });

  it('numbers the lines of a large page and keeps a Resource button per line', () => {
    const fifty = Array.from({ length: 120 }, (_, i) => olderBy(25 + i, `db-${i}`));
    const big = stalePage({ ...input, entries: fifty, pageSize: 50, page: 2 });
    const lines = textsOf(big, 'section').join('\n');
    expect(lines).toContain('*51.*');
    expect(lines).toContain('*100.*');
    const buttons = elements(big).filter((e) => String(e.action_id).startsWith(ACTION.resource));
    expect(buttons).toHaveLength(50);
    expect(buttons[0]?.text).toMatchObject({ text: expect.stringMatching(/^51\. db-/) });
  });
});

describe('stalePage, copies', () => {
  const msg = stalePage({
    ...input,
    copies: true,
    text: 'stale 24h copies',
    entries: [entry(resource(), copy())],
  });

  it('names the destination, the last good copy and the copy’s last job', () => {
    const [line] = textsOf(msg, 'section');
    expect(line).toContain(
      'Copies to us-west-2 / `999988887777` (vault `dr-vault`): last 4 days ago (Fri 6 Nov, 10:30)',
    );
    expect(line).toContain('Last job :red_circle: Failed today 08:30\n> Throttled');
    expect(line).not.toContain('Access denied');
    expect(textsOf(msg, 'context')[1]).toContain('1 copy destination');
  });

  it('says when no good copy is known', () => {
    const none = copy();
    delete none.lastCopyAt;
    expect(allText(stalePage({ ...input, copies: true, entries: [entry(resource(), none)] }))).toContain(
      'no good copy in 30 days',
    );
  });
});

describe('stalePage, status', () => {
  it('says the last pass failed, why, and which pass the answer shows', () => {
    const failed = status({ failure: { at: hoursAgo(1 / 60), reason: 'Rate exceeded <!channel>' } });
    const [pass] = textsOf(stalePage({ ...input, status: failed }), 'context');
    expect(pass).toContain(
      ':warning: The pass of today 10:29 could not finish: Rate exceeded &lt;!channel&gt;; showing what was known at today 10:28 (2 minutes ago)',
    );
  });

  it('says nothing of a failure that a pass since has made good', () => {
    const healed = status({ failure: { at: hoursAgo(0.25), reason: 'Rate exceeded' } });
    const [pass] = textsOf(stalePage({ ...input, status: healed }), 'context');
    expect(pass).toContain('As of the pass that finished today 10:28');
    expect(pass).not.toContain('Rate exceeded');
  });

  it('names the accounts that were not read in full, and why', () => {
    const partial = status({
      accounts: [
        { accountId: '111122223333', readAt: hoursAgo(1) },
        { accountId: '222233334444', problem: 'access denied' },
        { accountId: '333344445555' },
      ],
    });
    const [, accounts] = msgContext(stalePage({ ...input, status: partial }));
    expect(accounts).toBe(
      ':warning: Accounts `222233334444` (access denied), `333344445555` (job history only) were not read in full',
    );
  });

  it('counts the accounts past the first five', () => {
    const accounts = Array.from({ length: 8 }, (_, i) => ({
      accountId: `22223333444${i}`,
      problem: 'AccessDenied',
    }));
    expect(msgContext(stalePage({ ...input, status: status({ accounts }) }))[1]).toContain(
      'and 3 more were not',
    );
  });
});

function msgContext(msg: ReturnType<typeof stalePage>): string[] {
  const block = msg.blocks.find((b) => b.block_id?.startsWith('bj_stale_status'));
  return block?.type === 'context' ? block.elements.map((e) => ('text' in e ? e.text : '')) : [];
}

describe('stalePage, hostile data', () => {
  it('escapes names, reasons and plans so nothing forms a mention or a link', () => {
    const evil = '<!channel> <https://evil.example|click> &amp; *bold*';
    const msg = stalePage({
      ...input,
      title: evil,
      entries: [
        olderBy(40, 'x', {
          resourceName: evil,
          resourceType: evil,
          plan: evil,
          vault: evil,
          lastJob: { jobId: evil, state: evil, at: hoursAgo(1), reason: evil },
        }),
      ],
      status: status({
        failure: { at: hoursAgo(0.1), reason: evil },
        accounts: [{ accountId: evil, problem: evil }],
      }),
    });
    for (const text of [...mrkdwnTexts(msg), msg.text]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://');
    }
  });
});

describe('staleNone', () => {
  const none = { ...input, entries: [] };

  it('says every resource has a good backup within the age, with the status', () => {
    const msg = stalePage(none);
    expect(allText(msg)).toContain('Every resource has a good backup within 1 day.');
    expect(textsOf(msg, 'context')[0]).toContain('As of the pass that finished today 10:28');
    expect(elements(msg)).toEqual([]);
  });

  it('speaks of copies for a copies question', () => {
    expect(allText(staleNone({ ...none, copies: true, maxAgeMs: 2 * DAY }))).toContain(
      'Every copy destination has a good copy within 2 days.',
    );
  });

  it('says coverage is being computed before any pass has finished', () => {
    const first = status({ accounts: [] });
    delete first.passAt;
    const msg = staleNone({ ...none, status: first });
    expect(allText(msg)).toContain('Coverage is being computed; ask again in a minute.');
    expect(allText(msg)).not.toContain('Every resource');
    expect(textsOf(msg, 'context')[0]).toContain('No pass over the accounts has finished yet');
  });

  it('says why the first pass failed', () => {
    const failed = status({ accounts: [], failure: { at: hoursAgo(0.5), reason: 'AccessDenied' } });
    delete failed.passAt;
    expect(textsOf(staleNone({ ...none, status: failed }), 'context')[0]).toContain(
      'could not finish: AccessDenied; nothing is known yet',
    );
  });
});
