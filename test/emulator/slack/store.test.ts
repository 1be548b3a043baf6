import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn, StoredMessage } from '../../../src/emulator/slack/index.js';
import { clientFor, startTestStandIn } from './helpers.js';

const NOW = new Date('2026-05-05T05:05:05Z');
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startTestStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());

describe('message store and live events', () => {
  it('gives unique, increasing ts under a pinned clock, in channel order', async () => {
    const client = clientFor(standIn);
    const a = await client.chat.postMessage({ channel: 'C0OPS', text: 'a' });
    const b = await client.chat.postMessage({ channel: 'C0OPS', text: 'b' });
    expect(a.ts?.startsWith('1777957505.')).toBe(true);
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    expect(standIn.messages('ops').map((m) => m.text)).toEqual(['a', 'b']);
    expect(standIn.lastMessage('C0OPS')?.text).toBe('b');
  });

  it('emits message, update and delete with snapshots the listener cannot use to change the store', async () => {
    const seen: string[] = [];
    const onMessage = (m: StoredMessage) => {
      seen.push(`message:${m.text}`);
      m.text = 'mutated by a listener';
    };
    const onUpdate = (m: StoredMessage) => seen.push(`update:${m.text}`);
    const onDelete = (m: StoredMessage) => seen.push(`delete:${m.deleted}`);
    standIn.events.on('message', onMessage);
    standIn.events.on('update', onUpdate);
    standIn.events.on('delete', onDelete);
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'firing' });
    await client.chat.update({ channel: 'C0ALERTS', ts: posted.ts!, text: 'resolved' });
    await client.chat.delete({ channel: 'C0ALERTS', ts: posted.ts! });
    standIn.events.off('message', onMessage);
    standIn.events.off('update', onUpdate);
    standIn.events.off('delete', onDelete);
    expect(seen).toEqual(['message:firing', 'update:resolved', 'delete:true']);
  });

  it('waitForMessage resolves when a matching message arrives', async () => {
    const waiting = standIn.waitForMessage((m) => m.channel === 'D0ALICE' && m.text === 'later', 2000);
    await clientFor(standIn).chat.postMessage({ channel: 'D0ALICE', text: 'later' });
    expect((await waiting).text).toBe('later');
  });

  it('waitForMessage resolves at once for a message already stored, and rejects on timeout', async () => {
    await clientFor(standIn).chat.postMessage({ channel: 'D0ALICE', text: 'already here' });
    expect((await standIn.waitForMessage((m) => m.text === 'already here', 1)).channel).toBe('D0ALICE');
    await expect(standIn.waitForMessage((m) => m.text === 'never', 50)).rejects.toThrow(
      /no matching message within 50 ms/,
    );
    expect(standIn.events.listenerCount('message')).toBe(0);
  });
});
