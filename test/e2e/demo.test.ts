import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BURST_NAMES,
  backupClient,
  burstResourceOf,
  copyJobs,
  placeOf,
  restoreJobs,
  restoresABackup,
  sourceBackup,
} from './burst-jobs.js';

/** The text the demo printed on stdout so far. */
function printed(child: ChildProcess): () => string {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return () => text;
}

/** An address of /proc/net/tcp{,6} ("0100007F", 32 hex digits for IPv6) as people write it. */
function addressOf(hex: string): string {
  if (hex.length === 8)
    return (hex.match(/../g) ?? [])
      .reverse()
      .map((b) => Number.parseInt(b, 16))
      .join('.');
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  return hex;
}

/** Where the sockets listening on TCP `port` are bound, from the kernel's own table (Linux). */
function listeningOn(port: number): string[] {
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, portHex] = (local ?? '').split(':');
      if (state === '0A' && Number.parseInt(portHex ?? '', 16) === port) found.push(addressOf(address ?? ''));
    }
  }
  return found;
}

/** Every port of a `http://host:port` URL in the text. */
function portsIn(text: string): number[] {
  return [...new Set([...text.matchAll(/http:\/\/[\w.[\]:]+?:(\d+)/g)].map((m) => Number(m[1])))];
}

/** The stand-in footer, as it reads in the JSON of a playground event. */
const FOOTER =
  /AWS data from `http:\/\/127\.0\.0\.1:\d+`, not AWS · Slack API at `http:\/\/127\.0\.0\.1:\d+\/api\/`, not Slack/;

/** Resolves with the first stdout line matching `pattern`. */
function lineMatching(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`no line like ${pattern} in ${timeoutMs} ms:\n${buffered}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = pattern.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

/**
 * What the burst added to the AWS emulator, read back through the real SDK: failed copies to the DR
 * vault (ListCopyJobs ByState FAILED) and failed restores and restore tests (ListRestoreJobs
 * ByStatus FAILED, then the restore testing plan's run), each linked to the backup job it is of.
 */
async function checkDrFailures(endpoint: string, region: string) {
  const client = backupClient(endpoint, region);
  try {
    const failed = await copyJobs(client, { ByState: 'FAILED', ByAccountId: '*' });
    const copies = failed.filter((c) => BURST_NAMES.has(c.ResourceName ?? ''));
    expect(copies.map((c) => [c.ResourceName, c.MessageCategory, c.StatusMessage]).sort()).toEqual([
      [
        'ledger-cluster-primary',
        'InvalidParameters',
        expect.stringMatching(/minimum retention period of 30 days set by the vault lock/),
      ],
      [
        'orders-db-primary',
        'AccessDenied',
        expect.stringMatching(/cannot use the KMS key .*: the key policy does not allow .*kms:Decrypt/),
      ],
      [
        'payroll-exports',
        'InvalidState',
        expect.stringMatching(/cross-account backup is not enabled in AWS Organizations/),
      ],
    ]);
    for (const copy of copies) {
      // To the DR vault of another account, in another Region.
      const to = placeOf(copy.DestinationBackupVaultArn);
      expect(copy.DestinationBackupVaultArn).toMatch(/:backup-vault:dr-vault$/);
      expect(to.region).not.toBe(region);
      expect(to.account).not.toBe(copy.AccountId);
      const backup = await sourceBackup(client, copy);
      expect([backup.State, backup.ResourceName, backup.RecoveryPointArn]).toEqual([
        'COMPLETED',
        copy.ResourceName,
        copy.SourceRecoveryPointArn,
      ]);
    }
    const failedRestores = (await restoreJobs(client, { ByStatus: 'FAILED', ByAccountId: '*' })).filter((r) =>
      burstResourceOf(r, region),
    );
    expect(failedRestores.map((r) => [burstResourceOf(r, region), r.CreatedBy !== undefined]).sort()).toEqual(
      [
        ['orders-db-primary', false],
        ['search-index-volume', true],
      ],
    );
    const plan = failedRestores.find((r) => r.CreatedBy)?.CreatedBy?.RestoreTestingPlanArn;
    expect(plan).toMatch(/:restore-testing-plan:/);
    const tests = await restoreJobs(client, { ByRestoreTestingPlanArn: plan, ByAccountId: '*' });
    expect(
      tests
        .map((r) => [burstResourceOf(r, region), r.Status, r.ValidationStatus, r.ValidationStatusMessage])
        .sort(),
    ).toEqual([
      ['CustomerSessions', 'COMPLETED', 'FAILED', expect.stringMatching(/^Validation failed: /)],
      ['checkout-api-1', 'COMPLETED', 'TIMED_OUT', expect.stringMatching(/validation window of 4 hours/)],
      ['search-index-volume', 'FAILED', undefined, undefined],
    ]);
    for (const restore of [...failedRestores, ...tests])
      expect(await restoresABackup(client, restore)).toBe(true);
  } finally {
    client.destroy();
  }
}

/** Reads the playground's event stream until an event's data matches `pattern`. */
async function eventMatching(url: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      text += decoder.decode(value, { stream: true });
      const found = text.split('\n\n').find((event) => pattern.test(event));
      if (found) return found;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Polls the playground's messages of a channel until one's text matches `pattern`; returns that text. */
async function messageMatching(base: string, channel: string, pattern: RegExp, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < until) {
    const res = await fetch(`${base}/_playground/api/messages?channel=${channel}&user=U0ALICE`);
    const body = (await res.json()) as { messages: { text?: string }[] };
    seen = body.messages.map((m) => m.text ?? '');
    const found = seen.find((text) => pattern.test(text));
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no message like ${pattern} in ${channel} in ${timeoutMs} ms:\n${seen.join('\n')}`);
}

