import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { type LogEntry, type RoleProcess, startRole } from './processes/child.js';
import { startWorld, type World } from './processes/world.js';

const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

let world: World;
let bot: RoleProcess;
let worker: RoleProcess;

beforeAll(async () => {
  world = await startWorld({ jobs: 50 });
  await world.writeRules('rules: []\n');
  bot = await startRole('bot', { ...world.env, LOG_LEVEL: 'debug' });
  worker = await startRole('worker', { ...world.env, LOG_LEVEL: 'debug' });
}, 40_000);

afterAll(async () => {
  await bot?.stop();
  await worker?.stop();
  await world?.close();
});

/**
 * Sends the head of a POST to /slack/events and `sent` bytes of a 1,000-byte body, then drops the
 * connection, as a client that gives up mid-upload does.
 */
function abortMidBody(url: string, headers: Record<string, string>, sent = 10): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const head = Object.entries({ Host: `${hostname}:${port}`, 'Content-Length': '1000', ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`POST ${SLACK_EVENTS_PATH} HTTP/1.1\r\n${head}\r\n${'x'.repeat(sent)}`, () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}

function isAbout(entry: LogEntry, pattern: RegExp): boolean {
  return pattern.test(`${entry.msg} ${String(entry.detail ?? '')}`);
}

describe('the bot and worker processes', () => {
  it('report both ports at startup, the bot serving health apart from Slack', () => {
    const started = bot.logs().find((e) => e.msg === 'bot started')!;
    expect(started).toMatchObject({ mode: 'http', port: expect.any(Number), healthPort: expect.any(Number) });
    expect(started.port).not.toBe(started.healthPort);
    expect(bot.healthUrl).not.toBe(bot.url);
  });

  it('warn at startup, naming them, that AWS and Slack are stand-ins', () => {
    for (const role of [bot, worker]) {
      const warned = role
        .logs()
        .filter((e) => e.msg === 'not the real AWS or Slack: replies say so in a footer');
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({
        level: LEVEL.warn,
        awsEndpoint: world.aws.url,
        slackApiUrl: world.slack.apiUrl,
      });
    }
  });

  it('log a request given up mid-body at debug, with or without a signature, and no stack', async () => {
    const stamp = String(Math.floor(Date.now() / 1000));
    const forged = `v0=${createHmac('sha256', 'not-the-secret').update(`v0:${stamp}:x`).digest('hex')}`;
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const before = bot.logs().length;
    await abortMidBody(bot.url, form);
    await abortMidBody(bot.url, { ...form, 'X-Slack-Signature': forged, 'X-Slack-Request-Timestamp': stamp });
    // The signed-looking one is read by Bolt, which notes the body it never got in full.
    const noted = await bot.waitForLog(
      (e) => e.level === LEVEL.debug && isAbout(e, /request aborted/),
      10_000,
    );
    expect(noted.lib).toBe('bolt');
    // Requests after them are served: the process took no harm.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const later = bot.logs().slice(before);
    const loud = later.filter((e) => Number(e.level) >= LEVEL.warn);
    expect(loud).toEqual([]);
    expect(later.filter((e) => /\n\s+at /.test(JSON.stringify(e)))).toEqual([]);
  });
});
