import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { launchBrowser, newContext } from './browser.js';

export interface BrowserSession {
  /** The test server (started before the file's tests run). */
  readonly server: TestServer;
  /** A page in a fresh browser context, closed after the file's tests. */
  openPage(): Promise<Page>;
  /** Signs in through the login page (with the demo password unless told) and waits for the app. */
  signIn(page: Page, login: string, password?: string): Promise<void>;
}

/**
 * Starts a test server and a headless browser before a test file's tests and closes both (and
 * every context opened) after them. Call it at the top level of the file. `onPage` runs on every
 * page `openPage` makes.
 */
export function browserSession(opts: { onPage?: (page: Page) => void } = {}): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // Every Content-Security-Policy violation any page meets: the app must run under its CSP.
  const violations: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  });

  const started = (): TestServer => {
    if (!server) throw new Error('the test server has not started: use the session inside tests');
    return server;
  };

  return {
    get server() {
      return started();
    },
    async openPage() {
      const context = await newContext(browser!, started().url);
      contexts.push(context);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && /CSP violation|Content Security Policy/i.test(text)) violations.push(`${page.url()}: ${text}`);
      });
      page.setDefaultTimeout(30_000);
      opts.onPage?.(page);
      return page;
    },
    async signIn(page, login, password = started().demoPassword) {
      await page.goto('/login');
      await page.getByLabel('账号').fill(login);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('current-user').waitFor();
    },
  };
}
