import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dragSelect, screenshot, settle } from './browser.js';
import { browserSession } from './session.js';

const SEED_TITLE = '2021年湖南省新型城镇化工作要点';

const { openPage, signIn } = browserSession();

/**
 * Opens the seed plan from the list, then its first version: the demo may already hold a
 * revision made in its consultation, and these tests are about the seed as imported.
 */
async function openSeedPlan(page: Page): Promise<void> {
  await page.getByTestId('main-nav').getByRole('menuitem', { name: '工作要点' }).click();
  await page.getByTestId('plan-table').getByRole('link', { name: SEED_TITLE }).click();
  await page.getByTestId('item-1').waitFor();
  await page.goto(`${new URL(page.url()).pathname}?version=1`);
  await page.getByTestId('item-1').waitFor();
}

function item(page: Page, ordinal: number): Locator {
  return page.getByTestId(`item-${ordinal}`);
}

/** The text of the strongest highlight of a kind in the document pane (several segments joined). */
async function marked(page: Page, kind: 'fact' | 'warning' | 'selection'): Promise<string> {
  return (await page.locator(`.plan-mark-${kind}`).allTextContents()).join('');
}

/** Waits until the highlight lies wholly inside the visible part of the document pane. */
async function waitUntilInView(page: Page, kind: 'fact' | 'warning'): Promise<void> {
  await page.waitForFunction((cls) => {
    const pane = document.querySelector('[data-testid=plan-document]');
    const marks = [...document.querySelectorAll(`.${cls}`)];
    if (!pane || marks.length === 0) return false;
    const box = pane.getBoundingClientRect();
    return marks.every((mark) => {
      const rect = mark.getBoundingClientRect();
      return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
    });
  }, `plan-mark-${kind}`);
}

