import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, QUERY_MODAL } from '../../src/blocks/index.js';
import { type Stack, startStack, TRANSPORTS, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

describe.each(TRANSPORTS)('Edit query: a modal checked in its ack, over %s', (transport) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport, aws: { jobs: 300 } });
  });
  afterAll(() => stack.close());

  it('opens prefilled, keeps a query it cannot read open with the reason, and runs a good one', async () => {
    const mine = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE });
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'failed last 7 days limit:5' });
    const page = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && /Page 1/.test(textOf(m)),
      10_000,
    );
    await stack.slack.click({ user: ALICE, messageId: page.id, actionId: ACTION.editQuery });
    const modal = await stack.slack.waitForView(
      (v) => v.user === ALICE && v.callbackId === QUERY_MODAL.callbackId && v.open,
      10_000,
    );
    expect(JSON.stringify(modal.blocks)).toContain('failed last 7 days limit:5');

    const wrong = await stack.slack.submitView({
      user: ALICE,
      viewId: modal.id,
      values: { [QUERY_MODAL.block]: { [QUERY_MODAL.action]: 'xyzzy last 7 days' } },
    });
    expect(wrong.action).toBe('errors');
    expect(wrong.closed).toBe(false);
    expect(wrong.errors?.[QUERY_MODAL.block]).toMatch(/xyzzy/);

    const before = mine().length;
    const right = await stack.slack.submitView({
      user: ALICE,
      viewId: modal.id,
      values: { [QUERY_MODAL.block]: { [QUERY_MODAL.action]: 'partial last 14 days limit:5' } },
    });
    expect(right.closed).toBe(true);
    const answer = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && mine().length > before && /Partial jobs|No backup jobs/.test(m.text),
      10_000,
    );
    expect(answer.channel).toBe('C0OPS');
    expect(answer.via).toBe('response_url');
  });
});
