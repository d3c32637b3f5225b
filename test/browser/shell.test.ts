import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client } from '../helpers/client.js';
import { SEED_PLAN } from '../../src/services/load-demo.js';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

/**
 * Picks a language from the switch and waits until the page is in it. Picked right after another
 * pick, the click can land on the last dropdown while it is still closing and be lost (a CI run saw
 * this): a pick that did not take is made again.
 */
async function pickLanguage(page: Page, name: '中文' | 'English'): Promise<void> {
  const lang = name === 'English' ? 'en' : 'zh-CN';
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('language-switch').click();
    const item = page.getByRole('menuitem', { name });
    await item.waitFor({ state: 'visible' });
    await item.click();
    try {
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 5_000 }).toBe(lang);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

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
    const [signedOut] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'DELETE'),
      page.getByRole('menuitem', { name: /Sign out$/ }).click(),
    ]);
    expect(signedOut.status()).toBe(204);
    try {
      await page.waitForURL((url) => url.pathname === '/login');
    } catch (error) {
      await screenshot(page, 'sign-out-stuck');
      throw new Error(`still at ${page.url()} after signing out: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
    }
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

  it('opens the sign-in page with the shell at once, no console error and no failed request', async () => {
    // Before any script runs, the page already holds the app's shell (no white page).
    const html = await (await fetch(`${session.server.url}/login`)).text();
    const root = /<div id="root">([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
    expect(root).toContain('正在加载');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script (CSP)

    const page = await openPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    await page.goto('/login');
    await page.getByLabel('账号').waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  it('shows the audit trail in words, the code on hover and the detail as lines', async () => {
    const page = await openPage();
    await signIn(page, 'admin', session.server.adminPassword);
    // Chinese first, whatever an earlier test left as the admin's language.
    await page.evaluate(async () => {
      const { session: s } = (await (await fetch('/api/session/current')).json()) as { session: { csrfToken: string } };
      await fetch('/api/session/preferences', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: JSON.stringify({ locale: 'zh-CN' }) });
    });
    await page.goto('/audit');
    await page.getByTestId('audit-action').first().waitFor();
    const words = await page.getByTestId('audit-action').allInnerTexts();
    for (const text of words) expect(text).toMatch(HAN);
    // The detail is key: value lines, never raw JSON.
    expect(await page.getByTestId('audit-detail').first().innerText()).toMatch(/：/);
    expect(await page.locator('.ant-table-tbody').innerText()).not.toMatch(/[{}"]/);
    // Sign-ins: 登录, with the code on hover.
    await page.locator('#audit-filter_action').fill('session.login');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const action = page.getByTestId('audit-action').first();
    await expect.poll(async () => action.innerText()).toBe('登录');
    expect(await action.getAttribute('title')).toBe('session.login');
    // Filtered to sealed replies: 签发意见, with the unit's name in place of its id.
    await page.locator('#audit-filter_action').fill('reply.seal');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(async () => page.getByTestId('audit-action').first().innerText()).toBe('签发意见');
    expect(await page.getByTestId('audit-detail').first().innerText()).toMatch(/单位：\s*[\u4e00-\u9fff]/);
    await screenshot(page, 'audit-words-1440');
    // In English too, with ASCII colons.
    await pickLanguage(page, 'English');
    await expect.poll(async () => page.getByTestId('audit-action').first().innerText()).toBe('Sealed a reply');
    expect(await page.getByTestId('audit-detail').first().innerText()).toMatch(/Unit:\s*[\u4e00-\u9fff]/);
    await screenshot(page, 'audit-words-1440-en');
    await pickLanguage(page, '中文');
    await expect.poll(async () => page.getByTestId('audit-action').first().innerText()).toBe('签发意见');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('audit-action').first().waitFor();
    // The layout follows the new width a moment later (the sidebar becomes a drawer): poll.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'audit-words-390');
  });

  it('preselects the installation’s default seal, 国密 SM2, in the signatory’s dialog', async () => {
    const office = new Client(session.server.url);
    expect((await office.login('office', session.server.demoPassword)).status).toBe(200);
    const units = (await office.json<{ units: { id: number; code: string }[] }>('GET', '/api/units')).body.units;
    const text = fs.readFileSync(SEED_PLAN, 'utf8').replace('2021年湖南省新型城镇化工作要点', '2021年湖南省新型城镇化工作要点（签章）');
    const plan = await office.json<{ id: number }>('POST', '/api/plans', { text, filename: 'seal.txt' });
    const opened = await office.json<{ id: number }>('POST', `/api/plans/${plan.body.id}/consultations`, { deadline: '2099-07-21', recipientUnitIds: [units.find((u) => u.code === 'hn-gat')!.id] });
    const reporter = new Client(session.server.url);
    expect((await reporter.login('hn-gat.reporter', session.server.demoPassword)).status).toBe(200);
    expect((await reporter.json('POST', `/api/consultations/${opened.body.id}/replies`, { noOpinion: true })).status).toBe(201);

    const page = await openPage();
    await signIn(page, 'hn-gat.signatory');
    await page.goto(`/consultations/${opened.body.id}`);
    await page.getByTestId('seal').click();
    const modal = page.getByTestId('seal-modal');
    await modal.getByTestId('seal-algorithm-default').waitFor();
    expect(await modal.getByRole('radio', { name: /SM2/ }).isChecked()).toBe(true);
    expect(await modal.getByRole('radio', { name: /Ed25519/ }).isChecked()).toBe(false);
    await page.getByTestId('seal-confirm').click();
    await page.getByTestId('seal-algorithm-value').waitFor();
    expect(await page.getByTestId('seal-algorithm-value').innerText()).toContain('SM2');
  });

  it('adds all 14 市州, or all 县市区 of one 市州, as recipients in one click', async () => {
    const office = new Client(session.server.url);
    expect((await office.login('office', session.server.demoPassword)).status).toBe(200);
    const units = (await office.json<{ units: { id: number; kind: string; parentId: number | null; shortName: string }[] }>('GET', '/api/units')).body.units;
    const changsha = units.find((u) => u.shortName === '长沙市')!;
    const counties = units.filter((u) => u.kind === 'county' && u.parentId === changsha.id);
    expect(counties.length).toBeGreaterThan(5);
    const plans = (await office.json<{ plans: { id: number }[] }>('GET', '/api/plans')).body.plans;

    const page = await openPage();
    await signIn(page, 'office');
    await page.goto(`/consultations?open=${plans[0]!.id}`);
    const others = page.locator('.ant-form-item').filter({ has: page.locator('#open-consultation_others') });
    const chosen = () => others.locator('.ant-select-selection-item').count();
    await page.getByTestId('open-all-prefectures').click();
    expect(await page.getByTestId('open-all-prefectures').innerText()).toContain('14');
    await expect.poll(chosen).toBe(14);
    await page.getByTestId('open-counties-of').click();
    await page.getByTitle('长沙市的全部县市区').click();
    await expect.poll(chosen).toBe(14 + counties.length);
    await screenshot(page, 'open-consultation-recipients');
  });
});
