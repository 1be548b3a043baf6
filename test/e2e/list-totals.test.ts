import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { DEFAULT_CHANNELS, DEFAULT_USERS } from '../../src/emulator/slack/index.js';
import { allJobIds } from '../helpers/aws.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

const CAROL = 'U0CAROL';
const DAY_MS = 86_400_000;

describe('a list says how many jobs match', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      slack: {
        users: [...DEFAULT_USERS, { id: CAROL, name: 'carol', realName: 'Carol Chen', tz: 'UTC' }],
        channels: DEFAULT_CHANNELS.map((c) =>
          c.id === 'C0OPS' ? { ...c, members: [...c.members, CAROL] } : c,
        ),
      },
    });
  });
  afterAll(() => stack.close());

  async function command(user: string, text: string) {
    const before = stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length;
    await stack.slack.sendCommand({ channel: 'C0OPS', user, text });
    return stack.slack.waitForMessage(
      (m) =>
        m.ephemeralFor === user &&
        m.via === 'response_url' &&
        stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length > before,
      10_000,
    );
  }

  it('gives the exact total from the Summaries API when the window is whole UTC days', async () => {
    const day = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 9 * DAY_MS);
    const page = await command(CAROL, `since ${day.toISOString().slice(0, 10)} limit:5`);
    const listed = await Promise.all(
      stack.aws.regions.map((region) =>
        allJobIds(stack.aws, region, { ByCreatedAfter: day, ByCreatedBefore: new Date(), ByAccountId: '*' }),
      ),
    );
    const total = listed.flat().length;
    expect(total).toBeGreaterThan(5);
    expect(textOf(page)).toContain(`1–5 of ${total.toLocaleString('en-US')} backup jobs`);
  });

  it('says "more than" while more pages are to come, and counts on as pages are fetched', async () => {
    const first = await command('U0ALICE', 'last 7 days limit:5');
    expect(textOf(first)).toMatch(/1–5 of more than \d+ backup jobs/);
    await stack.slack.click({ user: 'U0ALICE', messageId: first.id, actionId: ACTION.next });
    const second = await stack.slack.waitForMessage(
      (m) => m.id === first.id && textOf(m).includes('Page 2'),
      10_000,
    );
    expect(textOf(second)).toMatch(/6–10 of more than \d+ backup jobs/);
  });
});
