import type { Locator, Page } from 'playwright-core';

/** The little of the page's DOM that the waits below read (the test compiles without DOM types). */
interface PageElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
}
interface PageDocument {
  querySelectorAll(selector: string): Iterable<PageElement>;
}

function pattern(match: string | RegExp): RegExp {
  return typeof match === 'string' ? new RegExp(match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : match;
}

export function composer(page: Page): Locator {
  return page.locator('.composer-input');
}

/** Top-level messages of the open channel (thread replies excluded). */
export function topMessages(page: Page): Locator {
  return page.locator('#messages > .message');
}

/** The top-level message whose header block matches. */
export function messageWithHeader(page: Page, header: string | RegExp): Locator {
  return topMessages(page).filter({ has: page.locator('.bk-header', { hasText: pattern(header) }) });
}

/** Ids of every message on screen, thread replies included. */
export function messageIds(page: Page): Promise<string[]> {
  return page
    .locator('#messages .message[data-id]')
    .evaluateAll((els) => els.map((el) => (el as unknown as PageElement).dataset.id ?? ''));
}

/** Waits, in the page, for a message not in `known` whose text matches; returns it. */
export async function newMessage(
  page: Page,
  known: string[],
  match: string | RegExp,
  timeout = 15_000,
): Promise<Locator> {
  const re = pattern(match);
  const handle = await page.waitForFunction(
    ([ids, source, flags]) => {
      const wanted = new RegExp(source, flags);
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      for (const el of doc.querySelectorAll('#messages .message[data-id]')) {
        if (!ids.includes(el.dataset.id ?? '') && wanted.test(el.textContent ?? '')) return el.dataset.id;
      }
      return null;
    },
    [known, re.source, re.flags] as const,
    { timeout },
  );
  return page.locator(`.message[data-id="${await handle.jsonValue()}"]`);
}

/** Types a command in the composer, sends it with Enter, and waits for the answer that matches. */
export async function run(page: Page, text: string, answer: string | RegExp): Promise<Locator> {
  const known = await messageIds(page);
  const input = composer(page);
  await input.fill(text);
  await input.press('Enter');
  return newMessage(page, known, answer);
}

/** Clicks `target` and waits for a new message that matches. */
export async function clickForMessage(
  page: Page,
  target: Locator,
  answer: string | RegExp,
  timeout?: number,
) {
  const known = await messageIds(page);
  await target.click();
  return newMessage(page, known, answer, timeout);
}

export async function openChannel(page: Page, id: string): Promise<void> {
  await page.locator(`.channel-link[data-channel="${id}"]`).click();
  await page.locator(`.channel-link.is-active[data-channel="${id}"]`).waitFor();
}
