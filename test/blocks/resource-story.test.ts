import { describe, expect, it } from 'vitest';
import { ACTION, decodeQueryValue, decodeResourceValue, indexedActionId } from '../../src/blocks/actions.js';
import { compactLine } from '../../src/blocks/job-lines.js';
import { resourceChoices } from '../../src/blocks/resource-choices.js';
import { type ResourceStoryInput, resourceStory } from '../../src/blocks/resource-story.js';
import { copy, hoursAgo, NOW, resource, status } from './coverage-fixtures.js';
import { copyJob, job, restoreJob } from './fixtures.js';
import { allText, element, elements, mrkdwnTexts, textsOf } from './inspect.js';

const ARN = 'arn:aws:rds:us-east-1:123456789012:db:orders-db';
const ctx = { timeZone: 'America/New_York', now: NOW };
const input: ResourceStoryInput = {
  resource: resource({
    lastBackupWithIssues: true,
    copies: {
      'us-west-2/999988887777': copy(),
      'eu-west-1/123456789012': copy({
        destinationRegion: 'eu-west-1',
        destinationAccountId: '123456789012',
        lastCopyAt: hoursAgo(20),
        lastJob: { jobId: 'C-OK', state: 'COMPLETED', at: hoursAgo(20) },
      }),
    },
  }),
  status: status(),
  ...ctx,
};

describe('resourceStory', () => {
  const msg = resourceStory(input);
  const text = allText(msg);

  it('names the resource and where it is', () => {
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'orders-db' } });
    expect(text).toContain(`*ARN*\n\`${ARN}\``);
    for (const part of ['*Type*\nRDS', '*Account*\n`123456789012`', '*Region*\nus-east-1'])
      expect(text).toContain(part);
    expect(text).toContain('*Plan*\n`daily-35d`');
    expect(text).toContain('*Vault*\n`prod-vault`');
  });

  it('tells the last good backup, with issues, and the last job with its reason', () => {
    expect(text).toContain(
      '*Last good backup*\n3 days ago (Sat 7 Nov, 10:30) · :large_yellow_circle: completed with issues',
    );
    expect(text).toContain(
      '*Last job*\n:red_circle: Failed yesterday 21:00 · job `F0000000-0000-4000-8000-000000000001`\n> Access denied to KMS key',
    );
    expect(msg.text).toBe('orders-db: last good backup 3 days ago (Sat 7 Nov, 10:30)');
  });

  it('tells the copies per destination, the last good copy and a failed last job', () => {
    const [copies] = textsOf(msg, 'section').filter((s) => s.startsWith('*Copies*'));
    expect(copies?.split('\n')).toEqual([
      '*Copies*',
      '• Copies to eu-west-1 / `123456789012` (vault `dr-vault`): last 20 hours ago (yesterday 14:30)',
      '• Copies to us-west-2 / `999988887777` (vault `dr-vault`): last 4 days ago (Fri 6 Nov, 10:30) · last job 🔴 Failed — Throttled',
    ]);
  });

  it('says whether AWS Backup lists the resource as protected', () => {
    expect(text).toContain('*Protection*\nlisted by AWS Backup as protected (today 10:00)');
    const unlisted = resource();
    delete unlisted.listedAt;
    expect(allText(resourceStory({ ...input, resource: unlisted }))).toContain(
      '*Protection*\nknown from job history only',
    );
  });

  it('marks a resource that is gone, and no other', () => {
    expect(text).not.toContain('Gone');
    const gone = resourceStory({ ...input, resource: resource({ goneAt: hoursAgo(5) }) });
    expect(allText(gone)).toContain(':wastebasket: *Gone* since today 05:30: no longer listed by AWS Backup');
  });

  it('says when no good backup is known', () => {
    const never = resource();
    delete never.lastBackupAt;
    const story = resourceStory({ ...input, resource: never });
    expect(allText(story)).toContain('*Last good backup*\nnone in the last 30 days');
    expect(story.text).toBe('orders-db: no good backup known');
  });

  it('shows the status of the kept state when given', () => {
    expect(textsOf(msg, 'context')[0]).toContain('As of the pass that finished today 10:28');
    const { status: _, ...bare } = input;
    expect(textsOf(resourceStory(bare), 'context')).toEqual([]);
  });

  it('lists recent jobs of each kind given with the list lines, and says when there are none', () => {
    const backups = [job(), job({ jobId: 'FAIL-1', state: 'FAILED', statusMessage: 'Disk full' })];
    const story = resourceStory({ ...input, backupJobs: backups, copyJobs: [], restoreJobs: [restoreJob()] });
    const sections = textsOf(story, 'section');
    const recent = sections.find((s) => s.startsWith('*Recent backup jobs*'));
    const line = compactLine(
      backups[1]!,
      2,
      { ...ctx, common: { accountId: '123456789012', region: 'us-east-1' } },
      300,
    );
    expect(recent).toContain(line);
    expect(line).toContain('Disk full');
    expect(sections).toContain('*Recent copy jobs*\n_None found._');
    expect(sections.some((s) => s.startsWith('*Recent restore jobs*\n*1.*'))).toBe(true);
    expect(allText(msg)).not.toContain('Recent');
  });

  it('counts recent jobs past the first five', () => {
    const copies = Array.from({ length: 8 }, (_, i) => copyJob({ jobId: `C-${i}` }));
    expect(allText(resourceStory({ ...input, copyJobs: copies }))).toContain('_…and 3 more_');
  });

  it('offers Backup jobs and Copy jobs as queries by the resource, and no Restore jobs', () => {
    const backup = element(msg, indexedActionId(ACTION.runAgain, 0));
    const copies = element(msg, indexedActionId(ACTION.runAgain, 1));
    expect(backup?.text).toMatchObject({ text: 'Backup jobs' });
    expect(decodeQueryValue(backup?.value)).toBe(`resource:${ARN} last 30 days`);
    expect(copies?.text).toMatchObject({ text: 'Copy jobs' });
    expect(decodeQueryValue(copies?.value)).toBe(`copies resource:${ARN} last 30 days`);
    expect(elements(msg)).toHaveLength(2);
  });

  it('offers no query for an ARN a query cannot name', () => {
    const odd = resourceStory({ ...input, resource: resource({ resourceArn: 'arn:aws:rds:x:y <!here>' }) });
    expect(elements(odd)).toEqual([]);
  });
});

