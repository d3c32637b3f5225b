import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

const session = browserSession();
const { openPage, signIn } = session;

/** Nothing wider than the window: no sideways scrolling on a phone. */
async function fitsWidth(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), { timeout: 15_000 }).toBe(true);
}

describe('the public pages in the browser', () => {
  it("opens the demo plan's progress from the portal with no account, on a desktop and on a phone, in both languages", async () => {
    const page = await openPage();
    await page.goto('/public');
    await page.getByTestId('public-updated').waitFor();
    // The demo published the seed plan's progress and its consultation's adoption notice.
    expect(await page.getByTestId('public-plan-link').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('2021年湖南省新型城镇化工作要点');
    await screenshot(page, 'public-portal-1440');

    await page.getByTestId('public-plan-link').click();
    await page.getByTestId('pp-title').waitFor();
    expect(await page.getByTestId('pp-title').innerText()).toBe('2021年湖南省新型城镇化工作要点');
    expect(await page.getByTestId('pp-updated').innerText()).toMatch(/^最后更新：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByTestId('pp-section').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('pp-task').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('pp-light').count()).toBeGreaterThan(10);
    const reds = Number(await page.getByTestId('pp-count-red').locator('b').innerText());
    expect(await page.locator('[data-testid=pp-light][data-light=red]').count()).toBe(reds);
    await screenshot(page, 'public-plan-1440');

    // On a phone: the same page, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(page);
    await screenshot(page, 'public-plan-390');

    // In English.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('pp-updated').innerText()).toMatch(/^Last updated: /);
    await fitsWidth(page);
    await screenshot(page, 'public-plan-390-en');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('pp-updated').innerText()).toMatch(/^最后更新/);

    // The consultation's adoption notice, linked from the plan.
    await page.getByTestId('pp-notice').click();
    await page.getByTestId('public-title').waitFor();
    expect(await page.getByTestId('public-table').innerText()).toContain('省公安厅');
    await fitsWidth(page);
    await screenshot(page, 'public-notice-390');
  });

  it('pages a published register from the server, on a phone', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const pages: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/snapshots/')) pages.push(new URL(request.url()).search);
    });
    await page.goto('/public');
    await page.getByRole('link', { name: /老旧小区改造项目库/ }).click();
    await page.getByTestId('snapshot-title').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(50);
    await page.locator('.ant-pagination-next').click();
    await expect.poll(() => pages.at(-1)).toBe('?page=2&pageSize=50');
    expect(pages.every((search) => search.startsWith('?page='))).toBe(true);
    await fitsWidth(page);
    await screenshot(page, 'public-snapshot-390');
  });

  it("lets the office switch the plan's public progress to completion only from the plan page", async () => {
    const plans = (await (await fetch(`${session.server.url}/api/public/plans`)).json()) as { id: number }[];
    const planId = plans[0]!.id;
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto(`/plans/${planId}`);
    const select = page.getByTestId('plan-publication-select');
    await select.waitFor();
    expect(await select.innerText()).toContain('公开亮灯和完成情况');
    await select.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '只公开完成情况' }).click();
    await expect.poll(async () => ((await (await fetch(`${session.server.url}/api/public/plans/${planId}`)).json()) as { show: string }).show).toBe('completion');
    await screenshot(page, 'plan-publication-control');
    await select.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '公开亮灯和完成情况' }).click();
    await expect.poll(async () => ((await (await fetch(`${session.server.url}/api/public/plans/${planId}`)).json()) as { show: string }).show).toBe('lights');
  });

  it('says plainly that a plan is not public', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/public/plans/999999');
    await expect.poll(() => page.locator('main').innerText()).toContain('该工作进展未公开或不存在');
  });
});
