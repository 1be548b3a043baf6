import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { DEFAULT_CHANNELS, DEFAULT_USERS } from '../../src/emulator/slack/index.js';
import { type Stack, startStack, textOf, waitUntil } from '../helpers/stack.js';

const PEOPLE = Array.from({ length: 16 }, (_, i) => ({
  id: `U0P${String(i).padStart(2, '0')}`,
  name: `person${i}`,
  realName: `Person ${i}`,
  tz: 'Europe/Paris',
}));

describe('sixteen people export a shared result at once, during an incident', () => {
  let stack: Stack;
  beforeAll(async () => {
    const everyone = [...DEFAULT_USERS.map((u) => u.id), ...PEOPLE.map((p) => p.id)];
    stack = await startStack({
      // AWS answers slowly, so that the exports overlap and queue behind each other.
      aws: { jobs: 3000, latencyMs: 40 },
      slack: {
        users: [...DEFAULT_USERS, ...PEOPLE],
        channels: DEFAULT_CHANNELS.map((c) => (c.id === 'C0OPS' ? { ...c, members: everyone } : c)),
      },
    });
  });
  afterAll(() => stack.close());

  it('all finish, say how many are ahead, and a command sent meanwhile is answered within seconds', async () => {
    await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'last 7 days limit:5 public' });
    const shared = await stack.slack.waitForMessage(
      (m) => m.channel === 'C0OPS' && !m.ephemeralFor && /Export CSV/.test(textOf(m)),
      10_000,
    );
    const filesBefore = stack.slack.files().length;
    const acks = await Promise.all(
      PEOPLE.map((p) => stack.slack.click({ user: p.id, messageId: shared.id, actionId: ACTION.exportCsv })),
    );
    expect(acks.map((a) => a.status)).toEqual(PEOPLE.map(() => 200));
    expect(Math.max(...acks.map((a) => a.ackMs))).toBeLessThan(3000);

    const asked = Date.now();
    await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'failed last 3 days' });
    await stack.slack.waitForMessage((m) => m.ephemeralFor === 'U0BOB' && /Failed jobs/.test(m.text), 10_000);
    const answeredInMs = Date.now() - asked;
    expect(answeredInMs).toBeLessThan(5000);

    const csvs = () =>
      stack.slack
        .files()
        .slice(filesBefore)
        .filter((f) => f.name.endsWith('.csv'));
    await waitUntil(stack.slack, () => csvs().length >= PEOPLE.length, 120_000);
    expect(csvs()).toHaveLength(PEOPLE.length);
    const queued = PEOPLE.flatMap((p) =>
      stack.slack
        .messages('C0OPS', { includeEphemeralFor: p.id })
        .filter((m) => m.ephemeralFor === p.id && /Your export is queued: \d+ exports? ahead/.test(m.text)),
    );
    expect(queued.length).toBeGreaterThan(0);
    const ready = await fetch(`${stack.healthUrl}/readyz`);
    expect(ready.status).toBe(200);
  }, 150_000);
});
