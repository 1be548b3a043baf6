import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Saves `test-results/playground-<name>.png` of the window. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface Window {
  /** @defaultValue 1280 */
  width?: number;
  /** @defaultValue 800 */
  height?: number;
  /** A phone: a touch screen, no mouse to hover with, the page's viewport meta honoured. @defaultValue false */
  phone?: boolean;
}

/** Debian's Chromium with a fresh profile, in a 1280×800 window unless told otherwise. */
export async function openBrowser(window: Window = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'playground-chromium-'));
  const phone = window.phone ?? false;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: window.width ?? 1280, height: window.height ?? 800 },
    hasTouch: phone,
    isMobile: phone,
    deviceScaleFactor: 1,
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOTS, `playground-${name}.png`);
      // Away from the messages, so that none shows its hover background.
      await page.mouse.move(1, 1);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The playground at `url` in a fresh Chromium, live (its event stream connected). An error thrown
 * by the page fails the test.
 */
export async function openPlayground(url: string, window: Window = {}): Promise<Browser> {
  const browser = await openBrowser(window);
  browser.page.on('pageerror', (err) => {
    throw err;
  });
  await browser.page.goto(url);
  await browser.page.locator('#connection[data-status="live"]').waitFor();
  return browser;
}
