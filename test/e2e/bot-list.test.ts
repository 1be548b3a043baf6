import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { buttons, type Stack, startStack, TRANSPORTS, textOf, waitUntil } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

describe.each(TRANSPORTS)('/backup-jobs through real Bolt, over %s', (transport) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport });
  });
  afterAll(() => stack.close());

  const latest = () => stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;

  async function command(text: string) {
    const before = stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    const result = await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(3000);
    return stack.slack.waitForMessage(
      (m) =>
        m.channel === 'C0OPS' &&
        stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length > before &&
        m.via === 'response_url',
      10_000,
    );
  }

  it('lists, pages forward and back in place, and Prev costs no AWS call', async () => {
    const first = await command('last 7 days limit:5');
    expect(first.ephemeralFor).toBe(ALICE);
    expect(textOf(first)).toMatch(/Page 1/);
    const next = buttons(first).get(ACTION.next);
    expect(next?.value).toMatch(/^[A-Za-z0-9_-]{22}:2$/);

    const clicked = await stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.next });
    expect(clicked.status).toBe(200);
    const second = await stack.slack.waitForMessage(
      (m) => m.id === first.id && textOf(m).includes('Page 2'),
      10_000,
    );
    expect(second.ephemeralFor).toBe(ALICE);

    stack.aws.resetStats();
    await stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.prev });
    await stack.slack.waitForMessage((m) => m.id === first.id && textOf(m).includes('Page 1'), 10_000);
    expect(stack.aws.stats().total).toBe(0);
  });

  it('shows the page a button names: a double click shows page 2 twice, a stale Next page 2 again', async () => {
    const first = await command('last 7 days limit:4');
    const page1 = textOf(first);
    stack.slack.resetCalls();
    await Promise.all([
      stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.next }),
      stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.next }),
    ]);
    const second = await stack.slack.waitForMessage(
      (m) => m.id === first.id && /Page 2/.test(textOf(m)),
      10_000,
    );
    const page2 = textOf(second);
    // Both answers replace the message with page 2; neither skips to page 3.
    await waitUntil(stack.slack, () => (stack.slack.calls().response_url ?? 0) >= 2, 10_000);
    expect(textOf(stack.slack.message(first.id)!)).toBe(page2);
    expect(page2).not.toBe(page1);
    const staleNext = buttons(first).get(ACTION.next)!.value!;
    await stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.prev });
    await stack.slack.waitForMessage((m) => m.id === first.id && /Page 1/.test(textOf(m)), 10_000);
    stack.aws.resetStats();
    // The Next of the page-1 message as first posted, clicked after going back: page 2, no AWS call.
    await stack.slack.click({ user: ALICE, messageId: first.id, actionId: ACTION.next, value: staleNext });
    await stack.slack.waitForMessage((m) => m.id === first.id && /Page 2/.test(textOf(m)), 10_000);
    expect(textOf(stack.slack.message(first.id)!)).toBe(page2);
    expect(stack.aws.stats().total).toBe(0);
  });

  it('opens a job’s details from its button', async () => {
    const page = await command('failed last 14 days');
    const details = [...buttons(page).entries()].find(([id]) => id.startsWith(ACTION.details));
    expect(details).toBeDefined();
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: details![0] });
    const shown = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /console\.aws\.amazon\.com/.test(JSON.stringify(m.blocks)),
      10_000,
    );
    expect(textOf(shown)).toMatch(/FAILED|Failed/);
  });

  it('reads a misspelt word as the one word it is near, and says so; answers others with the nearest', async () => {
    const read = await command('faild last 3 days');
    expect(textOf(read)).toMatch(/Read \*?faild\*? as \*?failed\*?/);
    expect(textOf(read)).toMatch(/Failed jobs created in the last 3 days/);
    const unknown = await command('fald last 3 days');
    expect(textOf(unknown)).toMatch(/did you mean .*failed/i);
  });

  it('shows help with clickable examples that run', async () => {
    const help = await command('help');
    const example = [...buttons(help).entries()].find(([id]) => id.startsWith(ACTION.helpExample));
    expect(example).toBeDefined();
    const before = stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
    await stack.slack.click({ user: ALICE, messageId: help.id, actionId: example![0] });
    await stack.slack.waitForMessage(
      () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length > before,
      10_000,
    );
    expect(latest().id).not.toBe(help.id);
  });

  it('refuses a cursor of another user with a clear message that says nothing of their query', async () => {
    const page = await command('last 3 days');
    const value = buttons(page).get(ACTION.next)!.value!;
    await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'last 2 days' });
    const bobs = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === 'U0BOB' && m.via === 'response_url',
      10_000,
    );
    const result = await stack.slack.click({
      user: 'U0BOB',
      messageId: bobs.id,
      actionId: ACTION.next,
      value,
    });
    expect(result.status).toBe(200);
    const refusal = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === 'U0BOB' && m.id !== bobs.id,
      10_000,
    );
    expect(textOf(refusal)).toMatch(/someone else|another channel/);
    expect(textOf(refusal)).not.toContain('last 3 days');
    expect([...buttons(refusal).keys()].some((id) => id.startsWith(ACTION.runAgain))).toBe(false);
  });
});
