import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { standInsOf } from '../src/cli/common.js';
import { loadConfig } from '../src/config.js';

const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('backup-jobs CLI', () => {
  it('lists the commands, and answers an unknown one with a usage error', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['bot', 'worker', 'demo', 'emulator', 'parse'])
      expect(help.stdout).toContain(`  ${name}`);
    const unknown = await cli(['serve']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/unknown command "serve"[\s\S]*Usage: backup-jobs <command>/);
  });

  it('has --help for every command', async () => {
    for (const name of ['bot', 'worker', 'demo', 'emulator', 'parse']) {
      const help = await cli([name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: backup-jobs ${name}`));
    }
  });

  it('prints each command its own flags on --help, and nothing on stderr', async () => {
    const flags = {
      parse: ['--now ISO-8601', '--tz Zone'],
      emulator: [
        '--port N',
        '--seed N',
        '--jobs N',
        '--accounts N',
        '--regions a,b',
        '--latency-ms N',
        '--order',
        '--resources N',
        '--member-role-name NAME',
      ],
      demo: ['--port N', '--host ADDRESS', '--burst-after SECONDS', '--socket-mode'],
      bot: [],
      worker: [],
    };
    for (const [name, expected] of Object.entries(flags)) {
      const help = await cli([name, '-h']);
      expect([name, help.code, help.stderr]).toEqual([name, 0, '']);
      const options = help.stdout.slice(help.stdout.indexOf('Options:'));
      for (const flag of expected) expect(options, name).toContain(`  ${flag}`);
      expect(options).toContain('-h, --help');
    }
  });

  it('refuses an unknown flag with one line naming it and the usage, status 64 and no stack', async () => {
    const bogus = await cli(['parse', '--bogus', 'failed last 3 days']);
    expect(bogus.code).toBe(64);
    expect(bogus.stdout).toBe('');
    expect(bogus.stderr.split('\n')).toEqual([
      "backup-jobs: parse: Unknown option '--bogus'.",
      'Usage: backup-jobs parse "<text>" [--now ISO-8601] [--tz Zone]  (more with: backup-jobs parse --help)',
      '',
    ]);
    const demo = await cli(['demo', '--verbose']);
    expect(demo.code).toBe(64);
    expect(demo.stderr).toMatch(
      /^backup-jobs: demo: Unknown option '--verbose'\.\nUsage: backup-jobs demo \[--port N\]/,
    );
    const bot = await cli(['bot', '--port', '3000']);
    expect(bot.code).toBe(64);
    expect(bot.stderr).toMatch(/^backup-jobs: bot: Unknown option '--port'\.\nUsage: backup-jobs bot /);
  });

  it('refuses a flag without its value, even when another flag follows it', async () => {
    for (const args of [
      ['parse', 'failed today', '--now'],
      ['parse', 'failed today', '--now', '--tz', 'UTC'],
    ]) {
      const missing = await cli(args);
      expect([args, missing.code]).toEqual([args, 64]);
      expect(missing.stderr).toMatch(
        /^backup-jobs: parse: --now needs a value \(ISO-8601\)\.\nUsage: backup-jobs parse /,
      );
    }
    const port = await cli(['emulator', '--port']);
    expect(port.code).toBe(64);
    expect(port.stderr).toMatch(
      /^backup-jobs: emulator: --port needs a value \(N\)\.\nUsage: backup-jobs emulator /,
    );
  });

  it('refuses a bad value, a switch given a value, and an operand where none is taken', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['parse', 'x', '--now', 'yesterday-ish'],
        /parse: --now "yesterday-ish" is not a date: give an ISO-8601 time/,
      ],
      [['parse', 'x', '--tz', 'Mars/Base'], /parse: --tz "Mars\/Base" is not a time zone/],
      [['parse'], /parse: needs the text to parse, like backup-jobs parse "failed last 3 days"/],
      [
        ['emulator', '--order', 'random'],
        /emulator: --order "random" is not one of newest, oldest, shuffled/,
      ],
      [['demo', '--burst-after', 'soon'], /demo: --burst-after "soon" is not a number of seconds, like 60/],
      [['demo', '--socket-mode=yes'], /demo: --socket-mode takes no value, got "yes"/],
      [['worker', 'now'], /worker: Unexpected argument "now": this command takes none/],
    ];
    for (const [args, message] of cases) {
      const refused = await cli(args);
      expect([args, refused.code]).toEqual([args, 64]);
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr).toMatch(/\nUsage: backup-jobs \w+/);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('parses with every documented flag, the = form included', async () => {
    const parsed = await cli([
      'parse',
      'failed since monday 9am',
      '--now=2026-11-23T10:00:00Z',
      '--tz',
      'America/New_York',
    ]);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout).filters).toEqual({
      ByCreatedAfter: '2026-11-16T14:00:00.000Z',
      ByCreatedBefore: '2026-11-23T10:00:00.000Z',
    });
  });

  it('refuses to start the bot with a bad environment, naming every bad key at once', async () => {
    const bad = await cli(['bot'], {
      PORT: 'eighty',
      DEFAULT_TIMEZONE: 'Mars/Base',
      SLACK_BOT_TOKEN: 'nope',
    });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/PORT \(got "eighty"\)/);
    expect(bad.stderr).toMatch(/DEFAULT_TIMEZONE/);
    expect(bad.stderr).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    // The keys that are missing, in the same run as the ones that are bad.
    expect(bad.stderr).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(bad.stderr).toMatch(/AWS_REGIONS is missing/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lets the demo listen on this machine or on every interface, and nowhere in between', async () => {
    const refused = await cli(['demo', '--host', '192.0.2.2']);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/--host "192\.0\.2\.2" is not an address the demo listens on/);
    expect(refused.stderr).toMatch(/127\.0\.0\.1 \(the default\).*0\.0\.0\.0/);
  });
});

describe('standInsOf', () => {
  const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x'.repeat(32), AWS_REGIONS: 'eu-west-1' };
  const of = (extra: Record<string, string>) =>
    standInsOf(loadConfig({ ...env, ...extra }, 'bot'), { ...env, ...extra });

  it('finds none when AWS and Slack are the real ones, VPC endpoints and GovSlack included', () => {
    expect(of({})).toEqual({ aws: undefined, slack: undefined });
    expect(
      of({
        AWS_ENDPOINT_URL_BACKUP: 'https://vpce-0a1b-x2y3.backup.eu-west-1.vpce.amazonaws.com',
        SLACK_API_URL: 'https://slack-gov.com/api/',
      }),
    ).toEqual({ aws: undefined, slack: undefined });
  });

  it('names the AWS endpoint and the Slack API URL that are not the real ones', () => {
    expect(
      of({ AWS_ENDPOINT_URL_BACKUP: 'http://127.0.0.1:4566', SLACK_API_URL: 'http://localhost:3000/api' }),
    ).toEqual({
      aws: 'http://127.0.0.1:4566',
      slack: 'http://localhost:3000/api/',
    });
    // Look-alikes of AWS's domain, and AWS's name over plain http, are not AWS.
    for (const url of ['https://backup.amazonaws.com.evil.example', 'http://backup.eu-west-1.amazonaws.com'])
      expect(of({ AWS_ENDPOINT_URL_BACKUP: url }).aws).toBe(url);
    expect(of({ SLACK_API_URL: 'https://slack.example.com/api/' }).slack).toBe(
      'https://slack.example.com/api/',
    );
  });

  it('reads the SDK-wide AWS_ENDPOINT_URL too, unless the SDK is told to ignore it', () => {
    expect(of({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' }).aws).toBe('http://127.0.0.1:9000');
    expect(
      of({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9000', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).aws,
    ).toBeUndefined();
    expect(
      of({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9000', AWS_ENDPOINT_URL_BACKUP: 'http://127.0.0.1:4566' }).aws,
    ).toBe('http://127.0.0.1:4566');
  });
});
