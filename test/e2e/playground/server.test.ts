import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_API, playgroundHandler } from '../../../src/emulator/playground/index.js';
import { resolveStaticDir } from '../../../src/emulator/playground/static-files.js';
import { type SlackStandIn, startSlackStandIn } from '../../../src/emulator/slack/index.js';
import { type CaptureApp, startCaptureApp } from './capture.js';
import { openEvents } from './events.js';

const TOKEN = 'xoxb-playground-server';

describe('the playground server', () => {
  let slack: SlackStandIn;
  let app: CaptureApp;
  let web: WebClient;
  const api = (path: string) => `${slack.baseUrl}${PLAYGROUND_API}/${path}`;
  const post = (path: string, body: unknown) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startCaptureApp();
    let playground: RequestListener | undefined;
    slack = await startSlackStandIn({
      signingSecret: 'playground-server-secret',
      botToken: TOKEN,
      botUrl: app.url,
      fallback: (req, res) => playground?.(req, res),
    });
    playground = playgroundHandler({ slack, title: 'Test playground', currentUser: 'U0BOB' });
    web = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });

  afterAll(async () => {
    await slack?.close();
    await app?.close();
  });

  it('serves the page with a strict content policy, and every module the page imports', async () => {
    const page = await fetch(`${slack.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const dir = resolveStaticDir();
    const wanted = new Set([...html.matchAll(/(?:href|src)="\/static\/([^"]+)"/g)].map((m) => m[1]!));
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.js'))) {
      const source = await readFile(join(dir, name), 'utf8');
      for (const m of source.matchAll(/from '\.\/([\w-]+\.js)'/g)) wanted.add(m[1]!);
    }
    expect(wanted.size).toBeGreaterThan(15);
    for (const name of wanted) {
      const res = await fetch(`${slack.baseUrl}/static/${name}`);
      expect([name, res.status]).toEqual([name, 200]);
    }
    expect((await fetch(`${slack.baseUrl}/static/%2e%2e%2findex.ts`)).status).toBe(404);
    expect((await fetch(`${slack.baseUrl}/static/missing.js`)).status).toBe(404);
  });

  it('finds its assets beside the module, or back in the source tree of a build that did not copy them', () => {
    const root = mkdtempSync(join(tmpdir(), 'playground-assets-'));
    try {
      const source = join(root, 'src/emulator/playground/static/');
      mkdirSync(source, { recursive: true });
      mkdirSync(join(root, 'dist/emulator/playground'), { recursive: true });
      writeFileSync(join(source, 'index.html'), '<!doctype html>');
      const built = pathToFileURL(join(root, 'dist/emulator/playground/static-files.js')).href;
      expect(resolveStaticDir(built)).toBe(source);
      const copied = join(root, 'dist/emulator/playground/static/');
      mkdirSync(copied);
      writeFileSync(join(copied, 'index.html'), '<!doctype html>');
      expect(resolveStaticDir(built)).toBe(copied);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('describes the workspace and refuses what Slack would not send', async () => {
    const ws = (await (await fetch(api('workspace'))).json()) as Record<string, unknown>;
    expect(ws).toMatchObject({ title: 'Test playground', currentUser: 'U0BOB', commands: ['/backup-jobs'] });
    expect((await fetch(api('messages?channel=C0NOPE'))).status).toBe(404);
    const answers = await Promise.all([
      post('command', { channel: 'C0OPS', user: 'U0ALICE' }),
      post('command', { channel: 'C0OPS', user: 'U0ALICE', text: 'hello' }),
      post('command', { channel: 'C0OPS', user: 'U0ALICE', text: '/deploy now' }),
      post('command', { channel: 'C0OPS', user: 'U0NOBODY', text: '/backup-jobs help' }),
      post('click', { user: 'U0ALICE', messageId: 'M999', actionId: 'x' }),
    ]);
    const bodies = await Promise.all(
      answers.map(async (r) => [r.status, ((await r.json()) as { error: string }).error]),
    );
    expect(bodies).toEqual([
      [400, 'invalid_request'],
      [400, 'not_a_command'],
      [400, 'unknown_command'],
      [400, 'user_not_found'],
      [409, 'click_refused'],
    ]);
  });

  it('refuses with a 403 what is not a same-origin JSON post, and drives no command with it', async () => {
    const received = app.nextCommand();
    const body = JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs refused' });
    const json = { 'Content-Type': 'application/json' };
    const attempts: [string, Record<string, string>, string][] = [
      ['command', { 'Content-Type': 'text/plain' }, 'refused: send the body as application/json'],
      [
        'command',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'refused: send the body as application/json',
      ],
      ['command', {}, 'refused: send the body as application/json'],
      ['command', { ...json, Origin: 'http://evil.example' }, 'refused: a request from another origin'],
      ['command', { ...json, Origin: 'null' }, 'refused: a request from another origin'],
      ['command', { ...json, 'Sec-Fetch-Site': 'cross-site' }, 'refused: a cross-site request'],
      ['command', { ...json, 'Sec-Fetch-Site': 'same-site' }, 'refused: a same-site request'],
      ['click', { 'Content-Type': 'text/plain' }, 'refused: send the body as application/json'],
    ];
    for (const [path, headers, refusal] of attempts) {
      const res = await fetch(api(path), { method: 'POST', headers, body });
      expect([path, headers, res.status, await res.text()]).toEqual([path, headers, 403, refusal]);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    const own = await fetch(api('command'), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Origin: slack.baseUrl,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs from the page' }),
    });
    expect(own.status).toBe(200);
    expect((await received).text).toBe('from the page');
  });

  it('sends a command to the app with the text after the command name', async () => {
    const received = app.nextCommand();
    const res = await post('command', {
      channel: 'C0OPS',
      user: 'U0ALICE',
      text: '/backup-jobs  failed today ',
    });
    expect(await res.json()).toMatchObject({ ok: true, status: 200 });
    expect(await received).toMatchObject({
      command: '/backup-jobs',
      text: 'failed today',
      channel_id: 'C0OPS',
      user_id: 'U0ALICE',
    });
  });

  it('streams each change once, in order, only to those who see it, with files as same-origin paths', async () => {
    const alice = await openEvents(api('events?user=U0ALICE'));
    try {
      await web.chat.postEphemeral({ channel: 'C0OPS', user: 'U0BOB', text: 'for Bob only' });
      const posted = await web.chat.postMessage({ channel: 'C0OPS', text: 'for everyone' });
      await web.chat.update({ channel: 'C0OPS', ts: posted.ts!, text: 'for everyone, edited' });
      await web.filesUploadV2({
        channel_id: 'C0OPS',
        filename: 'jobs.csv',
        file: Buffer.from('JobId\nj-1\n'),
      });
      const events = await alice.take(3);
      expect(events.map((e) => [e.event, e.message.text])).toEqual([
        ['message', 'for everyone'],
        ['update', 'for everyone, edited'],
        ['message', ''],
      ]);
      expect(events[1]!.seq).toBeGreaterThan(events[0]!.seq);
      expect(events[2]!.message.files[0]).toMatchObject({
        name: 'jobs.csv',
        url: expect.stringMatching(/^\/files\/F\w+\/jobs\.csv$/),
      });
      const list = (await (await fetch(api('messages?channel=C0OPS&user=U0ALICE'))).json()) as {
        seq: number;
        messages: { text: string }[];
      };
      expect(list.seq).toBeGreaterThanOrEqual(events[2]!.seq);
      expect(list.messages.map((m) => m.text)).not.toContain('for Bob only');
    } finally {
      alice.close();
    }
  });
});
