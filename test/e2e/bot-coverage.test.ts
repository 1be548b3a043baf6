import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { buttons, type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

describe('stale, resource and coverage in Slack, through real Bolt, the AWS SDK and the emulator', () => {
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
    await stack.slack.waitForMessage(() => count() > before, 30_000);
    return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
  }

  it('lists the resource whose backups quietly stopped, and opens its story from its button', async () => {
    const gap = stack.aws.seededGaps().staleBackup!;
    const page = await command('stale 48h limit:50');
    const text = JSON.stringify(page.blocks);
    expect(text).toContain(gap.resourceName);
    const story = [...buttons(page).entries()].find(([, b]) => b.value === gap.resourceArn);
    expect(story).toBeDefined();
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: story![0], value: gap.resourceArn });
    const shown = await stack.slack.waitForMessage(
      (m) =>
        m.id !== page.id && m.ephemeralFor === ALICE && JSON.stringify(m.blocks).includes(gap.resourceArn),
      20_000,
    );
    expect(textOf(shown)).toMatch(/last good backup/i);
  });

  it('answers a resource by name and shows coverage by type, account and Region', async () => {
    const gap = stack.aws.seededGaps().staleBackup!;
    const story = await command(`resource ${gap.resourceArn}`);
    expect(JSON.stringify(story.blocks)).toContain(gap.resourceType);
    const table = await command('coverage');
    expect(textOf(table)).toMatch(/fresh|stale/i);
    const bad = await command('stale 400d');
    expect(textOf(bad)).toMatch(/stale 365d/);
  });

  it('pages a stale answer by the page its button names', async () => {
    const first = await command('stale 1h limit:2');
    const next = buttons(first).get(ACTION.staleNext);
    expect(next?.value).toBe('2:stale 1h limit:2');
    await stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.staleNext });
    const second = await stack.slack.waitForMessage(
      (m) => m.id === first.id && /page 2 of/i.test(textOf(m)),
      20_000,
    );
    expect(textOf(second)).not.toBe(textOf(first));
  });
});