describe('resourceChoices', () => {
  const resources = [
    resource(),
    resource({ region: 'eu-west-1', resourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-db' }),
  ];
  const msg = resourceChoices({ typed: 'orders-db', resources, ...ctx });

  it('lists each match with where it is and its last good backup', () => {
    const sections = textsOf(msg, 'section');
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('`orders-db`* · RDS · account `123456789012` · eu-west-1');
    expect(sections[1]).toContain('`arn:aws:rds:eu-west-1:123456789012:db:orders-db`');
    expect(sections[1]).toContain('Last good backup 3 days ago');
    expect(msg.text).toBe('2 resources are named orders-db');
  });

  it('gives each a button that opens its story by ARN', () => {
    const buttons = elements(msg);
    expect(buttons.map((b) => b.action_id)).toEqual([0, 1].map((i) => indexedActionId(ACTION.resource, i)));
    expect(buttons.map((b) => decodeResourceValue(b.value))).toEqual(resources.map((r) => r.resourceArn));
  });

  it('counts the matches past the first thirty', () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      resource({ resourceArn: `arn:aws:rds:us-east-1:123456789012:db:orders-db-${i}` }),
    );
    const long = resourceChoices({ typed: 'orders-db', resources: many, ...ctx });
    expect(elements(long)).toHaveLength(30);
    expect(textsOf(long, 'context').at(-1)).toContain('…and 15 more: ask for one by its ARN');
  });

  it('escapes what was typed and the names found', () => {
    const evil = '<!here> <https://x.example|x>';
    const hostile = resourceChoices({
      typed: evil,
      resources: [resource({ resourceName: evil, resourceType: evil })],
      ...ctx,
    });
    for (const t of [...mrkdwnTexts(hostile), hostile.text]) {
      expect(t).not.toContain('<!here>');
      expect(t).not.toContain('<https://');
    }
  });
});