describe('backup-jobs demo', () => {
  let demo: ChildProcess | undefined;
  const started: ChildProcess[] = [];
  afterAll(() => {
    // Every demo a failed case left running, not only the last one started.
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts everything on 127.0.0.1, serves the playground, raises the scripted alerts beside failed DR copies and restores, resolves the stale one, and stops cleanly on Ctrl-C', async () => {
    demo = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'demo', '--port', '0', '--burst-after', '1'],
      {
        env: { ...process.env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    started.push(demo);
    const banner = printed(demo);
    const burst = lineMatching(
      demo,
      /Injected 4 failed backup jobs, (\d+) failed copy jobs .* and (\d+) failed restores/,
      45_000,
    );
    const backedUp = lineMatching(demo, /Backed up (\S+) again/, 60_000);
    await lineMatching(demo, /Press Ctrl-C to stop/, 30_000);
    const [, base] = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner())!;
    const [, awsUrl, regions] =
      /AWS Backup emulator: (http:\/\/127\.0\.0\.1:\d+) \(accounts .*; regions (.*)\)/.exec(banner())!;
    expect(banner()).toContain('Every server listens on 127.0.0.1 only.');
    // The playground (and Slack stand-in), the AWS emulator, the bot, and both health servers.
    const ports = portsIn(banner());
    expect(ports).toHaveLength(5);
    for (const port of ports) expect([port, listeningOn(port)]).toEqual([port, ['127.0.0.1']]);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<!doctype html>/i);
    const alert = await eventMatching(`${base}/_playground/api/events?user=U0ALICE`, /prod-failures/, 40_000);
    expect(alert).toMatch(/C0ALERTS/);
    // The worker's alert says where its data comes from, as every reply of the demo does.
    expect(alert).toMatch(FOOTER);
    const [, copies, restores] = await burst;
    expect([copies, restores]).toEqual(['3', '4']);
    await checkDrFailures(awsUrl!, regions!.split(', ')[0]!);
    // The resource whose backups quietly stopped: named in the banner, alerted on, then backed up again.
    const [, stale] = / {2}(\S+) \(\w+\) has had no backup for days/.exec(banner())!;
    const fired = await messageMatching(base!, 'C0ALERTS', /stale-prod-backups: 1 resource/, 30_000);
    expect(fired).toMatch(/^Alert stale-prod-backups: 1 resource with no good backup in the last 1d 2h/);
    expect((await backedUp)[1]).toBe(stale);
    await messageMatching(base!, 'C0ALERTS', /^Resolved stale-prod-backups: 0 resources/, 60_000);
    const exited = once(demo, 'exit');
    demo.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 150_000);

  it('runs over Socket Mode with --socket-mode, on every interface with --host 0.0.0.0 and a warning', async () => {
    const child = spawn(
      process.execPath,
      [
        ...['--import', 'tsx', 'src/main.ts', 'demo', '--port', '0', '--burst-after', '600'],
        ...['--socket-mode', '--host', '0.0.0.0'],
      ],
      { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    demo = child;
    started.push(child);
    const banner = printed(child);
    await lineMatching(child, /Press Ctrl-C to stop/, 30_000);
    const [, connections] = /over Socket Mode \((\d+) connection\)/.exec(banner())!;
    expect(Number(connections)).toBe(1);
    const [, base] = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner())!;
    expect(banner()).toMatch(/Warning: every server listens on 0\.0\.0\.0, every interface/);
    // The playground, the AWS emulator and both health servers; the bot listens for no one in Socket Mode.
    const ports = portsIn(banner());
    expect(ports).toHaveLength(4);
    for (const port of ports) expect([port, listeningOn(port)]).toEqual([port, ['0.0.0.0']]);
    const answered = eventMatching(
      `${base}/_playground/api/events?user=U0ALICE`,
      /Failed jobs created/,
      20_000,
    );
    const sent = await fetch(`${base}/_playground/api/command`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs failed last 7 days' }),
    });
    expect(await sent.json()).toMatchObject({ ok: true, status: 200 });
    const answer = await answered;
    expect(answer).toMatch(/C0OPS/);
    expect(answer).toMatch(FOOTER);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 90_000);
});
