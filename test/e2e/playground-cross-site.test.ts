import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_API, playgroundHandler } from '../../src/emulator/playground/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../src/emulator/slack/index.js';
import { type Browser, openBrowser } from './playground/browser.js';
import { type CaptureApp, startCaptureApp } from './playground/capture.js';

const forged = JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs from another site' });

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A form that posts a command as text/plain: the browser sends `name=value`, so the name opens the
 * JSON and a padding field swallows the "=".
 */
function attackPage(commandUrl: string): string {
  return `<!doctype html><title>another site</title>
<form method="POST" action="${escapeHtml(commandUrl)}" enctype="text/plain">
<input type="hidden" name="${escapeHtml(`${forged.slice(0, -1)},"pad":"`)}" value="&quot;}">
<button id="go">win a prize</button></form>`;
}

/** What reached the playground's API: method, path, status, and where the browser said it came from. */
interface Seen {
  method: string;
  path: string;
  status: number;
  site: string | undefined;
}

/**
 * A page of another site, as an attacker would host it: `localhost` is another site than
 * `127.0.0.1` (where the playground is), both on this machine, so the browser sends everything
 * it would send across sites, and nothing in between blocks it.
 */
async function startOtherSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(html);
  });
  server.listen(0, '::');
  await once(server, 'listening');
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

describe('the playground in Chromium, visited by a page of another site', () => {
  let slack: SlackStandIn;
  let app: CaptureApp;
  let other: { url: string; server: Server };
  let browser: Browser;
  let page: Page;
  const seen: Seen[] = [];

  beforeAll(async () => {
    app = await startCaptureApp();
    let playground: RequestListener | undefined;
    slack = await startSlackStandIn({
      signingSecret: 'cross-site-secret',
      botToken: 'xoxb-cross-site',
      botUrl: app.url,
      fallback: (req, res) => {
        res.on('finish', () => {
          const site = req.headers['sec-fetch-site'];
          seen.push({
            method: req.method ?? '',
            path: req.url ?? '',
            status: res.statusCode,
            site: site as string,
          });
        });
        playground?.(req, res);
      },
    });
    playground = playgroundHandler({ slack });
    other = await startOtherSite(attackPage(`${slack.baseUrl}${PLAYGROUND_API}/command`));
    browser = await openBrowser();
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => other?.server.close(resolve));
    await slack?.close();
    await app?.close();
  });

  it('refuses the posts a cross-site page can send, so that only its own page drives a command', async () => {
    const commandUrl = `${slack.baseUrl}${PLAYGROUND_API}/command`;
    const clickUrl = `${slack.baseUrl}${PLAYGROUND_API}/click`;
    const first = app.nextCommand();

    await page.goto(other.url);
    // What needs no preflight: a text/plain body (valid JSON all the same) and a form, then a JSON
    // post, whose preflight is refused before the post itself is ever sent.
    const outcomes = await page.evaluate(
      async ({ commandUrl, clickUrl, forged }) => {
        const plain = await fetch(commandUrl, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'Content-Type': 'text/plain' },
          body: forged,
        }).then(
          (r) => r.type,
          (e: Error) => e.name,
        );
        const click = await fetch(clickUrl, {
          method: 'POST',
          mode: 'no-cors',
          body: JSON.stringify({ user: 'U0ALICE', messageId: 'M1', actionId: 'bj_page_next' }),
        }).then(
          (r) => r.type,
          (e: Error) => e.name,
        );
        const json = await fetch(commandUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: forged,
        }).then(
          (r) => String(r.status),
          (e: Error) => e.name,
        );
        return { plain, click, json };
      },
      { commandUrl, clickUrl, forged },
    );
    expect(outcomes).toEqual({ plain: 'opaque', click: 'opaque', json: 'TypeError' });

    // The form that posts the same JSON as text/plain, from the other site's page.
    const submitted = page.waitForResponse((r) => r.url() === commandUrl);
    await page.locator('#go').click();
    const formAnswer = await submitted;
    // What the form sent is a command the playground would have run, but for the refusal.
    expect(JSON.parse(formAnswer.request().postData() ?? '')).toEqual({ ...JSON.parse(forged), pad: '=' });
    expect(formAnswer.status()).toBe(403);
    expect(await formAnswer.text()).toMatch(/^refused: a cross-site request$/);

    const posts = seen.filter((s) => s.path.startsWith(PLAYGROUND_API) && s.method !== 'GET');
    expect(posts.map((s) => [s.method, s.path.slice(PLAYGROUND_API.length), s.status, s.site])).toEqual([
      ['POST', '/command', 403, 'cross-site'],
      ['POST', '/click', 403, 'cross-site'],
      ['OPTIONS', '/command', 403, 'cross-site'],
      ['POST', '/command', 403, 'cross-site'],
    ]);

    // The playground's own page, as its script does: the first command the app gets is this one.
    await page.goto(`${slack.baseUrl}/`);
    const own = await page.evaluate(
      async ({ path }) => {
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs from its own page' }),
        });
        return res.status;
      },
      { path: `${PLAYGROUND_API}/command` },
    );
    expect(own).toBe(200);
    expect((await first).text).toBe('from its own page');
    // The page's own polling (GETs) may come after it: the last post is the one that ran.
    const lastPost = seen.filter((r) => r.method === 'POST').at(-1);
    expect(lastPost).toMatchObject({ method: 'POST', status: 200, site: 'same-origin' });
  });
});