describe('plan import and review', () => {
  it('shows the seed plan beside its structure, highlights facts and warnings, and keeps a corrected unit', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await openSeedPlan(page);
    expect(await page.getByTestId('plan-title').innerText()).toBe(SEED_TITLE);
    expect(await page.getByTestId('letter-deadline').innerText()).toBe('2021-07-21');

    // (一): 省公安厅 leads, 省民政厅 cooperates, 各市州政府 are the localities (the 14 市州).
    expect(await item(page, 1).getByTestId('item-title').innerText()).toBe('有序放开放宽城市落户限制');
    expect(await item(page, 1).locator('[data-role=lead]').allInnerTexts()).toEqual(['省公安厅']);
    expect(await item(page, 1).locator('[data-role=cooperate]').allInnerTexts()).toEqual(['省民政厅']);
    const localities = item(page, 1).locator('[data-role=localities]');
    expect(await localities.innerText()).toContain('各市州政府');
    await localities.hover();
    const expands = page.getByTestId('fact-expands');
    await expands.waitFor();
    expect(await expands.innerText()).toContain('湘西土家族苗族自治州');
    expect(await page.locator('.ant-popover-title').innerText()).toContain('14 个市州');

    // Hovering the 4.35万套 chip of (二) highlights exactly that text in the document.
    const chip = item(page, 2).locator('[data-kind=target]').filter({ hasText: '4.35万套' });
    expect(await chip.innerText()).toContain('保障性租赁住房开工');
    await chip.hover();
    await waitUntilInView(page, 'fact');
    expect(await marked(page, 'fact')).toBe('4.35万套');
    await screenshot(page, 'plan-review');

    // A warning far down the text: the pane scrolls to it and marks it.
    await page.getByTestId('tab-warnings').click();
    const warnings = page.getByTestId('plan-warning');
    expect(await warnings.count()).toBeGreaterThan(0);
    await warnings.filter({ hasText: '省住建厅' }).last().getByTestId('plan-warning-pick').click();
    await waitUntilInView(page, 'warning');
    expect(await marked(page, 'warning')).toBe('省住建厅');

    // Correct the unit of (六) that the parser read from 省卫建委: 省民政厅 instead.
    await page.getByRole('tab', { name: '结构' }).click();
    const wjw = item(page, 6).locator('[data-kind=responsible]').filter({ hasText: '省卫健委' });
    const span = await wjw.getAttribute('data-span');
    expect(span).toMatch(/^\d+-\d+$/);
    await wjw.click();
    const editor = page.getByTestId('fact-editor');
    await editor.waitFor();
    expect(await page.getByTestId('fact-editor-quote').innerText()).toBe('省卫建委');
    await screenshot(page, 'plan-fact-editor');
    await editor.locator('.ant-select').first().click();
    await page.keyboard.type('民政');
    await page.locator('.ant-select-item-option').filter({ hasText: '湖南省民政厅' }).click();
    await page.getByTestId('fact-save').click();
    const fact = item(page, 6).locator(`[data-span="${span}"]`);
    await fact.filter({ hasText: '省民政厅' }).waitFor();
    expect(await fact.getAttribute('data-modified')).toBe('true');

    await page.reload();
    await item(page, 6).waitFor();
    expect(await fact.innerText()).toContain('省民政厅');
    expect(await fact.innerText()).toContain('已修改');
    expect(await item(page, 6).locator('[data-kind=responsible]').filter({ hasText: '省卫健委' }).count()).toBe(0);
    await page.getByTestId('tab-edits').click();
    expect(await page.getByTestId('plan-edit').first().innerText()).toContain('省卫建委');
    await page.getByRole('tab', { name: '结构' }).click();

    // Parsing again (after a confirmation) keeps the correction.
    await page.getByTestId('plan-reparse').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '重新解析' }).click();
    await page.getByText(/^已重新解析/).waitFor();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    expect(await fact.innerText()).toContain('省民政厅');
    expect(await page.getByTestId('plan-orphaned').count()).toBe(0);

    // A target the parser left out: select 1小时通勤圈 in (六) and add it.
    await dragSelect(page, '1小时通勤圈', '持续推动长株潭一体化');
    await page.getByTestId('selection-actions').waitFor();
    await screenshot(page, 'plan-selection');
    await page.getByTestId('add-target').click();
    await editor.waitFor();
    expect(await page.getByTestId('fact-editor-quote').innerText()).toBe('1小时通勤圈');
    expect(await marked(page, 'selection')).toBe('1小时通勤圈');
    expect(await editor.getByLabel('数值').inputValue()).toBe('1');
    expect(await editor.getByLabel('计量单位').inputValue()).toBe('小时');
    await editor.getByLabel('指标内容').fill('长株潭城市群通勤圈');
    await page.getByTestId('fact-save').click();
    const added = item(page, 6).locator('[data-kind=target]').filter({ hasText: '长株潭城市群通勤圈' });
    await added.waitFor();
    expect(await added.innerText()).toContain('1小时');
    expect(await added.getAttribute('data-modified')).toBe('true');

    // Text outside every item cannot become a fact.
    await dragSelect(page, '各成员单位', '意见的函');
    await page.getByTestId('selection-outside').waitFor();

    // The same page in English.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Structure' }).waitFor();
    await settle(page);
    await item(page, 2).locator('[data-kind=target]').filter({ hasText: '43,500' }).hover();
    await waitUntilInView(page, 'fact');
    await screenshot(page, 'plan-review-en');

    // Back to Chinese: the choice is saved for the account, and the next test signs in as office too.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('tab', { name: '结构' }).waitFor();
  });

  it('imports an uploaded file and a pasted plan, each landing on its page, and points to the first on a re-import', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/plans');

    // A file, dropped into the upload area (here: chosen through its file input).
    const fileText = '某州2022年重点工作分工方案\n一、重点任务\n(一)推进城市更新。完成棚户区改造300套。(州住建局牵头,州财政局配合)\n';
    await page.getByTestId('plan-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '分工方案.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(fileText, 'utf8'),
    });
    await page.waitForURL(/\/plans\/\d+$/);
    await page.getByTestId('item-1').waitFor();
    expect(await page.getByTestId('plan-title').innerText()).toBe('某州2022年重点工作分工方案');

    // Pasted text.
    const pasted = '某市2022年新型城镇化工作要点\n一、重点任务\n(一)推进老旧小区改造。完成改造120个小区。(市住建局牵头,市财政局配合)\n';
    await page.goto('/plans');
    await page.getByTestId('plan-import').click();
    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByTestId('plan-import-text').fill(pasted);
    await screenshot(page, 'plan-import');
    await page.getByTestId('plan-import-submit').click();
    await page.waitForURL(/\/plans\/\d+$/);
    const planUrl = page.url();
    await page.getByTestId('item-1').waitFor();
    expect(await page.getByTestId('plan-title').innerText()).toBe('某市2022年新型城镇化工作要点');
    expect(await item(page, 1).locator('[data-kind=target]').innerText()).toContain('120个');

    // The same text again: refused, with a link to the plan that has it.
    await page.goto('/plans');
    await page.getByTestId('plan-table').getByRole('link', { name: '某市2022年新型城镇化工作要点' }).waitFor();
    await page.getByTestId('plan-import').click();
    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByTestId('plan-import-text').fill(pasted);
    await page.getByTestId('plan-import-submit').click();
    const error = page.getByTestId('plan-import-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('已经导入过');
    expect(await error.innerText()).toContain('某市2022年新型城镇化工作要点');
    // The link opens that plan when the server names its id (error.details.planId), else the list.
    await page.getByTestId('plan-import-existing').click();
    await page.waitForURL((url) => url.pathname.startsWith('/plans'));
    if (new URL(page.url()).pathname === '/plans') {
      await page.getByTestId('plan-table').getByRole('link', { name: '某市2022年新型城镇化工作要点' }).click();
    }
    await page.waitForURL(planUrl);
    await page.getByTestId('item-1').waitFor();
  });

  it('imports a city’s 分工表 as .xlsx with its place, and shows each item’s 完成时限/频次', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/plans');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('分工表');
    sheet.addRow(['长沙市2023年重点工作任务分工表（浏览器）']);
    sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow([1, '编制城市更新专项规划。', '市发改委', '市财政局', '2023年底前']);
    sheet.addRow([2, '落实减税降费政策。', '市财政局', '', '每季度']);
    await page.getByTestId('plan-import').click();
    await page.getByTestId('plan-import-place').fill('430100');
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '分工表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.waitForURL(/\/plans\/\d+$/);
    await item(page, 1).waitFor();
    expect(await item(page, 1).getByTestId('item-schedule').innerText()).toBe('完成时限：2023-12-31前');
    expect(await item(page, 2).getByTestId('item-schedule').innerText()).toBe('每季度');
    // The city's own name, read against 长沙市's registry.
    expect(await item(page, 1).locator('[data-kind=responsible]').first().innerText()).toContain('市发展改革委');
  });

  it('lets a member unit read a plan but offers it no corrections', async () => {
    const page = await openPage();
    await signIn(page, 'hn-gat.reporter');
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '工作要点' }).click();
    await page.getByTestId('plan-table').getByRole('link', { name: SEED_TITLE }).waitFor();
    expect(await page.getByTestId('plan-import').count()).toBe(0);

    await openSeedPlan(page);
    expect(await page.getByTestId('plan-reparse').count()).toBe(0);
    const lead = item(page, 1).locator('[data-role=lead]');
    await lead.hover();
    expect(await marked(page, 'fact')).toBe('省公安厅');
    await lead.click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('fact-editor').count()).toBe(0);

    await dragSelect(page, '4.35万套', '(二)');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('selection-actions').count()).toBe(0);
  });
});
