import { describe, expect, expectTypeOf, it } from 'vitest';
import { ENV_KEYS, loadConfig, loadWorkerConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const botEnv = {
  SLACK_SIGNING_SECRET: 'x'.repeat(32),
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  AWS_REGIONS: 'us-east-1, eu-west-1',
};

function problemsOf(env: NodeJS.ProcessEnv, role: Parameters<typeof loadConfig>[1]): string[] {
  try {
    loadConfig(env, role);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults of the design', () => {
    const config = loadConfig(botEnv, 'bot');
    expect(config.port).toBe(3000);
    expect(config.healthPort).toBe(3001);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: '{bjb}' });
    expect(config.aws.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(config.defaultTimezone).toBe('UTC');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.logLevel).toBe('info');
  });

  it('falls back to AWS_REGION when AWS_REGIONS is empty', () => {
    const config = loadConfig({ ...botEnv, AWS_REGIONS: '', AWS_REGION: 'ap-south-1' }, 'bot');
    expect(config.aws.regions).toEqual(['ap-south-1']);
  });

  it('names every bad key at once, with what a valid value looks like', () => {
    const problems = problemsOf(
      {
        ...botEnv,
        PORT: 'eighty',
        AWS_REGIONS: 'us-east-1,Frankfurt',
        DEFAULT_TIMEZONE: 'Mars/Olympus',
        DEFAULT_ACCOUNT_ID: '12345',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'localhost:6379',
      },
      'bot',
    );
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/PORT \(got "eighty"\): expected a TCP port, like 3000/);
    expect(problems.join('\n')).toMatch(/AWS_REGIONS .*us-east-1,eu-west-1/);
    expect(problems.join('\n')).toMatch(/DEFAULT_TIMEZONE .*IANA time zone/);
    expect(problems.join('\n')).toMatch(/DEFAULT_ACCOUNT_ID .*12-digit account id, or \*/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL .*one of fatal, error/);
    expect(problems.join('\n')).toMatch(/REDIS_URL .*redis:\/\/127\.0\.0\.1:6379/);
  });

  it('never echoes secrets back in a problem', () => {
    const problems = problemsOf({ ...botEnv, SLACK_BOT_TOKEN: 'not-a-token-supersecret' }, 'bot');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(problems[0]).not.toContain('supersecret');
  });

  it('asks each role only for what it needs', () => {
    expect(problemsOf({}, 'parse')).toEqual([]);
    expect(problemsOf({}, 'emulator')).toEqual([]);
    expect(problemsOf({}, 'bot').map((p) => p.split(' ')[0])).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'AWS_REGIONS',
    ]);
    // Rules may live in Redis alone: the worker needs no rules file.
    expect(problemsOf({ ...botEnv }, 'worker')).toEqual([]);
    expect(
      problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', AWS_REGION: 'eu-west-1' }, 'bot'),
    ).toEqual([]);
  });

  it('gives the bot over HTTP its signing secret and bot token, typed as present', () => {
    const config = loadConfig(botEnv, 'bot');
    expect(config.slack).toEqual({
      mode: 'http',
      botToken: 'xoxb-1-2-abc',
      signingSecret: 'x'.repeat(32),
      apiUrl: 'https://slack.com/api/',
    });
    expectTypeOf(config.slack.botToken).toEqualTypeOf<`xoxb-${string}`>();
    if (config.slack.mode === 'http') expectTypeOf(config.slack.signingSecret).toEqualTypeOf<string>();
  });

  it('gives the bot over Socket Mode its app token, and needs no signing secret then', () => {
    const config = loadConfig({ ...botEnv, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1-A0-9' }, 'bot');
    expect(config.slack).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1-2-abc',
      appToken: 'xapp-1-A0-9',
      signingSecret: undefined,
      apiUrl: 'https://slack.com/api/',
    });
    if (config.slack.mode === 'socket') expectTypeOf(config.slack.appToken).toEqualTypeOf<`xapp-${string}`>();
    // A bad app token is Socket Mode's problem; the signing secret is not asked for.
    expect(problemsOf({ ...botEnv, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xoxp-1' }, 'bot')).toEqual([
      'SLACK_APP_TOKEN: expected an app-level token starting with xapp-',
    ]);
  });

  it('names missing keys and bad values together, in one go', () => {
    const problems = problemsOf({ PORT: 'eighty', SLACK_BOT_TOKEN: '   ', LOG_LEVEL: 'loud' }, 'bot');
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN is missing: set the bot token (xoxb-…) from OAuth & Permissions',
      'SLACK_SIGNING_SECRET is missing: set it from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)',
      'PORT (got "eighty"): expected a TCP port, like 3000',
      'LOG_LEVEL (got "loud"): expected one of fatal, error, warn, info, debug, trace, silent',
      'AWS_REGIONS is missing: set a comma-separated list like us-east-1,eu-west-1 (or AWS_REGION)',
    ]);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1', AWS_REGIONS: ' , ' }, 'bot')).toEqual([
      'SLACK_BOT_TOKEN is missing: set the bot token (xoxb-…) from OAuth & Permissions',
      'AWS_REGIONS is missing: set a comma-separated list like us-east-1,eu-west-1 (or AWS_REGION)',
    ]);
  });

  it('gives the worker its bot token and its rules file when there is one, and nothing it does not use', () => {
    expect(problemsOf({ HEALTH_PORT: '-1' }, 'worker')).toEqual([
      'SLACK_BOT_TOKEN is missing: set the bot token (xoxb-…) from OAuth & Permissions',
      'HEALTH_PORT (got "-1"): expected a TCP port, like 3000',
      'AWS_REGIONS is missing: set a comma-separated list like us-east-1,eu-west-1 (or AWS_REGION)',
    ]);
    const config = loadWorkerConfig({ ...botEnv, ALERT_RULES_FILE: ' ./rules.yaml ' });
    expect(config.alertRulesFile).toBe('./rules.yaml');
    expect(config.slack).toEqual({ botToken: 'xoxb-1-2-abc', apiUrl: 'https://slack.com/api/' });
    expectTypeOf(config.alertRulesFile).toEqualTypeOf<string | undefined>();
    expect(loadWorkerConfig(botEnv).alertRulesFile).toBeUndefined();
  });

  it('runs coverage passes every 5 minutes by default, from every 10 seconds to once a day', () => {
    const worker = { ...botEnv, ALERT_RULES_FILE: './rules.yaml' };
    expect(loadWorkerConfig(worker).coverageEveryMs).toBe(300_000);
    expect(loadWorkerConfig({ ...worker, COVERAGE_EVERY: '10s' }).coverageEveryMs).toBe(10_000);
    expect(loadWorkerConfig({ ...worker, COVERAGE_EVERY: '24h' }).coverageEveryMs).toBe(86_400_000);
    for (const bad of ['5s', '2d', 'often'])
      expect(problemsOf({ ...worker, COVERAGE_EVERY: bad }, 'worker')).toEqual([
        `COVERAGE_EVERY (got "${bad}"): expected a duration from 10s to 24h, like 5m`,
      ]);
  });

  it('asks the demo, the emulator and parse for no Slack secret, and keeps none they are given', () => {
    for (const role of ['demo', 'emulator', 'parse'] as const) {
      expect(loadConfig(botEnv, role).slack).toEqual({ apiUrl: 'https://slack.com/api/' });
      expect(problemsOf({ LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: 'nope' }, role)).toEqual([
        'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
        'LOG_LEVEL (got "loud"): expected one of fatal, error, warn, info, debug, trace, silent',
      ]);
    }
  });

  it('refuses a plain http:// SLACK_API_URL off this machine, saying what to set instead', () => {
    for (const url of [
      'http://slack.example.com/api/',
      'http://10.0.0.7:3000/api/',
      'http://127.0.0.2/api/',
    ]) {
      const problems = problemsOf({ ...botEnv, SLACK_API_URL: url }, 'bot');
      expect(problems).toEqual([
        `SLACK_API_URL (got "${url}"): expected an https:// URL like https://slack.com/api/ (the bot token travels with every call: plain http:// only for a stand-in on localhost, 127.0.0.1 or [::1])`,
      ]);
    }
    expect(problemsOf({ ...botEnv, SLACK_API_URL: 'ftp://slack.com/api/' }, 'worker')[0]).toMatch(
      /^SLACK_API_URL .*expected an https:\/\/ URL/,
    );
    for (const url of [
      'https://slack.com/api/',
      'https://slack.example.com/api',
      'http://localhost:3000/api/',
      'http://127.0.0.1:41234/api/',
      'http://[::1]:3000/api/',
    ]) {
      expect(problemsOf({ ...botEnv, SLACK_API_URL: url }, 'bot'), url).toEqual([]);
    }
    expect(loadConfig({ ...botEnv, SLACK_API_URL: 'http://[::1]:3000/api' }, 'bot').slack.apiUrl).toBe(
      'http://[::1]:3000/api/',
    );
  });

  it('lists every key of .env.example and nothing else', async () => {
    const { readFile } = await import('node:fs/promises');
    const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const keys = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect([...keys].sort()).toEqual([...ENV_KEYS].sort());
  });
});
