import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

const ZH_AREAS = ['工作要点', '征求意见', '任务台账', '调度', '专项台账', '统计', '单位', '审计'];
const EN_AREAS = ['Work plans', 'Consultations', 'Task ledger', 'Dispatch rounds', 'Registers', 'Statistics', 'Units', 'Audit'];
const HAN = /[\u4e00-\u9fff]/;

const session = browserSession();
const { openPage, signIn } = session;

function nav(page: Page) {
  return page.getByTestId('main-nav');
}

async function navTexts(page: Page): Promise<string[]> {
  await nav(page).getByRole('menuitem').first().waitFor();
  // Without the to-do badges' counts (issue 12).
  return (await nav(page).getByRole('menuitem').allInnerTexts()).map((text) => text.replace(/\s*\d+\+?$/, '').trim());
}

describe('web shell', () => {
  it('shows the server’s message when the password is wrong', async () => {
    const page = await openPage();
    await page.goto('/login');
    await page.getByText('落实').first().waitFor();
    await screenshot(page, 'login');

    await page.getByLabel('账号').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    const error = page.getByTestId('login-error');
    await error.waitFor();
    const message = (await error.innerText()).trim();
    expect(message).toMatch(HAN); // the server answers in the page's language
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('main-nav').count()).toBe(0);
  });

  it('lets an admin find 湘西 in the units tree, switch to English, keep it after reload, and sign out', async () => {
    const page = await openPage();
    await signIn(page, 'admin', session.server.adminPassword);

    // Chinese navigation with every area of the product
    const zhNav = await navTexts(page);
    for (const area of ZH_AREAS) expect(zhNav).toContain(area);
    expect(zhNav).toContain('用户');

    // the task ledger opens on the published plan's overview, with no plan to choose
    await nav(page).getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-overview').waitFor();

    // the units tree: 湘西 finds the autonomous prefecture with its counties
    await nav(page).getByRole('menuitem', { name: '单位' }).click();
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('省直部门').waitFor();
    await page.getByTestId('unit-search').locator('input').fill('湘西');
    const xiangxi = tree.getByText('湘西土家族苗族自治州');
    await xiangxi.waitFor();
    await tree.getByText('吉首市').waitFor();
    expect(await tree.getByText('长沙市').count()).toBe(0);

    await xiangxi.click();
    const details = page.getByTestId('unit-details');
    await details.getByText('行政区划代码').waitFor();
    expect(await details.innerText()).toContain('433100');
    await details.getByText('433100.reporter').waitFor();
    await screenshot(page, 'units');

    // the audit page lists events and verifies the chain
    await nav(page).getByRole('menuitem', { name: '审计' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').innerText()).toContain('审计链完整');
    await screenshot(page, 'audit');

    // English, remembered for this user across a reload
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await nav(page).getByRole('menuitem', { name: 'Work plans' }).waitFor();
    const enNav = await navTexts(page);
    for (const area of EN_AREAS) expect(enNav).toContain(area);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await nav(page).getByRole('menuitem', { name: 'Units' }).waitFor();
    expect(await navTexts(page)).toContain('Audit');
    await screenshot(page, 'audit-en');

    // sign out: back to the sign-in page, and the app is closed again
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /Sign out$/ }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/units');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('hides the admin areas from a reporter and keeps other units’ accounts private', async () => {
    const page = await openPage();
    await signIn(page, '430100.reporter');

    const items = await navTexts(page);
    expect(items).toContain('单位');
    expect(items).not.toContain('审计');
    expect(items).not.toContain('用户');

    await page.goto('/audit');
    await page.getByText('无权访问').waitFor();

    await nav(page).getByRole('menuitem', { name: '单位' }).click();
    await page.getByTestId('unit-search').locator('input').fill('湘西');
    await page.getByTestId('unit-tree').getByText('湘西土家族苗族自治州').click();
    await page.getByTestId('accounts-forbidden').waitFor();
    expect(await page.getByTestId('accounts-forbidden').innerText()).toContain('无权查看');
  });
});
