import { pathToFileURL } from 'node:url';
import { ACTION } from '../src/blocks/index.js';
import { startSlackStandIn } from '../src/emulator/slack/index.js';
import { type Child, startChildBot, startChildEmulator } from './child-bot.js';
import { commandBody, sendAll, startSink } from './signed-sender.js';
import { percentiles } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-bench-0000';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const WAVE = 100;
const WAVES = 3;
const TEXTS = ['failed last 7 days', 'summary 7d', 'completed last 3 days limit:20'];

type Sink = Awaited<ReturnType<typeof startSink>>;
type Emulator = Awaited<ReturnType<typeof startChildEmulator>>;

function botEnv(slackApiUrl: string, awsUrl: string, prefix: string): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: slackApiUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    AWS_REGIONS: REGIONS.join(','),
    AWS_ENDPOINT_URL_BACKUP: awsUrl,
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    DEFAULT_ACCOUNT_ID: '*',
    // The waves come from one user, as fast as the machine can send them: a load test, not a person.
    RATE_LIMIT_PER_USER: '100000',
    RATE_LIMIT_PER_CHANNEL: '100000',
  };
}

/** `n` commands, each with a response_url of its own on the sink, so every answer is matched to its ack. */
function commands(sink: Sink, n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${i}`,
    body: commandBody(TEXTS[i % TEXTS.length]!, `${sink.url}/${tag}-${i}`),
  }));
}

/** Sends the commands at once to the bots in turn; resolves to each one's ack and the time it was acked. */
async function fire(bots: Child[], batch: { id: string; body: string }[]) {
  const per = bots.map((bot, b) => ({ bot, items: batch.filter((_, i) => i % bots.length === b) }));
  const results = await Promise.all(
    per.map(async ({ bot, items }) => {
      const sent = performance.now();
      const acks = await sendAll(
        bot.url,
        SECRET,
        items.map((c) => c.body),
      );
      return items.map((c, i) => ({
        id: c.id,
        ms: acks[i]!.ms,
        status: acks[i]!.status,
        ackedAt: sent + acks[i]!.ms,
      }));
    }),
  );
  return results.flat();
}

/** ms from each command's ack to its answer on the sink. */
async function answerTimes(sink: Sink, acked: { id: string; ackedAt: number }[]) {
  const deadline = Date.now() + 180_000;
  const at = () => new Map(sink.posts.map((p) => [p.path.slice(1), p.at]));
  while (acked.some((a) => !at().has(a.id))) {
    if (Date.now() > deadline) throw new Error('answers missing after 180 s');
    await sink.waitFor(sink.posts.length + 1, 1000).catch(() => undefined);
  }
  const arrived = at();
  return acked.map((a) => arrived.get(a.id)! - a.ackedAt);
}

/**
 * Ack latency under sustained load against a no-work baseline in the same run, answer latency at
 * 100 in flight with AWS at 0 and 100 ms per call, throughput with one and two bot processes on
 * one Redis, and the AWS calls of a first, next and previous page.
 */
export async function benchSlack(): Promise<Record<string, number>> {
  const aws = await startChildEmulator(['--regions', REGIONS.join(','), '--jobs', '6000', '--seed', '8']);
  const slack = await startSlackStandIn({ signingSecret: SECRET, botToken: TOKEN });
  const sink = await startSink();
  const prefix = `{bench-${process.pid}}`;
  const bots: Child[] = [await startChildBot(botEnv(slack.apiUrl, aws.url, prefix))];
  slack.setBotUrl(`${bots[0]!.url}/slack/events`);
  const out: Record<string, number> = {};
  try {
    await answerTimes(sink, await fire(bots, commands(sink, 30, 'warm')));
    await acksUnderLoad(bots[0]!, sink, out);
    await answersInFlight(bots[0]!, sink, aws, out);
    out['throughput, 1 bot (commands answered per s)'] = await throughput([bots[0]!], sink, 'tp1');
    bots.push(await startChildBot(botEnv(slack.apiUrl, aws.url, prefix)));
    out['throughput, 2 bots (commands answered per s)'] = await throughput(bots, sink, 'tp2');
    out['throughput ratio, 2 bots / 1 bot'] =
      Math.round(
        (out['throughput, 2 bots (commands answered per s)']! /
          out['throughput, 1 bot (commands answered per s)']!) *
          100,
      ) / 100;
    await awsCallsPerPage(slack, aws, out);
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await sink.close();
    await slack.close();
    await aws.stop();
  }
  return out;
}

/** Three back-to-back waves of 100 commands, each after a burst of signed no-op pings on the same sockets. */
async function acksUnderLoad(bot: Child, sink: Sink, out: Record<string, number>) {
  const pings: number[] = [];
  const acks: { id: string; ms: number; status: number; ackedAt: number }[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    const noWork = await sendAll(
      bot.url,
      SECRET,
      Array.from({ length: WAVE }, () => 'ssl_check=1&token=bench'),
    );
    pings.push(...noWork.map((p) => p.ms));
    // Not waiting for the answers: the next wave meets the work of the ones before.
    acks.push(...(await fire([bot], commands(sink, WAVE, `wave${wave}`))));
  }
  const base = percentiles(pings);
  const cmd = percentiles(acks.map((a) => a.ms));
  out['no-op ping ack ms, baseline p50'] = base.p50;
  out['no-op ping ack ms, baseline p99'] = base.p99;
  out['command ack ms, 3 waves of 100 p50'] = cmd.p50;
  out['command ack ms, 3 waves of 100 p99'] = cmd.p99;
  out['command ack p99 / baseline p99'] = Math.round((cmd.p99 / base.p99) * 100) / 100;
  out['non-2xx acks'] = acks.filter((a) => a.status !== 200).length;
  await answerTimes(sink, acks);
}

/** Ack to answer for 100 commands in flight at once, with AWS answering at once and after 100 ms. */
async function answersInFlight(bot: Child, sink: Sink, aws: Emulator, out: Record<string, number>) {
  for (const latencyMs of [0, 100]) {
    await fetch(`${aws.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
    const times = await answerTimes(sink, await fire([bot], commands(sink, WAVE, `lat${latencyMs}`)));
    const stats = percentiles(times);
    out[`answer ms after ack, 100 in flight, AWS +${latencyMs} ms p50`] = stats.p50;
    out[`answer ms after ack, 100 in flight, AWS +${latencyMs} ms p99`] = stats.p99;
  }
  await fetch(`${aws.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({}) });
}

/** 300 commands spread over the bots; any bot may answer any of them (the queue is shared). */
async function throughput(bots: Child[], sink: Sink, tag: string): Promise<number> {
  const started = performance.now();
  const acked = await fire(bots, commands(sink, 300, tag));
  await answerTimes(sink, acked);
  return Math.round((300 / ((performance.now() - started) / 1000)) * 10) / 10;
}

async function awsCallsPerPage(
  slack: Awaited<ReturnType<typeof startSlackStandIn>>,
  aws: Emulator,
  out: Record<string, number>,
) {
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
  await slack.click({ user: 'U0ALICE', messageId: page.id, actionId: ACTION.next });
  await slack.waitForMessage((m) => m.id === page.id && /Page 2/.test(JSON.stringify(m.blocks)), 10_000);
  out['AWS calls, previous page and Next again'] = (await aws.stats()).total;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSlack());
}
