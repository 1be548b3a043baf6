import { pathToFileURL } from 'node:url';
import { ACTION } from '../src/blocks/index.js';
import { startSlackStandIn } from '../src/emulator/slack/index.js';
import { startChildBot, startChildEmulator } from './child-bot.js';
import { clickBody, commandBody, sendAll, startSink } from './signed-sender.js';
import { percentiles, type Stats } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-bench-0000';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
/** Bursts per concurrency; percentiles pool all of them, so one noisy burst does not decide. */
const ROUNDS = 3;

function record(out: Record<string, number>, name: string, stats: Stats) {
  out[`${name} p50`] = stats.p50;
  out[`${name} p99`] = stats.p99;
  out[`${name} max`] = stats.max;
}

function cursorsIn(posts: { body: Record<string, unknown> }[]): string[] {
  return posts.flatMap(({ body }) => {
    const match = /"action_id":"bj_page_next","value":"([A-Za-z0-9_-]{22})"/.exec(
      JSON.stringify(body.blocks ?? []),
    );
    return match?.[1] ? [match[1]] : [];
  });
}

/**
 * Acknowledgement latency of N signed slash commands and N clicks sent at once to the bot in its own
 * process (against the AWS Backup emulator in another), as the sender sees it; the time until each
 * answer reached its response_url; and the AWS calls of a first, next and previous page.
 */
export async function benchSlack(
  concurrency: readonly number[] = [100, 500],
): Promise<Record<string, number>> {
  const aws = await startChildEmulator([
    '--regions',
    REGIONS.join(','),
    '--jobs',
    '6000',
    '--seed',
    '8',
    '--latency-ms',
    process.env.BENCH_AWS_LATENCY_MS ?? '0',
  ]);
  const slack = await startSlackStandIn({ signingSecret: SECRET, botToken: TOKEN });
  const sink = await startSink();
  const bot = await startChildBot({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `{bench-${process.pid}}`,
    AWS_REGIONS: REGIONS.join(','),
    AWS_ENDPOINT_URL_BACKUP: aws.url,
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    DEFAULT_ACCOUNT_ID: '*',
  });
  slack.setBotUrl(`${bot.url}/slack/events`);
  const out: Record<string, number> = {};
  try {
    await sendAll(
      bot.url,
      SECRET,
      Array.from({ length: 30 }, () => commandBody('failed last 3 days', sink.url)),
    );
    await sink.waitFor(30, 30_000);
    for (const n of concurrency) {
      const pooled = {
        pings: [] as number[],
        acks: [] as number[],
        answers: [] as number[],
        clickAcks: [] as number[],
        clickAnswers: [] as number[],
      };
      let failures = 0;
      let clicksSent = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const pings = () =>
          sendAll(
            bot.url,
            SECRET,
            Array.from({ length: n }, () => 'ssl_check=1&token=bench'),
          );
        // The first burst of signed no-op pings opens the sockets (the figures are then the bot's,
        // not TCP handshakes); the second, on open sockets, is what the load generator and the
        // network stack cost on this machine, to read the command figures against.
        await pings();
        pooled.pings.push(...(await pings()).map((a) => a.ms));
        const start = sink.posts.length;
        const sent = performance.now();
        const bodies = Array.from({ length: n }, (_, i) =>
          commandBody(i % 2 ? 'failed last 7 days' : 'summary 7d', sink.url),
        );
        const acks = await sendAll(bot.url, SECRET, bodies);
        pooled.acks.push(...acks.map((a) => a.ms));
        failures += acks.filter((a) => a.status !== 200).length;
        await sink.waitFor(start + n, 180_000);
        pooled.answers.push(...sink.posts.slice(start).map((p) => p.at - sent));
        const cursors = cursorsIn(sink.posts.slice(start));
        const clickStart = sink.posts.length;
        const clicked = performance.now();
        const clicks = await sendAll(
          bot.url,
          SECRET,
          cursors.map((id) => clickBody(ACTION.next, id, sink.url)),
        );
        clicksSent += clicks.length;
        pooled.clickAcks.push(...clicks.map((a) => a.ms));
        failures += clicks.filter((a) => a.status !== 200).length;
        await sink.waitFor(clickStart + clicks.length, 180_000);
        pooled.clickAnswers.push(...sink.posts.slice(clickStart).map((p) => p.at - clicked));
      }
      const clicksPerRound = Math.round(clicksSent / ROUNDS);
      record(out, `no-op ping ack ms, baseline (${n} concurrent)`, percentiles(pooled.pings));
      record(out, `command ack ms (${n} concurrent)`, percentiles(pooled.acks));
      record(out, `command answer ms (${n} concurrent)`, percentiles(pooled.answers));
      record(out, `click ack ms (${clicksPerRound} concurrent)`, percentiles(pooled.clickAcks));
      record(out, `click answer ms (${clicksPerRound} concurrent)`, percentiles(pooled.clickAnswers));
      out[`non-2xx answers (${n} concurrent)`] = failures;
    }

    await aws.resetStats();
    await slack.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'completed last 14 days' });
    const page = await slack.waitForMessage((m) => JSON.stringify(m.blocks).includes(ACTION.next), 10_000);
    out['AWS calls, first page (3 regions, 1 state)'] = (await aws.stats()).total;
    await aws.resetStats();
    await slack.click({ user: 'U0ALICE', messageId: page.id, actionId: ACTION.next });
    await slack.waitForMessage((m) => m.id === page.id && /Page 2/.test(JSON.stringify(m.blocks)), 10_000);
    out['AWS calls, next page (3 regions, 1 state)'] = (await aws.stats()).total;
    await aws.resetStats();
    await slack.click({ user: 'U0ALICE', messageId: page.id, actionId: ACTION.prev });
    await slack.waitForMessage((m) => m.id === page.id && /Page 1/.test(JSON.stringify(m.blocks)), 10_000);
    out['AWS calls, previous page'] = (await aws.stats()).total;
  } finally {
    await bot.stop();
    await sink.close();
    await slack.close();
    await aws.stop();
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSlack());
}
