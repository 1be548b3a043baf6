import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';

describe('public answers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const publicMessages = () =>
    stack.slack.messages('C0OPS').filter((m) => m.ephemeralFor === undefined && m.botId !== undefined);
  const zoneOf = (text: string) => /Times in ([^·]+)/.exec(text)?.[1]?.trim();

  it('names who asked; a click by someone else opens their own private copy in their zone', async () => {
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'last 7 days limit:5 public' });
    const answer = await stack.slack.waitForMessage(
      (m) => m.channel === 'C0OPS' && m.ephemeralFor === undefined && /Page 1/.test(textOf(m)),
      10_000,
    );
    const posted = textOf(answer);
    expect(posted).toContain(`Asked by <@${ALICE}>`);

    await stack.slack.click({ user: BOB, messageId: answer.id, actionId: ACTION.next });
    const own = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === BOB && /Page 2/.test(textOf(m)),
      10_000,
    );
    expect(own.id).not.toBe(answer.id);
    expect(zoneOf(textOf(own))).toBeDefined();
    expect(zoneOf(textOf(own))).not.toBe(zoneOf(posted));
    // The channel's message stays as posted.
    expect(textOf(stack.slack.message(answer.id)!)).toBe(posted);

    // Bob's copy is his: his Prev pages it in place, and the shared message is still untouched.
    await stack.slack.click({ user: BOB, messageId: own.id, actionId: ACTION.prev });
    await stack.slack.waitForMessage((m) => m.id === own.id && /Page 1/.test(textOf(m)), 10_000);
    expect(textOf(stack.slack.message(answer.id)!)).toBe(posted);
  });

  it('sharing the same page twice points to the first share instead of posting it again', async () => {
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'last 5 days limit:5' });
    const mine = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && m.via === 'response_url' && /last 5 days|Page 1/.test(textOf(m)),
      10_000,
    );
    const sharedBefore = publicMessages().length;
    await stack.slack.click({ user: ALICE, messageId: mine.id, actionId: ACTION.share });
    const shared = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === undefined && textOf(m).includes(`Shared by <@${ALICE}>`),
      10_000,
    );
    expect(publicMessages().length).toBe(sharedBefore + 1);

    await stack.slack.click({ user: ALICE, messageId: mine.id, actionId: ACTION.share });
    const pointer = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /already shared in the channel/.test(textOf(m)),
      10_000,
    );
    expect(textOf(pointer)).toContain(`<@${ALICE}>`);
    // The pointer links to the shared message, by the address Slack gives for it.
    const link = /<(https?:\/\/[^|>]+)\|see the message>/.exec(textOf(pointer))?.[1];
    expect(link && new URL(link).pathname).toBe(`/archives/C0OPS/p${shared.ts.replace('.', '')}`);
    expect(publicMessages().length).toBe(sharedBefore + 1);
    expect(stack.slack.message(shared.id)!.deleted).toBe(false);
  });
});
