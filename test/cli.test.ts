import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
