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
