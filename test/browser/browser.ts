import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags that let the Debian chromium run headless in containers and CI without reaching out. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A fresh browser profile (no cookies, no local storage) that asks for Chinese, at desktop size. */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: {},
  });
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Let fonts and antd's motion settle so the picture shows the page, not a transition.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Lets success toasts go and scrolls the window to the top, so that a screenshot shows the page itself. */
export async function settle(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Selects `passage` in the document pane (its first occurrence, after `after` when given) the
 * way a person does: a mouse drag from the first character to the last.
 */
export async function dragSelect(page: Page, passage: string, after?: string): Promise<void> {
  const points = await page.evaluate(
    ([needle, anchor]) => {
      const root = document.querySelector('[data-testid=plan-text]')!;
      const text = root.textContent ?? '';
      const start = text.indexOf(needle, anchor === null ? 0 : text.indexOf(anchor));
      if (start < 0) throw new Error(`passage not in the text: ${needle}`);
      const end = start + needle.length;
      // The character at a text offset: the segment holding it and the offset inside it.
      const locate = (offset: number): [Text, number] => {
        for (const segment of root.children) {
          const from = Number(segment.getAttribute('data-start'));
          const length = (segment.textContent ?? '').length;
          if (offset >= from && offset < from + length) return [segment.firstChild as Text, offset - from];
        }
        throw new Error(`no segment at ${offset}`);
      };
      const rectOf = (offset: number) => {
        const [node, at] = locate(offset);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      // Bring the passage to the middle of the pane (its segment may be far taller than the pane).
      const pane = document.querySelector('[data-testid=plan-document]')!;
      pane.scrollTop += rectOf(start).top - pane.getBoundingClientRect().top - pane.clientHeight / 2;
      const first = rectOf(start);
      const last = rectOf(end - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [passage, after ?? null] as const,
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}
