import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { allJobIds } from '../helpers/aws.js';
import { buttons, detailValues, type Stack, startStack, TRANSPORTS, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

describe.each(TRANSPORTS)('exports, summaries, charts and sharing (%s)', (transport) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport });
  });
  afterAll(() => stack.close());

  async function command(text: string, user = ALICE) {
    const count = () => stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length;
    const before = count();
    const result = await stack.slack.sendCommand({ channel: 'C0OPS', user, text });
    expect(result.status).toBe(200);
    await stack.slack.waitForMessage(() => count() > before, 10_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: user })!;
  }

  it('pages to the end across 3 regions and returns exactly the emulator’s matching set', async () => {
    const truth = (
      await Promise.all(
        stack.aws.regions.map((r) => allJobIds(stack.aws, r, { ByAccountId: '*', ByState: 'FAILED' })),
      )
    ).flat();
    let page = await command('failed limit:50');
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      for (const value of detailValues(page)) seen.add(value);
      const next = buttons(page).get(ACTION.next);
      if (!next) break;
      const shown = page.id;
      const pageNumber = Number(/Page (\d+)/.exec(textOf(page))?.[1]);
      await stack.slack.click({ user: ALICE, messageId: shown, actionId: ACTION.next });
      page = await stack.slack.waitForMessage(
        (m) => m.id === shown && textOf(m).includes(`Page ${pageNumber + 1}`),
        10_000,
      );
    }
    expect(seen.size).toBe(truth.length);
    expect(seen).toEqual(new Set(truth.map((t) => t.id)));
  });

  it('exports every job of a private answer as CSV to the asker alone, with progress in their DM', async () => {
    const truth = (
      await Promise.all(stack.aws.regions.map((r) => allJobIds(stack.aws, r, { ByAccountId: '*' })))
    ).flat();
    const page = await command('limit:5');
    expect(page.ephemeralFor).toBe(ALICE);
    const filesBefore = stack.slack.files().length;
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.exportCsv });
    const shared = await stack.slack.waitForMessage((m) => m.files.length > 0, 20_000);
    const file = stack.slack.files().at(-1)!;
    expect(stack.slack.files().length).toBe(filesBefore + 1);
    // Slack's own record of who can see the file: Alice, and nobody else in #ops.
    expect(stack.slack.whoCanSee(file.id)).toEqual([ALICE]);
    expect(shared.channel).toBe('D0ALICE');
    expect(stack.slack.messages('C0OPS').some((m) => m.files.length > 0)).toBe(false);
    expect(stack.slack.messages('C0OPS').some((m) => /CSV/.test(m.text))).toBe(false);
    const notice = stack.slack
      .messages('C0OPS', { includeEphemeralFor: ALICE })
      .find((m) => m.ephemeralFor === ALICE && /direct messages/.test(textOf(m)));
    expect(notice && textOf(notice)).toContain('<#D0ALICE>');
    expect(file.name).toMatch(/^backup-jobs-limit-5-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.data!.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^JobId,State,CompletedWithIssues,/);
    expect(lines.length - 1).toBe(truth.length);
    const done = await stack.slack.waitForMessage(
      (m) => m.channel === 'D0ALICE' && m.edited && /CSV ready/.test(m.text),
      10_000,
    );
    expect(done.text).toContain(`${truth.length.toLocaleString('en-US')} jobs`);
  });

  it('exports a public answer into the channel, where its members see it', async () => {
    const page = await command('failed last 2 days limit:5 public');
    expect(page.ephemeralFor).toBeUndefined();
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.exportCsv });
    const shared = await stack.slack.waitForMessage(
      (m) => m.channel === 'C0OPS' && m.files.length > 0,
      20_000,
    );
    expect([...stack.slack.whoCanSee(shared.files[0]!)].sort()).toEqual(['U0ALICE', 'U0BOB']);
    await stack.slack.waitForMessage(
      (m) => m.channel === 'C0OPS' && m.edited && /CSV ready/.test(m.text),
      10_000,
    );
  });

  it('says why a channel refused the file, and sends it to the asker alone when asked', async () => {
    const secret = () => stack.slack.messages('G0SECRET', { includeEphemeralFor: ALICE });
    await stack.slack.sendCommand({
      channel: 'G0SECRET',
      user: ALICE,
      text: 'failed last 2 days limit:5 public',
    });
    const page = await stack.slack.waitForMessage(
      (m) => m.channel === 'G0SECRET' && /Export CSV/.test(textOf(m)),
      10_000,
    );
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.exportCsv });
    const refused = await stack.slack.waitForMessage(
      (m) =>
        m.channel === 'G0SECRET' &&
        m.ephemeralFor === ALICE &&
        /not a member of this channel/.test(textOf(m)),
      20_000,
    );
    expect(textOf(refused)).toContain('/invite @backup-jobs');
    expect(textOf(refused)).not.toMatch(/went wrong on our side/);
    expect(secret().some((m) => m.files.length > 0)).toBe(false);
    await stack.slack.click({ user: ALICE, messageId: refused.id, actionId: ACTION.exportCsvDirect });
    const shared = await stack.slack.waitForMessage(
      (m) =>
        m.channel === 'D0ALICE' && m.files.length > 0 && !m.edited && m.text.includes('failed last 2 days'),
      20_000,
    );
    expect(stack.slack.whoCanSee(shared.files[0]!)).toEqual([ALICE]);
    await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /As you asked/.test(textOf(m)),
      10_000,
    );
    await stack.slack.waitForMessage(
      (m) =>
        m.channel === 'D0ALICE' &&
        m.edited &&
        /CSV ready/.test(m.text) &&
        m.text.includes('failed-last-2-days'),
      10_000,
    );
  });

  it('charts a private summary by day in place, with Slack’s own blocks, from the Summaries API', async () => {
    const summary = await command('summary 7d');
    expect(textOf(summary)).toMatch(/completed with issues/i);
    stack.aws.resetStats();
    const files = stack.slack.files().length;
    await stack.slack.click({ user: ALICE, messageId: summary.id, actionId: ACTION.chart });
    const charted = await stack.slack.waitForMessage(
      (m) =>
        m.id === summary.id && (m.blocks as { type: string }[]).some((b) => b.type === 'data_visualization'),
      20_000,
    );
    // Still Alice's alone, no file made, the numbers in the text for notifications and screen readers.
    expect(charted.ephemeralFor).toBe(ALICE);
    expect(stack.slack.files().length).toBe(files);
    const blocks = charted.blocks as { type: string; chart?: { type: string } }[];
    expect(blocks.find((b) => b.type === 'data_visualization')?.chart?.type).toBe('bar');
    expect(blocks.some((b) => b.type === 'data_table')).toBe(true);
    expect(charted.text).toMatch(/Per UTC day: /);
    expect(stack.aws.stats().calls.ListBackupJobs).toBeUndefined();
    expect(stack.aws.stats().calls.ListBackupJobSummaries).toBeDefined();
  });

  it('refuses a private summary’s chart to anyone but the asker', async () => {
    const summary = await command('summary 7d');
    const cursor = buttons(summary).get(ACTION.chart)!.value!;
    const before = stack.slack.files().length;
    const bobSees = () => stack.slack.messages('C0OPS', { includeEphemeralFor: 'U0BOB' });
    const count = bobSees().length;
    // Bob cannot see Alice's message, so he sends the button value as if from a message of his own.
    const own = await command('summary 7d', 'U0BOB');
    await stack.slack.click({ user: 'U0BOB', messageId: own.id, actionId: ACTION.chart, value: cursor });
    await stack.slack.waitForMessage(() => bobSees().length > count + 1, 10_000);
    expect(textOf(bobSees().at(-1)!)).not.toContain('summary 7d');
    expect(stack.slack.files().length).toBe(before);
  });

  it('shares an ephemeral result in the channel, where anyone pages a private copy of it', async () => {
    const page = await command('completed last 2 days limit:3');
    const known = new Set(stack.slack.messages('C0OPS').map((m) => m.id));
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.share });
    const shared = await stack.slack.waitForMessage(
      (m) => m.channel === 'C0OPS' && !m.ephemeralFor && !known.has(m.id) && /Page 1/.test(textOf(m)),
      10_000,
    );
    expect(textOf(shared)).toContain(`<@${ALICE}>`);
    await stack.slack.click({ user: 'U0BOB', messageId: shared.id, actionId: ACTION.next });
    // Bob's click opens his own copy; the shared message stays as posted.
    await stack.slack.waitForMessage(
      () =>
        stack.slack
          .messages('C0OPS', { includeEphemeralFor: 'U0BOB' })
          .some((m) => m.ephemeralFor === 'U0BOB' && /Page 2/.test(textOf(m))),
      10_000,
    );
    const after = stack.slack.messages('C0OPS').find((m) => m.id === shared.id);
    expect(textOf(after!)).toMatch(/Page 1/);
  });

  it('posts in the channel when asked with public', async () => {
    const page = await command('partial last 14 days public');
    expect(page.ephemeralFor).toBeUndefined();
  });

  it('shows a bare job id’s details from /backup-jobs job <id>', async () => {
    const [job] = stack.aws.addJobs([{ Region: 'ap-southeast-2', State: 'RUNNING', PercentDone: '42.0' }]);
    const details = await command(`job ${job!.BackupJobId}`);
    expect(textOf(details)).toMatch(/42/);
    expect(textOf(details)).toContain('ap-southeast-2');
  });
});
