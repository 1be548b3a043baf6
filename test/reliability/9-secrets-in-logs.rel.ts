import { afterAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/blocks/index.js';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { addFailures, watchChannel, writeRules } from './support/alert-flow.js';
import { startProduct } from './support/children.js';
import { scanLogs } from './support/log-scan.js';
import { commandBody, postRaw } from './support/signed.js';
import { startSink } from './support/sink.js';
import { productEnv, suite } from './support/suite.js';
import { conversation, jobsOf, nextValue } from './support/talk.js';
import { closers, REGIONS, scratchDir, startAws, startSlack } from './support/world.js';

const RULE = 'rel-secrets';
const CHANNEL = 'C0ALERT6';

describe('secrets in the logs of the whole suite', () => {
  const close = closers();
  afterAll(() => close.run());

  it('secrets-in-logs: no token, signing secret or AWS secret in any bot or worker log at debug level', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws({ jobs: 300 }), (a) => a.close());
    const slack = close.add(await startSlack(secrets), (s) => s.close());
    const sink = close.add(await startSink(), (s) => s.close());
    const scratch = close.add(await scratchDir(), (s) => s.remove());
    const env = {
      ...productEnv(secrets, { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL }, REGIONS, db.prefix),
      ALERT_RULES_FILE: await writeRules(scratch.dir, [{ name: RULE, channel: CHANNEL }]),
    };
    const bot = close.add(await startProduct('bot', env, logDir, 'secrets-bot'), (c) => c.stop());
    const worker = close.add(await startProduct('worker', env, logDir, 'secrets-worker'), (c) => c.stop());
    const ledger = close.add(watchChannel(slack, CHANNEL), async (l) => l.stop());
    const talk = conversation(bot.url, secrets.signingSecret, sink, 'sl');

    // This case's own session walks the paths that handle secrets: Web API calls and their
    // failures, uploads, AWS signing and its failures, signature checks, shutdown.
    const page = await talk.command('last 7 days limit:5');
    const cursor = nextValue(page)!;
    await talk.click(ACTION.next, cursor);
    await talk.command('summary 7d');
    await talk.command(`job ${jobsOf(page)[0]!.split('/')[1]}`);
    await talk.command('alerts');
    await talk.sendClick(ACTION.exportCsv, cursor);
    // A private answer's CSV goes to the asker's DM with the app.
    await slack.waitForMessage((m) => m.channel === 'D0ALICE' && m.text.startsWith('CSV ready'), 20_000);
    const forged = commandBody('help', sink.urlFor('forged'));
    expect(
      (await postRaw(bot.url, forged, { 'X-Slack-Signature': 'v0=00', 'X-Slack-Request-Timestamp': '1' }))
        .status,
    ).toBe(401);
    slack.setFaults({ error: { methods: ['users.info'], times: 1, error: 'invalid_auth' } });
    await conversation(bot.url, secrets.signingSecret, sink, 'sl-bob', 'U0BOB').command('failed today');
    slack.setFaults({});
    aws.setFaults({ expiredToken: true });
    await talk.command('failed yesterday');
    aws.setFaults({ denyOperations: ['ListBackupJobSummaries'] });
    await talk.command('summary 14d');
    aws.setFaults({});
    addFailures(aws, 4);
    slack.setFaults({ error: { methods: ['chat.postMessage'], times: 1, error: 'not_authed' } });
    await ledger.waitFor('alert', (m) => m.text.startsWith(`Alert ${RULE}:`), 40_000);
    expect(await bot.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);

    const scan = await scanLogs(logDir, secrets);
    task.meta.reliability = `${scan.files} log files of the run's bot and worker processes, ${scan.lines.toLocaleString('en-US')} lines (${scan.debugLines.toLocaleString('en-US')} at debug): ${scan.leaks.length === 0 ? 'no token, signing secret or AWS secret' : scan.leaks.join('; ')}`;
    expect(scan.leaks).toEqual([]);
    expect(scan.debugLines).toBeGreaterThan(0);
    expect(scan.files).toBeGreaterThanOrEqual(2);
  });
});
