import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/actions.js';
import {
  type BlockMessage,
  coverageTable,
  resourceChoices,
  resourceStory,
  staleNone,
  stalePage,
} from '../../src/blocks/index.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { group, resource, worstEntries, worstStatus } from './coverage-fixtures.js';
import { hostileText, NOW, worstJobs, ZONES } from './fixtures.js';
import { actionIds, blockIds, elements, mrkdwnTexts } from './inspect.js';
import { worstCopyJobs, worstRestoreJobs } from './worst-kinds.js';

const notes = Array.from({ length: 30 }, (_, i) => `${i} ${hostileText(5000)}`);

function worstResource() {
  const copies = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [
      `${i}/${hostileText(40)}`,
      {
        destinationRegion: hostileText(100),
        destinationAccountId: hostileText(100),
        destinationVault: hostileText(300),
        lastCopyAt: '2026-11-01T00:00:00Z',
        lastJob: {
          jobId: hostileText(300),
          state: 'FAILED',
          at: '2026-11-09T00:00:00Z',
          reason: hostileText(10_000),
        },
      },
    ]),
  );
  return resource({
    resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${'v'.repeat(1550)}`,
    resourceName: hostileText(255),
    resourceType: hostileText(300),
    accountId: hostileText(60),
    region: hostileText(60),
    plan: hostileText(1000),
    vault: hostileText(1000),
    lastBackupWithIssues: true,
    lastJob: {
      jobId: hostileText(500),
      state: hostileText(200),
      at: '2026-11-09T00:00:00Z',
      reason: hostileText(10_000),
    },
    goneAt: '2026-11-10T00:00:00Z',
    copies,
  });
}

function cases(timeZone: string): [string, BlockMessage][] {
  const base = {
    title: hostileText(2000),
    text: `stale 24h ${hostileText(1900)}`,
    maxAgeMs: 86_400_000,
    status: worstStatus(),
    visibility: 'ephemeral' as const,
    timeZone,
    now: NOW,
    notes,
  };
  const out: [string, BlockMessage][] = [];
  for (const size of [1, 10, 19, 20, 21, 49, 50]) {
    for (const copies of [false, true]) {
      const entries = worstEntries(size, copies);
      out.push([
        `stale ${size}${copies ? ' copies' : ''}`,
        stalePage({ ...base, entries, page: 1, pageSize: 50, copies }),
      ]);
    }
  }
  const many = worstEntries(120);
  out.push([
    'stale page 3 of 3',
    stalePage({ ...base, entries: many, page: 3, pageSize: 50, copies: false }),
  ]);
  out.push([
    'stale page 2 of 12',
    stalePage({ ...base, entries: many, page: 2, pageSize: 10, copies: false }),
  ]);
  out.push(['stale none', staleNone({ ...base, copies: false })]);
  out.push([
    'stale none computing',
    staleNone({ ...base, copies: true, status: { accounts: [], resources: 0 } }),
  ]);
  const story = { resource: worstResource(), status: worstStatus(), timeZone, now: NOW };
  out.push(['story bare', resourceStory(story)]);
  out.push([
    'story with jobs',
    resourceStory({
      ...story,
      backupJobs: worstJobs(50),
      copyJobs: worstCopyJobs(50),
      restoreJobs: worstRestoreJobs(50),
      visibility: 'in_channel',
    }),
  ]);
  const found = Array.from({ length: 100 }, (_, i) => ({
    ...worstResource(),
    resourceArn: `arn:aws:rds:us-east-1:123456789012:db:${'d'.repeat(1500)}${i}`,
  }));
  out.push(['choices', resourceChoices({ typed: hostileText(3000), resources: found, timeZone, now: NOW })]);
  const groups = Array.from({ length: 600 }, (_, i) =>
    group({
      resourceType: i % 3 ? hostileText(200 + (i % 50)) : 'SAP HANA on Amazon EC2',
      accountId: i % 2 ? hostileText(100) : String(100000000000 + i),
      region: i % 5 ? 'ap-southeast-2' : hostileText(100),
      fresh: 1_000_000 + i,
      stale: 1_000_000 * (i % 7),
      never: 999_999_999,
    }),
  );
  out.push([
    'coverage',
    coverageTable({
      ...base,
      groups,
      vaults: ['prod', 'dr-vault', 'x'.repeat(50)],
      maxAgeMs: 26 * 3_600_000,
    }),
  ]);
  out.push(['coverage empty', coverageTable({ ...base, groups: [] })]);
  return out;
}

describe.each(ZONES)('resource answers within Slack limits on worst-case data (%s)', (timeZone) => {
  const all = cases(timeZone);

  it.each(all)('%s passes the limits checker', (_name, msg) => {
    expect(checkMessage(msg)).toEqual([]);
    expect(msg.text.length).toBeGreaterThan(0);
    expect(msg.text.length).toBeLessThanOrEqual(4000);
  });

  it.each(all)('%s has unique action_ids and block_ids', (_name, msg) => {
    const actions = actionIds(msg);
    const blocks = blockIds(msg);
    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it.each(all)('%s lets no data form links or mentions', (_name, msg) => {
    for (const text of [...mrkdwnTexts(msg), msg.text]) {
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<@U123>');
      expect(text.replace(/^> /gm, '')).not.toMatch(/[<>]/);
    }
  });
});

describe('worst-case stale pages keep their buttons', () => {
  const msg = cases('Asia/Kolkata').find(([name]) => name === 'stale 50 copies')?.[1];

  it('keep a Resource button per entry of a full page of 50, and paging that carries the query', () => {
    expect(msg).toBeDefined();
    if (!msg) return;
    const resources = elements(msg).filter((e) => String(e.action_id).startsWith(ACTION.resource));
    expect(resources).toHaveLength(50);
    expect(elements(msg).some((e) => e.action_id === ACTION.staleExportCsv)).toBe(true);
  });
});
