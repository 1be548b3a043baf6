import type { Locator, Page } from 'playwright-core';

/** The little of the page's DOM that the checks below read (the test compiles without DOM types). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  id: string;
  className: string;
}
interface LayoutWindow {
  innerWidth: number;
  document: {
    scrollingElement: Box;
    querySelectorAll(selector: string): Iterable<Box>;
  };
}

/** Panes that scroll on their own: none of them may be wider than it shows. */
const PANES = '#messages, #home, #sidebar .sidebar-nav, .modal-body, .modal-footer, .channel-header';

/**
 * What is wider than the window or than its own pane, as `name scrollWidth>width`: the page itself
 * (`document.scrollingElement.scrollWidth <= innerWidth`) and each pane that scrolls. Empty when
 * nothing overflows sideways.
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((panes) => {
    const win = globalThis as unknown as LayoutWindow;
    const page = win.document.scrollingElement;
    const wide: string[] = [];
    if (page.scrollWidth > win.innerWidth) wide.push(`page ${page.scrollWidth}>${win.innerWidth}`);
    for (const el of win.document.querySelectorAll(panes)) {
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth)
        wide.push(`${el.id || el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return wide;
  }, PANES);
}

/** Left and right edges of what `target` matches that are not wholly inside the window. */
export async function outsideWindow(page: Page, target: Locator): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const out: string[] = [];
  for (const el of await target.all()) {
    const box = await el.boundingBox();
    if (box && (box.x < 0 || box.x + box.width > width + 0.5))
      out.push(`${(await el.textContent())?.trim()} ${box.x}..${box.x + box.width}`);
  }
  return out;
}

/** Waits until the left edge of what `selector` finds is inside the window (a drawer done sliding in). */
export async function inPlace(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): Rect | null } }).document;
    return (doc.querySelector(sel)?.getBoundingClientRect().left ?? -1) >= 0;
  }, selector);
}

interface Rect {
  getBoundingClientRect(): { left: number };
}

/** Taps on a touch screen, clicks with the mouse elsewhere. */
export function press(target: Locator, phone: boolean): Promise<void> {
  return phone ? target.tap() : target.click();
}
