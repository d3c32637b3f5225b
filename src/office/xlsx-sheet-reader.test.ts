import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../test/helpers/register-files.js';
import { DEFAULT_XLSX_LIMITS, inspectXlsx } from './xlsx-guard.js';
import { readSheet } from './xlsx-sheet-reader.js';

describe('xlsx sheet reader', () => {
  it('reads Chinese text exactly across inflate chunks (exceljs streaming breaks characters there), dates, formulas and booleans', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    const statuses = ['未开工', '在建', '完工'];
    for (let i = 0; i < 3000; i++) sheet.addRow([`湘西土家族苗族自治州第${i}号小区`, statuses[i % 3], i]);
    sheet.addRow([new Date(Date.UTC(2021, 3, 15)), { formula: '1+1', result: 2 }, true]);
    sheet.getCell('A3001').numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await inspectXlsx(bytes, { ...DEFAULT_XLSX_LIMITS, maxBytes: 10 * 1024 * 1024 });
    const rows = [];
    for await (const r of readSheet(bytes, report.sheets[0]!.path)) rows.push(r);
    expect(rows).toHaveLength(3001);
    for (const r of rows.slice(0, 3000)) {
      const name = r.cells.get(1);
      expect(name?.kind === 'value' && name.value).toBe(`湘西土家族苗族自治州第${r.row - 1}号小区`);
      const status = r.cells.get(2);
      expect(status?.kind === 'value' && status.value).toBe(statuses[(r.row - 1) % 3]);
    }
    const last = rows.at(-1)!.cells;
    expect(last.get(1)).toEqual({ kind: 'value', value: new Date(Date.UTC(2021, 3, 15)) });
    expect(last.get(2)).toEqual({ kind: 'value', value: 2 });
    expect(last.get(3)).toEqual({ kind: 'value', value: true });
  });

  it('refuses an archive that unpacks beyond what it declares', async () => {
    const lying = zipOf(
      [
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['xl/workbook.xml', Buffer.from('<workbook/>')],
        ['xl/worksheets/sheet1.xml', Buffer.alloc(5 * 1024 * 1024, 0x41)],
      ],
      { declaredSize: (name, real) => (name.endsWith('sheet1.xml') ? 1000 : real) },
    );
    await expect(inspectXlsx(lying, { ...DEFAULT_XLSX_LIMITS, maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'xlsx_zip_bomb' });
    await expect(inspectXlsx(Buffer.from('PK\u0003\u0004 not really'), { ...DEFAULT_XLSX_LIMITS, maxBytes: 1024 })).rejects.toMatchObject({ code: 'xlsx_not_xlsx' });
  });
});
