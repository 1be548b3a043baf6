/**
 * `npm run screenshots`: the README's pictures, taken from the real demo. Starts `backup-jobs demo`
 * (AWS Backup emulator, Slack stand-in with the playground, bot, worker, Redis) as a child process,
 * drives the playground in Chromium as Alice and writes docs/screenshots/{list,alert,home}.png.
 * It sits beside the browser tests because it drives the page with their helpers.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Locator, Page } from 'playwright-core';
import { openBrowser } from './browser.js';
import { messageWithHeader, openChannel, run } from './page.js';

const OUT = 'docs/screenshots';
const WINDOW = { width: 1200, height: 900 };
/** Soon after start, so the alert is there without a long wait; the page of jobs is taken first. */
const BURST_AFTER_S = 10;

/** The demo as a child process, and a way to wait for a line it prints. */
interface Demo {
  child: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

function startDemo(): Demo {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'demo', '--port', '0', '--burst-after', String(BURST_AFTER_S)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  const lines: string[] = [];
  const waiting = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const listener of waiting) listener(line);
    });
  }
  function waitFor(pattern: RegExp, timeoutMs = 90_000): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const seen = lines.map((l) => pattern.exec(l)).find((m) => m !== null);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => done(new Error(`the demo never printed ${pattern}`)), timeoutMs);
      const exited = () => done(new Error(`the demo stopped before it printed ${pattern}`));
      const listener = (line: string) => {
        const match = pattern.exec(line);
        if (match) done(match);
      };
      function done(result: RegExpExecArray | Error) {
        clearTimeout(timer);
        waiting.delete(listener);
        child.off('exit', exited);
        if (result instanceof Error) reject(result);
        else resolve(result);
      }
      waiting.add(listener);
      child.once('exit', exited);
    });
  }
  return { child, lines, waitFor };
}

async function stopDemo(demo: Demo) {
  if (demo.child.exitCode !== null) return;
  const exited = once(demo.child, 'exit');
  demo.child.kill('SIGINT');
  await exited;
}

/** Emoji need a colour emoji font; without one Chromium draws boxes. */
function warnWithoutEmoji() {
  const found = spawnSync('fc-list', [':charset=1f534'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() !== '') return;
  process.stderr.write(
    'No colour emoji font found: emoji will show as boxes (Debian: apt-get install fonts-noto-color-emoji).\n',
  );
}

async function shoot(page: Page, name: string) {
  // Away from the messages, so that none shows its hover background.
  await page.mouse.move(1, 1);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  process.stdout.write(`wrote ${path}\n`);
}

/** Scrolls the messages so that `message` starts at the top of the pane. */
function toTop(message: Locator): Promise<void> {
  return message.evaluate((el) =>
    (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }),
  );
}

async function takeAll(page: Page, demo: Demo, url: string) {
  await page.goto(url);
  await page.locator('#connection[data-status="live"]').waitFor();

  const list = await run(
    page,
    '/backup-jobs failed or partial last 14 days limit:4',
    /Failed or partial jobs/,
  );
  await list.locator('[data-action-id="bj_page_next"]').waitFor();
  await toTop(list);
  await shoot(page, 'list');

  await demo.waitFor(/Injected 4 failed backup jobs/);
  await openChannel(page, 'C0ALERTS');
  const alert = messageWithHeader(page, 'Alert: prod-failures');
  await alert.waitFor({ timeout: 60_000 });
  await alert.locator('[data-action-id="bj_alert_ack"]').click();
  await alert.locator('.bk-block', { hasText: 'Acknowledged by' }).waitFor();
  await toTop(alert);
  await shoot(page, 'alert');

  const app = page.locator('.channel-link', { hasText: 'backup-jobs' });
  await openChannel(page, (await app.getAttribute('data-channel')) ?? 'D0ALICE');
  await page.locator('.app-tab[data-tab="home"]').click();
  await page.locator('#home .home-view', { hasText: 'Open incidents' }).waitFor();
  await page.locator('#home .home-view [data-action-id^="bj_alert_ack"]').first().waitFor();
  await shoot(page, 'home');
}

async function main() {
  warnWithoutEmoji();
  await mkdir(OUT, { recursive: true });
  const demo = startDemo();
  const browser = await openBrowser(WINDOW);
  try {
    const [, url] = await demo.waitFor(/Open (http:\/\/\S+\/) in your browser/);
    await takeAll(browser.page, demo, url ?? '');
  } catch (err) {
    process.stderr.write(`${demo.lines.slice(-20).join('\n')}\n`);
    throw err;
  } finally {
    await browser.close();
    await stopDemo(demo);
  }
}

await main();
