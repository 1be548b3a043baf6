import { BackupClient, paginateListBackupJobs } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupGateway, createBackupClients, createBackupGateway } from '../../src/backup/index.js';
import { rankResources } from '../../src/backup/ranking.js';
import { countListed } from '../../src/backup/tally.js';
import { ACTION } from '../../src/blocks/index.js';
import { DEMO_ORG } from '../../src/cli/demo.js';
import { listQueryOf } from '../../src/query/list.js';
import { TEST_CREDENTIALS } from '../helpers/aws.js';
import { buttons, detailValues, type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';
const DAY_MS = 86_400_000;

interface Listed {
  arn: string;
  state: string;
  createdAt: number;
}

// The demo's organisation: what people see when they try these questions in `npm run demo`.
describe('questions answered with counts, rankings and groupings, in the demo organisation', () => {
  let stack: Stack;
  let gateway: BackupGateway;
  let clients: ReturnType<typeof createBackupClients>;
  beforeAll(async () => {
    stack = await startStack({ aws: DEMO_ORG });
    clients = createBackupClients({
      regions: stack.aws.regions,
      endpoint: stack.aws.url,
      credentials: TEST_CREDENTIALS,
    });
    gateway = createBackupGateway({ clients, defaultAccountId: '*' });
  });
  afterAll(async () => {
    clients.destroy();
    await stack.close();
  });

  async function command(text: string) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const before = count();
    const result = await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
    expect(result.status).toBe(200);
    await stack.slack.waitForMessage(() => count() > before, 15_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
  }

  async function click(messageId: string, actionId: string) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const before = count();
    await stack.slack.click({ user: ALICE, messageId, actionId });
    await stack.slack.waitForMessage(() => count() > before, 15_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
  }

  /** What the emulator holds, asked through the SDK's own paginator: the truth to compare with. */
  async function jobs(input: Record<string, unknown>): Promise<Listed[]> {
    const out: Listed[] = [];
    for (const region of stack.aws.regions) {
      const client = new BackupClient({ region, endpoint: stack.aws.url, credentials: TEST_CREDENTIALS });
      for await (const page of paginateListBackupJobs(
        { client, pageSize: 1000 },
        { ByAccountId: '*', ...input },
      )) {
        for (const job of page.BackupJobs ?? [])
          out.push({
            arn: job.ResourceArn ?? '',
            state: job.State ?? '',
            createdAt: job.CreationDate?.getTime() ?? 0,
          });
      }
      client.destroy();
    }
    return out;
  }

  it('answers how many failed in the last 24 hours with the count of the jobs, and lists them on a click', async () => {
    const truth = await jobs({ ByState: 'FAILED', ByCreatedAfter: new Date(Date.now() - DAY_MS) });
    expect(truth.length).toBeGreaterThan(0);
    const answer = await command('how many failed last 24h');
    const text = textOf(answer);
    expect(text).toContain(`${truth.length.toLocaleString('en-US')} backup job`);
    expect(text).toContain('counted from the jobs');
    expect(text).not.toContain('from AWS summaries');
    expect(detailValues(answer)).toEqual([]);
    const list = buttons(answer).get(`${ACTION.runAgain}:0`);
    expect(list?.value).toBe('failed last 24h');
    const listed = await click(answer.id, `${ACTION.runAgain}:0`);
    expect(textOf(listed)).toMatch(/Failed jobs created in the last 24 hours/);
    expect(detailValues(listed).length).toBe(Math.min(10, truth.length));
  });

  it('counts the last 7 days from the Summaries API, and says so', async () => {
    const before = stack.aws.stats().total;
    const answer = await command('how many last 7 days');
    const text = textOf(answer);
    expect(text).toContain('from AWS summaries, refreshed hourly');
    expect(text).toMatch(/completed with issues \(counted in completed\)/);
    const calls = stack.aws.stats();
    expect(calls.total - before).toBe(stack.aws.regions.length);
    expect(buttons(answer).get(`${ACTION.runAgain}:0`)?.value).toMatch(/^\w+ last 7 days$/);
  });

  it('ranks the resources that failed most in the last 7 days, with a button listing each one’s jobs', async () => {
    const truth = await jobs({ ByState: 'FAILED', ByCreatedAfter: new Date(Date.now() - 7 * DAY_MS) });
    const byArn = new Map<string, number>();
    for (const job of truth) byArn.set(job.arn, (byArn.get(job.arn) ?? 0) + 1);
    const most = Math.max(...byArn.values());
    const answer = await command('top failing resources last 7 days');
    const text = textOf(answer);
    expect(text).toContain('Top resources by failed backup jobs');
    expect(text).toContain(`*1.*`);
    expect(text).toContain(`*${most}* failed backup job`);
    const first = buttons(answer).get(`${ACTION.runAgain}:0`)!;
    const arn = /^resource:(\S+) failed last 7 days$/.exec(first.value ?? '')?.[1];
    expect(arn).toBeDefined();
    expect(byArn.get(arn!)).toBe(most);
    const listed = await click(answer.id, `${ACTION.runAgain}:0`);
    expect(textOf(listed)).toContain(arn!);
    expect(detailValues(listed).length).toBe(Math.min(10, most));
  });

  it('groups a summary by account, by Region or by resource type, and shows that grouping only', async () => {
    const tables = (m: { blocks: unknown[] }) =>
      (m.blocks as { type: string; caption?: string; rows?: unknown[] }[]).filter(
        (b) => b.type === 'data_table',
      );
    const byAccount = await command('summary by account');
    expect(textOf(byAccount)).toContain('Backup jobs by account');
    expect(tables(byAccount).map((t) => t.caption)).toEqual(['Backup jobs by account']);
    const byRegion = await command('weekly summary by region');
    const regionTable = tables(byRegion);
    expect(regionTable.map((t) => t.caption)).toEqual(['Backup jobs by Region']);
    expect(regionTable[0]!.rows!.length - 1).toBe(stack.aws.regions.length);
    const byType = await command('summary 14d by resource type');
    expect(textOf(byType)).toContain('last 14 days');
    expect(tables(byType).map((t) => t.caption)).toEqual(['Backup jobs by resource type']);
  });

  it('stops counting at its bound and says "more than"', async () => {
    const list = listQueryOf('backup', 'failed', { states: ['FAILED'], filters: { account: '*' } });
    const all = await countListed(gateway, list);
    expect(all.capped).toBe(false);
    expect(all.total).toBe((await jobs({ ByState: 'FAILED' })).length);
    const capped = await countListed(gateway, list, 5);
    expect(capped).toMatchObject({ capped: true, total: 5, bound: 5 });
    const ranked = await rankResources(gateway, list, 3, 5);
    expect(ranked.capped).toBe(true);
    expect(ranked.jobCount).toBe(5);
    expect(ranked.resources.length).toBeLessThanOrEqual(3);
  });
});
