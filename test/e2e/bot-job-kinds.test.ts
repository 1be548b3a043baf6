import { BackupClient, paginateListCopyJobs, paginateListRestoreJobs } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { TEST_CREDENTIALS } from '../helpers/aws.js';
import { buttons, detailValues, type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

/** What the emulator holds, read with the SDK's own paginators: the truth the answers must match. */
async function truth(stack: Stack, kind: 'copy' | 'restore', state: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const region of stack.aws.regions) {
    const client = new BackupClient({ region, endpoint: stack.aws.url, credentials: TEST_CREDENTIALS });
    if (kind === 'copy') {
      for await (const page of paginateListCopyJobs(
        { client },
        { ByAccountId: '*', ByState: state as 'FAILED' },
      ))
        for (const job of page.CopyJobs ?? []) ids.add(`copy:${region}/${job.CopyJobId}`);
    } else {
      for await (const page of paginateListRestoreJobs(
        { client },
        { ByAccountId: '*', ByStatus: state as 'FAILED' },
      ))
        for (const job of page.RestoreJobs ?? []) ids.add(`restore:${region}/${job.RestoreJobId}`);
    }
    client.destroy();
  }
  return ids;
}

describe('copy and restore jobs in Slack, through real Bolt, the AWS SDK and the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({});
  });
  afterAll(() => stack.close());

  async function command(text: string) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const before = count();
    const result = await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
    expect(result.status).toBe(200);
    await stack.slack.waitForMessage(() => count() > before, 10_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
  }

  async function everyPage(text: string): Promise<Set<string>> {
    let page = await command(text);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      for (const value of detailValues(page)) seen.add(value);
      const next = buttons(page).get(ACTION.next);
      if (!next) break;
      const n = Number(/Page (\d+)/.exec(textOf(page))?.[1]);
      await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.next });
      page = await stack.slack.waitForMessage(
        (m) => m.id === page.id && textOf(m).includes(`Page ${n + 1}`),
        10_000,
      );
    }
    return seen;
  }

  it('pages failed copy jobs to the end and shows exactly what AWS holds', async () => {
    const expected = await truth(stack, 'copy', 'FAILED');
    expect(expected.size).toBeGreaterThan(0);
    const first = await command('copy failed limit:20');
    expect(textOf(first)).toMatch(/copy jobs/i);
    expect(await everyPage('copy failed limit:20')).toEqual(expected);
  });

  it('opens a copy job’s details, naming its destination, from its button', async () => {
    const page = await command('copies failed limit:5');
    const details = [...buttons(page).entries()].find(([id]) => id.startsWith(ACTION.details));
    expect(details?.[1].value).toMatch(/^copy:/);
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: details![0] });
    const shown = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /Copy job/.test(textOf(m)) && /Destination/.test(textOf(m)),
      10_000,
    );
    expect(textOf(shown)).toMatch(/Failed/);
  });

  it('finds a restore job by its bare id', async () => {
    const ids = [...(await truth(stack, 'restore', 'FAILED'))];
    expect(ids.length).toBeGreaterThan(0);
    const id = ids[0]!.split('/')[1]!;
    const shown = await command(`job ${id}`);
    expect(textOf(shown)).toMatch(/Restore job/);
    expect(textOf(shown)).toContain(id);
  });

  it('lists failed restores with the restore tests whose validation failed', async () => {
    const seen = await everyPage('restores failed limit:50');
    const failed = await truth(stack, 'restore', 'FAILED');
    expect(failed.size).toBeGreaterThan(0);
    for (const id of failed) expect(seen.has(id), id).toBe(true);
    // Tests that completed but failed validation come too (status COMPLETED).
    const completed = await truth(stack, 'restore', 'COMPLETED');
    const extra = [...seen].filter((id) => !failed.has(id));
    for (const id of extra) expect(completed.has(id), id).toBe(true);
  });

  it('says which filters a restore job takes when given one it does not', async () => {
    const reply = await command('restores vault:prod');
    expect(textOf(reply)).toMatch(/does not apply to restore jobs/);
    expect(textOf(reply)).toMatch(/type:/);
  });

  it('exports failed copy jobs as a CSV of copy columns, to the asker alone', async () => {
    const expected = await truth(stack, 'copy', 'FAILED');
    const page = await command('copy failed limit:5');
    const before = stack.slack.files().length;
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.exportCsv });
    await stack.slack.waitForMessage((m) => m.files.length > 0 && m.channel === 'D0ALICE', 20_000);
    const file = stack.slack.files().at(-1)!;
    expect(stack.slack.files().length).toBe(before + 1);
    expect(stack.slack.whoCanSee(file.id)).toEqual([ALICE]);
    const lines = file.data!.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^JobId,State,/);
    expect(lines[0]).toMatch(/DestinationBackupVaultArn/);
    expect(lines.length - 1).toBe(expected.size);
  });

  it('sums copy jobs up from ListCopyJobSummaries, never by listing them', async () => {
    stack.aws.resetStats();
    const reply = await command('copy summary 7d');
    expect(textOf(reply)).toMatch(/Copy jobs/);
    const calls = stack.aws.stats().calls;
    expect(Object.keys(calls.ListCopyJobSummaries ?? {})).toHaveLength(stack.aws.regions.length);
    expect(calls.ListCopyJobs).toBeUndefined();
  });
});
