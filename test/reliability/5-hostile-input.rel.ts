import { afterAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { fuzzCommandTexts } from '../helpers/fuzz.js';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { startProduct } from './support/children.js';
import { formOf, tamperedClicks } from './support/hostile.js';
import { badSignatures, bigBodies, malformedBodies, type RawRequest } from './support/malformed.js';
import { clickBody, postRaw, signedHeaders } from './support/signed.js';
import { startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import { answerText, conversation, type Exchange, kindOf, nextValue } from './support/talk.js';
import { closers, REGIONS, startAws, startSlack } from './support/world.js';

/** Runs `send` over `items`, `width` at a time. */
async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  send: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(send))));
  return out;
}

/** Work running in the bot or waiting in Redis for it, from its own metrics. */
async function inFlight(healthUrl: string): Promise<number> {
  const text = await (await fetch(`${healthUrl}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return gauge('backup_jobs_work_active') + gauge('backup_jobs_work_waiting');
}

describe('hostile input through the HTTP endpoint of the bot process', () => {
  const close = closers();
  afterAll(() => close.run());

  it('hostile-input: fuzz, tampering, replays, bad signatures, big and malformed bodies: 2xx with a clear answer or 4xx', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws({ jobs: 600 }), (a) => a.close());
    const slack = close.add(await startSlack(secrets), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const urls = { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL };
    const bot = close.add(
      await startProduct('bot', productEnv(secrets, urls, REGIONS, db.prefix), logDir, 'hostile-input-bot'),
      (c) => c.stop(),
    );
    const talk = conversation(bot.url, secrets.signingSecret, sink, 'hi');
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const http = (label: string, status: number, allowed: (s: number) => boolean, error?: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!allowed(status)) problems.push(`${label}: HTTP ${status || error}`);
    };
    const ok2xx = (s: number) => s >= 200 && s < 300;
    const clearAnswer = async (exchange: Exchange, says?: RegExp): Promise<void> => {
      const answer = await sink.waitFor(exchange.id, 30_000).catch(() => undefined);
      if (!answer) {
        problems.push(`${exchange.label}: no answer`);
        return;
      }
      const text = answerText(answer);
      if (kindOf(answer) === 'unexpected' || text.trim() === '')
        problems.push(`${exchange.label}: "${text.slice(0, 120)}"`);
      else if (says && !says.test(text)) problems.push(`${exchange.label}: "${text.slice(0, 120)}"`);
    };

    // 1,000 fuzzed command texts, 25 at a time: each acknowledged, each answered clearly.
    const fuzz = await inBatches(fuzzCommandTexts(1000), 25, (text) => talk.sendCommand(text));
    for (const sent of fuzz) http(sent.label, sent.ack.status, ok2xx, sent.ack.error);
    await inBatches(fuzz, 100, (sent) => clearAnswer(sent));

    // 500 clicks with tampered values and shapes, on Alice's cursor and Bob's.
    const cursor = nextValue(await talk.command('last 7 days limit:5'))!;
    const bobs = conversation(bot.url, secrets.signingSecret, sink, 'bob', 'U0BOB');
    const othersCursor = nextValue(await bobs.command('last 7 days limit:5'))!;
    expect(cursor && othersCursor).toBeTruthy();
    const tampered = tamperedClicks(500, cursor, othersCursor);
    const clicks = await inBatches(tampered, 25, (c) =>
      talk.sendForm(c.label, (url) => formOf(c.payload(url))),
    );
    for (const [i, sent] of clicks.entries()) {
      const allowed = tampered[i]!.mayRefuse ? (status: number) => ok2xx(status) || status === 400 : ok2xx;
      http(sent.label, sent.ack.status, allowed, sent.ack.error);
    }
    await inBatches(
      clicks.map((sent, i) => [sent, tampered[i]!] as const),
      100,
      async ([sent, click]) => (click.answered ? clearAnswer(sent, click.says) : undefined),
    );

    // 50 clicks, each sent 10 times at once: one is run, 9 are replays, some of them with the
    // signature decorated (`=x`, `=`, `==v1` after the HMAC still verifies, and must not make a new
    // request of the same one).
    const replayIds = Array.from({ length: 50 }, (_, i) => `replay-${i}`);
    const decorations = ['', '=x', '', '=', '', '==v1', '', '=x', '=', '==v1'];
    await inBatches(replayIds, 5, async (id) => {
      const body = clickBody(id.endsWith('0') ? ACTION.prev : ACTION.next, cursor, sink.urlFor(id));
      const headers = signedHeaders(secrets.signingSecret, body);
      const copies = await Promise.all(
        decorations.map((tail) =>
          postRaw(bot.url, body, {
            ...headers,
            'X-Slack-Signature': `${headers['X-Slack-Signature']}${tail}`,
          }),
        ),
      );
      for (const copy of copies) http(`replayed ${id}`, copy.status, ok2xx, copy.error);
    });

    // Bad signatures, malformed and big bodies, one at a time.
    const raw: RawRequest[] = [
      ...badSignatures(secrets.signingSecret, sink.urlFor('bad-signature')),
      ...malformedBodies(secrets.signingSecret, sink.urlFor),
      ...bigBodies(secrets.signingSecret, sink.urlFor),
    ];
    for (const request of raw) {
      const outcome = await postRaw(bot.url, request.body, request.headers, request.method);
      http(request.label, outcome.status, request.allowed, outcome.error);
      if (request.answerId && ok2xx(outcome.status)) {
        await clearAnswer({ id: request.answerId, label: request.label, sentAt: 0, ack: outcome });
      }
    }

    // Once the bot has nothing left to answer, every replayed click was answered exactly once.
    await clearAnswer(await talk.sendCommand('help'));
    const deadline = Date.now() + 30_000;
    while ((await inFlight(bot.healthUrl)) !== 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const replayAnswers = replayIds.map((id) => sink.answers(id).length);
    for (const [i, n] of replayAnswers.entries())
      if (n !== 1) problems.push(`replay-${i}: answered ${n} times`);
    const perRequest = replayAnswers.reduce((a, b) => a + b, 0) / replayIds.length;
    expect(sink.answers('bad-signature')).toEqual([]);

    const health = await fetch(`${bot.url}/healthz`);
    const sent = fuzz.length + clicks.length + replayIds.length * decorations.length + raw.length;
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s || 'no answer'}`);
    task.meta.reliability = `${sent} requests (1,000 fuzzed commands, ${clicks.length} tampered and ${replayIds.length * (decorations.length - 1)} replayed clicks, ${raw.length} forged, expired, malformed or big): ${byStatus.join(', ')}; ${problems.length} problems; answers per signed request ${perRequest.toFixed(2)} (${replayIds.length} clicks sent ${decorations.length} times each, ${decorations.filter(Boolean).length} of them with a decorated signature); /healthz ${health.status}`;
    expect(problems).toEqual([]);
    expect(perRequest).toBe(1);
    expect(health.status).toBe(200);
    expect(bot.alive()).toBe(true);
  });
});
