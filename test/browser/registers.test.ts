import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.js';
import { browserSession } from './session.js';

const { openPage, signIn } = browserSession();

/** The map's figure for a 市州, as the statistics page draws it. */
async function mapValue(page: Page, name: string): Promise<number | null> {
  const map = page.getByTestId('indicator-map');
  await map.waitFor();
  const values = JSON.parse((await map.getAttribute('data-values')) ?? '[]') as [string, number | null][];
  return values.find(([n]) => n === name)?.[1] ?? null;
}

async function openStartsOnMap(page: Page): Promise<void> {
  await page.getByTestId('main-nav').getByRole('menuitem', { name: '统计' }).click();
  await page.getByTestId('indicator-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '新开工改造城镇老旧小区' }).click();
}

describe('registers in the browser', () => {
  it('downloads the template, imports it with one bad row, reads the error, fixes it, re-imports and sees the map change', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await openStartsOnMap(page);
    const before = (await mapValue(page, '张家界市')) ?? 0;

    await page.getByTestId('main-nav').getByRole('menuitem', { name: '专项台账' }).click();
    await page.getByTestId('register-old-communities').click();
    await page.getByTestId('register-total').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-template').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe('项目名称');
    const row = (values: Record<string, string | number | null>) => header.map((h) => values[h] ?? null);
    const good = (n: number) => ({
      项目名称: `永定区浏览器测试项目${n}`,
      市州: '张家界市',
      县市区: '永定区',
      小区名称: `浏览器测试小区${n}`,
      建成年代: 1990,
      户数: 120 + n,
      楼栋数: 4,
      实际开工: '2021-05-10',
      状态: '在建',
    });
    sheet.addRow(row(good(1)));
    sheet.addRow(row({ ...good(2), 户数: '一百二十' }));
    sheet.addRow(row(good(3)));
    const file = path.join(os.tmpdir(), `luoshi-register-${process.pid}.xlsx`);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.getByTestId('register-import').click();
    await page.locator('.ant-upload input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toContain('拒绝 1 行');
    expect(await page.getByTestId('import-result').innerText()).toContain('未写入任何数据');
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toContain('3');
    expect(errors).toContain('户数');
    expect(errors).toContain('应为整数');
    await screenshot(page, 'register-import-errors');

    // Fix the bad cell and import again: all three rows are written.
    sheet.getRow(3).getCell(header.indexOf('户数') + 1).value = 122;
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.locator('.ant-upload input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await expect.poll(async () => page.getByTestId('import-result').innerText()).toContain('新增 3 行');
    await page.keyboard.press('Escape');

    await openStartsOnMap(page);
    await expect.poll(() => mapValue(page, '张家界市')).toBe(before + 3);
    await screenshot(page, 'statistics-map');
  });

  it('edits a row with the same validation, shows its history, and fits a 390 px phone', async () => {
    const page = await openPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await signIn(page, '430800.reporter');
    await page.goto('/registers');
    await page.getByTestId('register-old-communities').click();
    await page.getByTestId('register-total').waitFor();
    await page.getByPlaceholder('搜索任意内容').fill('永定区');
    await page.getByPlaceholder('搜索任意内容').press('Enter');
    await expect.poll(async () => page.getByTestId('register-total').innerText()).not.toBe('共 0 行');
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(392);
    await page.locator('[data-testid^=row-open-]').first().click();
    await page.getByTestId('row-drawer').waitFor();
    const households = page.getByRole('spinbutton', { name: /户数/ });
    await households.fill('');
    await page.getByTestId('row-save').click();
    await page.getByText('请输入户数').or(page.getByText(/户数.*必填|required/)).first().waitFor();
    await households.fill('130');
    await page.getByTestId('row-save').click();
    await page.getByTestId('row-drawer').waitFor({ state: 'detached' });
    await page.locator('[data-testid^=row-open-]').first().click();
    await page.getByRole('tab', { name: '修改记录' }).click();
    // People's names, not logins (issue 12).
    await expect.poll(async () => page.getByTestId('row-history').innerText()).toContain('张家界市填报员');
    await screenshot(page, 'register-phone');
  });

  it('runs an annual evaluation: confirms the proposed changes, publishes the list, opens the next year and grades the scores typed', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/registers');
    await page.getByTestId('register-characteristic-towns').click();
    await page.getByRole('tab', { name: '年度评估' }).click();
    // The demo's 2021 year is scored: one town warned two years running, one graded 淘汰.
    const changes = page.getByTestId('evaluation-changes');
    await expect.poll(() => changes.innerText()).toContain('连续两年警告，建议退出');
    expect(await changes.innerText()).toContain('建议的状态变更（2 项）');
    await screenshot(page, 'register-evaluation');

    await page.getByTestId('evaluation-confirm').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认评估结果' }).click();
    await page.getByTestId('evaluation-publish').waitFor();
    await page.getByTestId('evaluation-publish').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '公开本年度名单' }).click();
    await page.getByTestId('evaluation-snapshot').waitFor();

    // The confirmed change is in the rows, and the row's history is one click from the table.
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByPlaceholder('搜索任意内容').fill('嘉禾铸造');
    await page.getByPlaceholder('搜索任意内容').press('Enter');
    await expect.poll(async () => page.getByTestId('register-total').innerText()).toBe('共 1 行');
    expect(await page.getByTestId('register-rows').locator('.ant-table-tbody').innerText()).toContain('退出');
    await page.locator('[data-testid^=row-history-]').first().click();
    await expect.poll(async () => page.getByTestId('row-history').innerText()).toContain('年度评估');
    await page.keyboard.press('Escape');
    await page.getByTestId('row-drawer').waitFor({ state: 'detached' });

    // The published list is a snapshot that can be opened again.
    await page.getByRole('tab', { name: '已公开版本' }).click();
    await expect.poll(async () => page.getByTestId('snapshot-list').innerText()).toContain('2021年度评估');

    // The next year opens with last year's criteria; typed scores show their total and grade at once.
    await page.getByRole('tab', { name: '年度评估' }).click();
    await page.getByTestId('evaluation-open').click();
    await expect.poll(async () => page.getByTestId('evaluation-open-year').inputValue()).toBe('2022');
    await page.getByTestId('evaluation-open-ok').click();
    await expect.poll(async () => page.getByTestId('evaluation-year').innerText()).toContain('2022 年度 · 评分中');
    const town = '浏阳大瑶花炮小镇';
    for (const [criterion, score] of [['产业发展', 60], ['投资建设', 62], ['功能配套', 58], ['体制机制', 70]] as const) {
      await page.getByLabel(`${town} ${criterion}`).fill(String(score));
    }
    const row = page.getByTestId('score-grid').getByRole('row', { name: new RegExp(town) });
    // 60×0.4 + 62×0.3 + 58×0.2 + 70×0.1 = 61.2: at or above 60, below 70 → 警告.
    await expect.poll(() => row.innerText()).toContain('61.2');
    expect(await row.innerText()).toContain('警告');
    await page.getByTestId('scores-save').click();
    // Saved: the server's total and grade, and the proposed standing (first warning → 警告).
    await expect.poll(() => row.innerText()).toMatch(/61\.2[\s\S]*警告[\s\S]*警告/);
    await screenshot(page, 'register-evaluation-scores');
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(392);
    await screenshot(page, 'register-evaluation-phone');
  });

  it('filters the rows by a number range from the column header', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/registers');
    await page.getByTestId('register-old-communities').click();
    const total = async () => Number((await page.getByTestId('register-total').innerText()).replace(/\D/g, ''));
    await expect.poll(total).toBeGreaterThan(0);
    const all = await total();
    await page.locator('th').filter({ hasText: '户数' }).locator('.ant-table-filter-trigger').click();
    await page.getByTestId('range-户数').getByLabel('最小值').fill('500');
    await page.getByTestId('range-户数-apply').click();
    await page.getByTestId('range-tag-户数').waitFor();
    await expect.poll(total).toBeLessThan(all);
    const households = await page.getByTestId('register-rows').locator('tbody tr.ant-table-row td:nth-child(6)').allInnerTexts();
    expect(households.length).toBeGreaterThan(0);
    for (const h of households) expect(Number(h)).toBeGreaterThanOrEqual(500);
    await page.getByTestId('range-tag-户数').locator('.ant-tag-close-icon').click();
    await expect.poll(total).toBe(all);
  });

  it('checks a field change against the rows before saving it', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/registers');
    await page.getByTestId('register-characteristic-towns').click();
    await page.getByRole('tab', { name: '字段定义' }).click();
    await page.getByTestId('field-edit-入选年份').click();
    await page.getByTestId('field-max').fill('2018');
    await page.getByTestId('field-apply').click();
    await page.getByTestId('schema-check').click();
    const result = page.getByTestId('schema-check-result');
    await expect.poll(() => result.innerText()).toMatch(/\d+ 行不再符合新定义/);
    // Each problem names its cell as the export has it: 入选年份 is the sixth column, F.
    expect(await page.getByTestId('schema-invalid-rows').innerText()).toMatch(/F\d+ 入选年份/);
    await screenshot(page, 'register-schema-check');
  });

  it('deletes a field after a confirmation that counts the rows holding a value for it', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/registers');
    await page.getByTestId('register-characteristic-towns').click();
    await page.getByTestId('register-total').waitFor();
    const registerId = /\/registers\/(\d+)/.exec(page.url())![1];
    const holding = await page.evaluate(async (id) => {
      const answer = (await (await fetch(`/api/registers/${id}/rows?pageSize=500`)).json()) as { rows: { values: Record<string, unknown> }[] };
      return answer.rows.filter((r) => r.values.主导产业 !== undefined && r.values.主导产业 !== null && r.values.主导产业 !== '').length;
    }, registerId);
    expect(holding).toBeGreaterThan(0);
    await page.getByRole('tab', { name: '字段定义' }).click();
    await page.getByTestId('field-delete-主导产业').click();
    const confirm = page.getByTestId('field-delete-confirm');
    await expect.poll(() => confirm.innerText()).toContain(`已有 ${holding} 行填写了该字段`);
    await screenshot(page, 'register-field-delete');
    await page.getByTestId('field-delete-ok').click();
    await expect.poll(() => page.getByTestId('schema-fields').innerText(), { timeout: 15_000 }).not.toContain('主导产业');
    // The definition is saved: after a reload neither the schema nor the rows show the field.
    await page.reload();
    await page.getByRole('tab', { name: '字段定义' }).click();
    await expect.poll(() => page.getByTestId('schema-fields').innerText()).toContain('入选年份');
    expect(await page.getByTestId('schema-fields').innerText()).not.toContain('主导产业');
    // The unique key cannot be deleted.
    expect(await page.getByTestId('field-delete-名称').count()).toBe(0);
    // On a phone the fields are cards: every field's buttons are on screen, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const edit = page.getByTestId('field-edit-状态');
    await expect.poll(async () => (await edit.boundingBox())?.x ?? Infinity).toBeLessThan(390 - 24);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(392);
    await screenshot(page, 'register-schema-phone');
  });

  it('publishes an indicator, takes figures by 市州 and period, and draws them over time', async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '统计' }).click();
    // A register roll-up with a target: the province's line and its target.
    const trend = page.getByTestId('indicator-trend');
    await page.getByTestId('indicator-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新开工改造城镇老旧小区' }).click();
    await expect.poll(async () => JSON.parse((await trend.getAttribute('data-series')) ?? '[]') as [string, unknown, (number | null)[] | null][]).toContainEqual([
      '湖南省',
      expect.any(Array),
      expect.arrayContaining([1500]),
    ]);
    await screenshot(page, 'statistics-trend');

    await page.getByTestId('indicator-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '户籍人口城镇化率' }).click();
    const publicNames = async () => ((await (await page.request.get('/api/public/overview')).json()) as { indicators: { name: string }[] }).indicators.map((i) => i.name);

    // The publish toggle withdraws the indicator from the public pages and puts it back.
    const toggle = page.getByTestId('indicator-public');
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    expect(await publicNames()).not.toContain('户籍人口城镇化率');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect(await publicNames()).toContain('户籍人口城镇化率');

    // A new period's figures are entered and join the time series.
    await trend.waitFor();
    expect(JSON.parse((await trend.getAttribute('data-periods')) ?? '[]')).not.toContain('2022');
    await page.getByTestId('figures-period').locator('input').fill('2022');
    await page.getByLabel('长沙市 2022').fill('66.1');
    await page.getByLabel('株洲市 2022').fill('53.2');
    await page.getByTestId('figures-save').click();
    await expect.poll(async () => JSON.parse((await trend.getAttribute('data-periods')) ?? '[]') as string[]).toContain('2022');
    const series = JSON.parse((await trend.getAttribute('data-series')) ?? '[]') as [string, (number | null)[]][];
    expect(series.find(([name]) => name === '长沙市')?.[1].at(-1)).toBe(66.1);
    expect(await trend.locator('canvas').count()).toBeGreaterThan(0);

    await screenshot(page, 'statistics-figures');
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(392);
    await screenshot(page, 'statistics-trend-phone');
  });

  it("imports an evaluation's scores from its template: a bad score is refused with its Excel row, then the good lines are written and the grid shows them", async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.goto('/registers');
    await page.getByTestId('register-characteristic-towns').click();
    await page.getByRole('tab', { name: '年度评估' }).click();
    await page.getByTestId('evaluation-year-panel').waitFor();
    await expect.poll(async () => page.getByTestId('evaluation-year').innerText()).toContain('评分中');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scores-template').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const criteria = (sheet.getRow(1).values as string[]).slice(3);
    expect(criteria.length).toBeGreaterThan(1);
    const town = String(sheet.getRow(2).getCell(2).value);
    // Line 2 scored 90 throughout; line 3 given one score over 100; every other line cleared (not scored this time).
    criteria.forEach((_, i) => {
      sheet.getRow(2).getCell(3 + i).value = 90;
      sheet.getRow(3).getCell(3 + i).value = i === 0 ? 150 : 80;
    });
    for (let r = 4; r <= sheet.rowCount; r++) criteria.forEach((_, i) => (sheet.getRow(r).getCell(3 + i).value = null));
    const file = path.join(os.tmpdir(), `luoshi-scores-${process.pid}.xlsx`);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.getByTestId('scores-import').click();
    await page.locator('.ant-modal .ant-upload input[type=file]').setInputFiles(file);
    await page.getByTestId('figures-import-start').click();
    const result = page.getByTestId('figures-import-result');
    await expect.poll(() => result.innerText()).toContain('拒绝 1 行');
    expect(await result.innerText()).toContain('未写入任何数据');
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toMatch(new RegExp(`3\\s+${criteria[0]}\\s+150\\s+不能大于 100`));
    await screenshot(page, 'register-scores-import-errors');

    await page.getByTestId('import-partial').click();
    await page.getByTestId('figures-import-start').click();
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toMatch(/更新 1 项，未变 0 项，留空跳过 \d+ 行，拒绝 1 行/);
    await page.keyboard.press('Escape');
    const row = page.getByTestId('score-grid').getByRole('row', { name: new RegExp(town) });
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toMatch(/\b90\b[\s\S]*优秀/);
  });

  it("imports an indicator's figures from its template with only some 市州 filled in", async () => {
    const page = await openPage();
    await signIn(page, 'office');
    await page.getByTestId('main-nav').getByRole('menuitem', { name: '统计' }).click();
    await page.getByTestId('indicator-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '户籍人口城镇化率' }).click();
    const trend = page.getByTestId('indicator-trend');
    await trend.waitFor();
    expect(JSON.parse((await trend.getAttribute('data-periods')) ?? '[]')).not.toContain('2023');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-template').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['地区', '期间', '数值']);
    // A new year: the period on every line, a figure for 长沙市 and a mistyped one for 岳阳市, the rest blank.
    let yueyang = 0;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const region = String(sheet.getRow(r).getCell(1).value);
      sheet.getRow(r).getCell(2).value = '2023';
      sheet.getRow(r).getCell(3).value = region === '长沙市' ? 71.2 : region === '岳阳市' ? '六十' : null;
      if (region === '岳阳市') yueyang = r;
    }
    expect(yueyang).toBeGreaterThan(1);
    const file = path.join(os.tmpdir(), `luoshi-figures-${process.pid}.xlsx`);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.getByTestId('figures-import-open').click();
    await page.locator('.ant-modal .ant-upload input[type=file]').setInputFiles(file);
    await page.getByTestId('figures-import-start').click();
    const result = page.getByTestId('figures-import-result');
    await expect.poll(() => result.innerText()).toContain('拒绝 1 行');
    expect(await page.getByTestId('import-errors').innerText()).toMatch(new RegExp(`${yueyang}\\s+数值\\s+六十`));
    await page.getByTestId('import-partial').click();
    await page.getByTestId('figures-import-start').click();
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain(`更新 1 项，未变 0 项，留空跳过 ${sheet.rowCount - 3} 行，拒绝 1 行`);
    await screenshot(page, 'statistics-figures-import');
    await page.keyboard.press('Escape');
    await expect.poll(async () => JSON.parse((await trend.getAttribute('data-periods')) ?? '[]') as string[], { timeout: 15_000 }).toContain('2023');
  });

  it('shows the public portal without an account', async () => {
    const page = await openPage();
    await page.goto('/public');
    await page.getByTestId('public-updated').waitFor();
    await page.getByRole('link', { name: /老旧小区改造项目库/ }).click();
    await page.getByTestId('snapshot-title').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('总投资');
  });
});
