import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody as signedCommandBody, startSink } from '../../bench/signed-sender.js';
import { ACTION } from '../../src/blocks/index.js';
import { slackSignatureHeaders } from '../../src/emulator/slack/index.js';
import { fuzzCommandTexts } from '../helpers/fuzz.js';
import { SIGNING_SECRET, type Stack, startStack, textOf, waitUntil } from '../helpers/stack.js';

const commandBody = (text: string) => signedCommandBody(text, 'http://127.0.0.1:9/nowhere');

async function post(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  await res.text();
  return res.status;
}

describe('hostile input through the HTTP endpoint', () => {
  let stack: Stack;
  beforeAll(async () => {
    // The fuzz sends 1,000 texts as one user: the rate limits have a describe of their own below.
    stack = await startStack({
      aws: { jobs: 600 },
      env: { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_CHANNEL: '100000' },
    });
  });
  afterAll(() => stack.close());

  it('refuses forged, missing and 6-minute-old signatures, and accepts a good one', async () => {
    const body = commandBody('help');
    const now = Math.floor(Date.now() / 1000);
    expect(await post(stack.botUrl, body, {})).toBe(401);
    expect(await post(stack.botUrl, body, slackSignatureHeaders('not-the-secret', now, body))).toBe(401);
    expect(await post(stack.botUrl, body, slackSignatureHeaders(SIGNING_SECRET, now - 360, body))).toBe(401);
    const tampered = slackSignatureHeaders(SIGNING_SECRET, now, body);
    expect(await post(stack.botUrl, `${body}&text=summary`, tampered)).toBe(401);
    expect(await post(stack.botUrl, body, slackSignatureHeaders(SIGNING_SECRET, now, body))).toBe(200);
  });

  it('answers a signed request once, however often it is replayed or its signature decorated', async () => {
    const sink = await startSink();
    const queue = new Queue('requests', { connection: stack.redis, prefix: stack.prefix });
    const jobs = async () =>
      Object.values(await queue.getJobCounts('active', 'waiting', 'completed', 'failed', 'delayed')).reduce(
        (a, b) => a + b,
        0,
      );
    try {
      const before = await jobs();
      const body = signedCommandBody('help', `${sink.url}/once`);
      const now = Math.floor(Date.now() / 1000);
      const headers = slackSignatureHeaders(SIGNING_SECRET, now, body);
      const hmac = headers['X-Slack-Signature'];
      const copies = [hmac, hmac, `${hmac}=x`, `${hmac}=`, `${hmac}==v1`, hmac];
      const statuses = await Promise.all(
        copies.map((signature) => post(stack.botUrl, body, { ...headers, 'X-Slack-Signature': signature })),
      );
      expect(statuses).toEqual(copies.map(() => 200));
      // A request of its own after the copies: once it is answered, the copies had their chance.
      const after = signedCommandBody('help', `${sink.url}/after`);
      expect(await post(stack.botUrl, after, slackSignatureHeaders(SIGNING_SECRET, now, after))).toBe(200);
      await sink.waitFor(2, 10_000);
      // Six copies, one job: a replay never becomes work of its own, so it cannot be answered again.
      expect((await jobs()) - before).toBe(2);
      expect(sink.posts.filter((p) => p.path === '/once')).toHaveLength(1);

      // Correctly signed, stamped six minutes, a day and ten years ahead: refused as Slack says, never run.
      for (const ahead of [360, 86_400, 315_360_000]) {
        const future = signedCommandBody('help', `${sink.url}/future-${ahead}`);
        expect(
          await post(stack.botUrl, future, slackSignatureHeaders(SIGNING_SECRET, now + ahead, future)),
        ).toBe(401);
      }
      const last = signedCommandBody('help', `${sink.url}/last`);
      expect(await post(stack.botUrl, last, slackSignatureHeaders(SIGNING_SECRET, now, last))).toBe(200);
      await sink.waitFor(3, 10_000);
      expect(sink.posts.map((p) => p.path).filter((p) => p.startsWith('/future'))).toEqual([]);
      expect((await jobs()) - before).toBe(3);
    } finally {
      await queue.close();
      await sink.close();
    }
  });

  it('answers 1,000 fuzzed command texts with a reply each, acknowledged within 3 s', async () => {
    const texts = fuzzCommandTexts(1000);
    let worstAck = 0;
    for (let i = 0; i < texts.length; i += 25) {
      const batch = texts.slice(i, i + 25);
      const results = await Promise.all(
        batch.map((text) => stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text })),
      );
      for (const result of results) {
        expect(result.status).toBe(200);
        expect(result.error).toBeUndefined();
        worstAck = Math.max(worstAck, result.ackMs);
      }
    }
    expect(worstAck).toBeLessThan(3000);
    const replyCount = () =>
      stack.slack.messages('C0OPS', { includeEphemeralFor: 'U0BOB' }).filter((m) => m.via === 'response_url')
        .length;
    await waitUntil(stack.slack, () => replyCount() >= 1000, 30_000);
    const replies = stack.slack
      .messages('C0OPS', { includeEphemeralFor: 'U0BOB' })
      .filter((m) => m.via === 'response_url');
    expect(replies.every((m) => m.text.length > 0 && !/stack|TypeError|undefined/.test(m.text))).toBe(true);
    expect(
      stack.slack.messages('C0OPS', { includeEphemeralFor: 'U0BOB' }).some((m) => m.user === 'USLACKBOT'),
    ).toBe(false);
  }, 120_000);

  it('answers tampered button values with a clear message', async () => {
    await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'last 7 days limit:3' });
    const page = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === 'U0ALICE' && /Page 1/.test(textOf(m)),
      10_000,
    );
    const values = [
      '',
      'x',
      'A'.repeat(22),
      '../../../etc/passwd',
      '{"$gt":""}',
      '🦄'.repeat(100),
      'eu-west-1/../../x',
    ];
    const actions = [ACTION.next, ACTION.share, ACTION.exportCsv, `${ACTION.details}:0`];
    for (const actionId of actions) {
      for (const value of values) {
        const before = stack.slack.messages('C0OPS', { includeEphemeralFor: 'U0ALICE' }).length;
        const result = await stack.slack.click({ user: 'U0ALICE', messageId: page.id, actionId, value });
        expect(result.status).toBe(200);
        const reply = await stack.slack.waitForMessage(
          () => stack.slack.messages('C0OPS', { includeEphemeralFor: 'U0ALICE' }).length > before,
          5000,
        );
        expect(reply.text).toMatch(/expired|no longer|not a backup job|someone else|not valid/i);
      }
    }
  }, 60_000);
});

