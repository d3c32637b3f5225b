import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from './consultation-sample.js';
import type { LedgerSheet, LedgerSheetRow } from './ledger-report-types.js';
import { HEADER_ROW, LEDGER_COLUMNS, indicatorLine, ledgerToXlsx, linesIn } from './ledger-xlsx.js';

const ROW: LedgerSheetRow = {
  seq: 1,
  section: '一、推进农业转移人口市民化',
  item: '（一）',
  text: '有序放开城市落户限制。',
  lead: '省公安厅',
  cooperating: ['省民政厅'],
  localities: ['各市州（14个）'],
  indicators: [{ subject: '新开工改造城镇老旧小区', unit: '个', comparator: '>=', target: 1500, actual: 1546 }],
  dueDate: '2021-12-31',
  progress: { round: '2021年第四季度调度', text: '已完成。' },
  percent: 100,
  light: 'green',
  lightReason: '已销号',
  status: 'closed',
};

const SHEET: LedgerSheet = { planTitle: '2021年湖南省新型城镇化工作要点', issuer: '省城镇化办', generatedAt: '2022-02-01T02:00:00.000Z', filters: [], rows: [ROW] };

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet('任务台账')!;
}

describe('the 任务台账 workbook', () => {
  it('stores text that looks like a formula as text, never as a formula', async () => {
    const texts = Object.values(HOSTILE);
    const rows = texts.map((text, i) => ({
      ...ROW,
      seq: i + 1,
      text,
      lead: text,
      cooperating: [text],
      progress: { round: 'r', text },
      lightReason: text,
      indicators: [{ ...ROW.indicators[0]!, subject: text }],
    }));
    const bytes = await ledgerToXlsx({ ...SHEET, rows });
    const ws = await sheetOf(bytes);
    texts.forEach((text, i) => {
      const row = ws.getRow(HEADER_ROW + 1 + i);
      for (const col of [4, 5, 6, 13]) {
        const cell = row.getCell(col);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
        expect(cell.numFmt).toBe('@');
        expect(cell.text).toBe(text.replace(/\r\n?/g, '\n'));
      }
    });
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<f[\s>/]/);
  });

  it('writes indicators against their targets, and rows tall enough for their longest cell', async () => {
    expect(indicatorLine(ROW.indicators[0]!)).toBe('新开工改造城镇老旧小区：目标不低于1500个，完成1546个');
    expect(indicatorLine({ subject: '常住人口城镇化率', unit: '%', comparator: '=', target: 60.5, actual: null })).toBe('常住人口城镇化率：目标60.5%，完成—');
    const width = LEDGER_COLUMNS.find((c) => c.key === 'text')!.width;
    expect(linesIn('短', width)).toBe(1);
    expect(linesIn('长'.repeat(200), width)).toBeGreaterThan(linesIn('长'.repeat(100), width));
    expect(linesIn('一\n二\n三', width)).toBe(3);
    const ws = await sheetOf(await ledgerToXlsx({ ...SHEET, rows: [ROW, { ...ROW, seq: 2, text: '长'.repeat(300) }] }));
    expect(ws.getRow(HEADER_ROW + 2).height).toBeGreaterThan(ws.getRow(HEADER_ROW + 1).height);
  });
});
