import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client } from '../helpers/client.js';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

/**
 * The workbench (issue 12) in a real browser: the reply's hand-off from reporter to signatory
 * to office with the to-do badges moving at each step; an admin resetting a password and the
 * person made to change it; every main page at phone width without sideways scrolling.
 */
const session = browserSession();
const { openPage, signIn } = session;

/** The count in the header's to-do badge (0 when it shows none). */
async function headerCount(page: Page): Promise<number> {
  const badge = page.getByTestId('header-todo-count').locator('.ant-badge-count');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.getAttribute('title'));
}

/** Reloads until the header badge shows `expected` (the badge refreshes after each change and each minute). */
async function expectCount(page: Page, expected: number): Promise<void> {
  await expect.poll(async () => headerCount(page), { timeout: 15_000 }).toBe(expected);
}

async function api(login: string, password?: string): Promise<Client> {
  const c = new Client(session.server.url);
  const r = await c.login(login, password ?? session.server.demoPassword);
  expect(r.status).toBe(200);
  return c;
}

describe('workbench', () => {
  it('moves a reply from reporter to signatory to office, the to-do badges changing at each step', async () => {
    const office = await api('office');
    const units = (await office.json<{ units: { id: number; code: string }[] }>('GET', '/api/units')).body.units;
    const unitId = units.find((u) => u.code === 'hn-gat')!.id;

    const reporterPage = await openPage();
    await signIn(reporterPage, 'hn-gat.reporter');
    await reporterPage.getByTestId('todo-list').waitFor();
    const reporterBefore = await headerCount(reporterPage);

    // The office opens a consultation to 省公安厅: the reporter's badge goes up by one.
    const planText = fs.readFileSync((await import('../../src/services/load-demo.js')).SEED_PLAN, 'utf8').replace('2021年湖南省新型城镇化工作要点', '2021年湖南省新型城镇化工作要点（工作台）');
    const plan = await office.json<{ id: number }>('POST', '/api/plans', { text: planText, filename: 'workbench.txt' });
    const opened = await office.json<{ id: number; title: string }>('POST', `/api/plans/${plan.body.id}/consultations`, { deadline: '2099-07-21', recipientUnitIds: [unitId] });
    expect(opened.status).toBe(201);
    await reporterPage.reload();
    await expectCount(reporterPage, reporterBefore + 1);
    await expect.poll(() => reporterPage.getByTestId('nav-badge-consultations').count()).toBe(1);
    await screenshot(reporterPage, 'workbench-reporter');

    // The entry leads to the consultation; the reporter's draft (written over the API) is submitted in the page.
    await reporterPage.locator(`[data-testid=todo-item] a[href="/consultations/${opened.body.id}"]`).click();
    await reporterPage.waitForURL(`**/consultations/${opened.body.id}`);
    const reporter = await api('hn-gat.reporter');
    const drafted = await reporter.json<{ id: number }>('POST', `/api/consultations/${opened.body.id}/replies`, { opinions: [{ itemOrdinal: 1, content: '建议明确牵头单位。', reason: '便于落实。' }] });
    expect(drafted.status).toBe(201);
    await reporterPage.reload();
    await reporterPage.getByTestId('submit-reply').click();
    await reporterPage.getByTestId('handoff-submitted').waitFor();
    await expectCount(reporterPage, reporterBefore);

    // The signatory has it to seal; sends it back with a reason.
    const signatoryPage = await openPage();
    await signIn(signatoryPage, 'hn-gat.signatory');
    await signatoryPage.getByTestId('todo-list').waitFor();
    const sealEntry = signatoryPage.locator(`[data-testid=todo-item][data-kind="reply.seal"] a[href="/consultations/${opened.body.id}"]`);
    await sealEntry.waitFor();
    const signatoryBefore = await headerCount(signatoryPage);
    await sealEntry.click();
    await signatoryPage.getByTestId('return-reply').click();
    await signatoryPage.getByTestId('return-comment').fill('请补充法规依据');
    await signatoryPage.getByTestId('return-confirm').click();
    await signatoryPage.getByTestId('reply-history').getByText('退回').first().waitFor();
    await expectCount(signatoryPage, signatoryBefore - 1);

    // Back with the reporter, with the reason; revised and submitted again.
    await reporterPage.goto('/');
    await expectCount(reporterPage, reporterBefore + 1);
    await reporterPage.getByTestId('todo-item').filter({ hasText: '请补充法规依据' }).click();
    await reporterPage.getByTestId('handoff-returned').waitFor();
    await screenshot(reporterPage, 'workbench-returned');
    await reporterPage.getByTestId('submit-reply').click();
    await reporterPage.getByTestId('handoff-submitted').waitFor();
    await expectCount(reporterPage, reporterBefore);

    // The signatory seals it: the office has opinions to decide.
    const officePage = await openPage();
    await signIn(officePage, 'office');
    await officePage.getByTestId('todo-list').waitFor();
    const officeBefore = await headerCount(officePage);
    await signatoryPage.goto('/');
    await expectCount(signatoryPage, signatoryBefore);
    await sealEntry.click();
    await signatoryPage.getByTestId('seal').click();
    // The installation's default algorithm is shown once the settings have loaded; only then is
    // the confirm button enabled and not loading (a click on a loading button does nothing).
    const sealModal = signatoryPage.getByTestId('seal-modal');
    await sealModal.getByTestId('seal-algorithm-default').waitFor();
    await signatoryPage.getByTestId('seal-confirm').click();
    // Sealed for certain (the history already says 提交签发, so its text proves nothing): the modal
    // has gone and the page shows the sealed reply. A refused seal leaves its error in the modal:
    // the poll reports that error's text instead of timing out on a modal that stays.
    await expect
      .poll(async () => ((await sealModal.count()) === 0 ? 'closed' : ((await sealModal.locator('.ant-alert-error').allInnerTexts()).join(' ') || 'open')), { timeout: 30_000 })
      .toBe('closed');
    await signatoryPage.getByTestId('sealed-reply').waitFor();
    await expectCount(signatoryPage, signatoryBefore - 1);
    await officePage.reload();
    await expectCount(officePage, officeBefore + 1);
    await screenshot(officePage, 'workbench-office');

    // The office decides the opinion: its to-do goes, and the unit is told.
    const opinions = await office.json<{ id: number }[]>('GET', `/api/consultations/${opened.body.id}/opinions`);
    expect((await office.json('POST', `/api/opinions/${opinions.body[0]!.id}/decision`, { disposition: 'adopted' })).status).toBe(200);
    await officePage.reload();
    await expectCount(officePage, officeBefore);
    await officePage.getByTestId('tab-done').click();
    await officePage.getByTestId('done-list').waitFor();
    const notices = await reporter.json<{ notifications: { code: string }[] }>('GET', '/api/notifications');
    expect(notices.body.notifications[0]!.code).toBe('opinions.decided');

    // The office downloads the 意见汇总表 from the page: the unit's own 理由 beside the 处理理由.
    await officePage.goto(`/consultations/${opened.body.id}`);
    for (const [testid, kind] of [['download-summary-xlsx', 'xlsx'], ['download-summary-docx', 'docx']] as const) {
      await officePage.getByTestId('exports').hover();
      const [download] = await Promise.all([officePage.waitForEvent('download'), officePage.getByTestId(testid).click()]);
      const bytes = fs.readFileSync((await download.path())!);
      if (kind === 'xlsx') {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        const row = book.worksheets[0]!.getRow(3);
        expect([row.getCell(7).text, row.getCell(8).text]).toEqual(['便于落实。', '采纳']);
      } else {
        const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
        expect(xml).toContain('便于落实。');
        expect(xml).toContain('处理理由');
      }
    }
  });

  it('lets an admin reset a password in the users page, and the person must change it at sign-in', async () => {
    const admin = await openPage();
    await signIn(admin, 'admin', session.server.adminPassword);
    await admin.goto('/users');
    await admin.getByPlaceholder('按账号、姓名或单位搜索').fill('hn-kjt.reporter');
    await admin.getByTestId('reset-hn-kjt.reporter').click();
    await admin.getByTestId('reset-password-input').fill('Given-by-admin-42');
    await admin.getByTestId('reset-confirm').click();
    await admin.getByText('待改密').waitFor();
    await screenshot(admin, 'users-reset');

    const person = await openPage();
    await person.goto('/login');
    await person.getByLabel('账号').fill('hn-kjt.reporter');
    await person.getByLabel('密码').fill('Given-by-admin-42');
    await person.getByRole('button', { name: /登\s*录/ }).click();
    const forced = person.getByTestId('forced-password');
    await forced.waitFor();
    expect(await person.getByTestId('main-nav').count()).toBe(0);
    await screenshot(person, 'forced-password');
    await forced.getByLabel('当前密码').fill('Given-by-admin-42');
    await forced.getByLabel('新密码', { exact: true }).fill('My-own-secret-77');
    await forced.getByLabel('确认新密码').fill('My-own-secret-77');
    await person.getByTestId('forced-password-submit').click();
    await person.getByTestId('workbench').waitFor();
    await person.getByTestId('main-nav').waitFor();
  });

  it('fits every main page into a 390 px phone without sideways scrolling', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'admin', session.server.adminPassword);
    const pages = ['/', '/plans', '/consultations', '/ledger', '/rounds', '/registers', '/statistics', '/units', '/users', '/audit', '/about'];
    const overflowing: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (sizes.scroll > sizes.client) overflowing.push(`${path}: ${sizes.scroll} > ${sizes.client}`);
      await screenshot(page, `phone${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
    }
    // The navigation is a drawer on a phone.
    await page.goto('/');
    await page.getByTestId('nav-drawer-button').click();
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '用户' }).click();
    await page.waitForURL('**/users');
    expect(overflowing).toEqual([]);
  });

  it('keeps the reply editor’s save and seal buttons on screen at 1440×900', async () => {
    const office = await api('office');
    const units = (await office.json<{ units: { id: number; code: string }[] }>('GET', '/api/units')).body.units;
    const plans = await office.json<{ plans: { id: number }[] }>('GET', '/api/plans');
    const opened = await office.json<{ id: number }>('POST', `/api/plans/${plans.body.plans.at(-1)!.id}/consultations`, { deadline: '2099-07-21', recipientUnitIds: [units.find((u) => u.code === 'hn-yjt')!.id] });
    expect(opened.status).toBe(201);
    const page = await openPage();
    await signIn(page, 'hn-yjt.signatory');
    await page.goto(`/consultations/${opened.body.id}`);
    await page.getByTestId('save-draft').waitFor();
    for (const id of ['save-draft', 'seal']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(900);
    }
    await screenshot(page, 'reply-editor-1440');
  });
});