describe('rate limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ aws: { jobs: 200 } });
  });
  afterAll(() => stack.close());

  it('answers a user past 30 requests a minute with when to try again, and runs nothing for them', async () => {
    const sent = await Promise.all(
      Array.from({ length: 36 }, () =>
        stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'last 7 days limit:3' }),
      ),
    );
    expect(sent.every((s) => s.status === 200)).toBe(true);
    const replies = () =>
      stack.slack
        .messages('C0OPS', { includeEphemeralFor: 'U0BOB' })
        .filter((m) => m.via === 'response_url' && m.ephemeralFor === 'U0BOB');
    await waitUntil(stack.slack, () => replies().length >= 36, 30_000);
    const slowDown = replies().filter((m) =>
      /Slow down: you sent more than 30 requests in a minute/.test(textOf(m)),
    );
    expect(slowDown).toHaveLength(6);
    for (const m of slowDown) expect(textOf(m)).toMatch(/Try again in \d+ s/);
    expect(replies().filter((m) => /Page 1/.test(textOf(m)))).toHaveLength(30);
    // One cursor per answered list, none for the refused ones.
    expect(await stack.redis.zcard(`${stack.prefix}:cursors`)).toBe(30);
    // Someone else is not held up by it.
    await stack.slack.sendCommand({ channel: 'C0ALERTS', user: 'U0ALICE', text: 'help' });
    const other = await stack.slack.waitForMessage((m) => m.ephemeralFor === 'U0ALICE', 10_000);
    expect(textOf(other)).not.toMatch(/Slow down/);
  }, 60_000);
});

describe('Redis outage', () => {
  it('answers clearly and at once when Redis cannot be reached', async () => {
    const stack = await startStack({ aws: { jobs: 100 }, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const started = Date.now();
      const result = await stack.slack.sendCommand({
        channel: 'C0OPS',
        user: 'U0ALICE',
        text: 'failed last 3 days',
      });
      expect(result.status).toBe(200);
      const reply = await stack.slack.waitForMessage(
        (m) => m.ephemeralFor === 'U0ALICE' && m.via === 'response_url',
        3000,
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(textOf(reply)).toMatch(/cannot reach its storage/);
      const ready = await fetch(`${stack.healthUrl}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await stack.close();
    }
  });
});

describe('signed but malformed payloads', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ aws: { jobs: 50 } });
  });
  afterAll(() => stack.close());

  it('refuses what lacks the fields a command or click needs, and ignores kinds it does not use', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (body: string) => slackSignatureHeaders(SIGNING_SECRET, now, body);
    const noUser = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        response_url: 'http://127.0.0.1:9/x',
        actions: [{ action_id: 'bj_page_next' }],
      }),
    }).toString();
    const badJson = 'payload=%7Bnot-json';
    const noResponseUrl = commandBody('help').replace(/&response_url=[^&]*/, '');
    const viewSubmission = new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T0DEMO' },
        user: { id: 'U0ALICE', team_id: 'T0DEMO' },
        view: { id: 'V1', type: 'modal', callback_id: 'not_ours', state: { values: {} } },
      }),
    }).toString();
    // It names a response_url: acknowledged, and told there what was wrong.
    expect(await post(stack.botUrl, noUser, signed(noUser))).toBe(200);
    expect(await post(stack.botUrl, badJson, signed(badJson))).toBe(400);
    expect(await post(stack.botUrl, noResponseUrl, signed(noResponseUrl))).toBe(400);
    expect(await post(stack.botUrl, viewSubmission, signed(viewSubmission))).toBe(200);
    const unknownKind = new URLSearchParams({
      payload: JSON.stringify({ type: 'x', user: { id: 'U1' } }),
    }).toString();
    expect(await post(stack.botUrl, unknownKind, signed(unknownKind))).toBe(400);
    expect((await fetch(`${stack.botUrl}/healthz`)).status).toBe(200);
  });
});

describe('a revoked bot token', () => {
  it('still answers through the response_url', async () => {
    const stack = await startStack({ aws: { jobs: 50 }, env: { SLACK_BOT_TOKEN: 'xoxb-revoked-0000' } });
    try {
      await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'failed last 3 days' });
      const reply = await stack.slack.waitForMessage(
        (m) => m.ephemeralFor === 'U0ALICE' && m.via === 'response_url',
        5000,
      );
      expect(textOf(reply)).toMatch(/Failed jobs created/);
    } finally {
      await stack.close();
    }
  });
});
