import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runParse } from '../cli/parse-command.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedPlan } from '../model/plan.js';
import { mapResolver } from '../parse/map-resolver.js';
import { parsePlan } from '../parse/parse-plan.js';
import { isXlsx, planTableText } from './plan-xlsx.js';
import { DEFAULT_XLSX_LIMITS } from './xlsx-guard.js';

const limits = { ...DEFAULT_XLSX_LIMITS, maxBytes: 20 * 1024 * 1024 };
const resolver = mapResolver({ units: { 市发展改革委: ['市发改委'], 市财政局: [], 市统计局: [], 市商务局: [] } });

/** A 分工表 as offices send it: a title merged across the columns, one lead cell merged down two rows, a date. */
async function divisionWorkbook(extraRows = 0): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工表');
  sheet.addRow(['2021年重点工作任务分工表']);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
  sheet.addRow([1, '编制“十四五”规划。\n按程序报批。', '市发改委', '市财政局、市统计局', '2021年底前']);
  sheet.addRow([2, '建立重大项目库,储备项目100个。', null, '市财政局', '每季度']);
  sheet.mergeCells('C3:C4');
  sheet.addRow([3, '落实减税降费政策。', '市财政局', '', new Date(Date.UTC(2021, 5, 30))]);
  sheet.getCell('E5').numFmt = 'yyyy-mm-dd';
  for (let i = 0; i < extraRows; i++) sheet.addRow([4 + i, `推进第${i}个商贸流通重点项目建设,完成投资5亿元。`, '市商务局', '市发改委', '长期坚持']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('division tables sent as .xlsx', () => {
  it('become tab-separated rows: merged lead cells repeated down, dates as the table shows them', async () => {
    const bytes = await divisionWorkbook();
    expect(isXlsx(bytes)).toBe(true);
    const text = await planTableText(bytes, limits);
    expect(text.split('\n')).toEqual([
      '2021年重点工作任务分工表',
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t编制“十四五”规划。 按程序报批。\t市发改委\t市财政局、市统计局\t2021年底前',
      '2\t建立重大项目库,储备项目100个。\t市发改委\t市财政局\t每季度',
      '3\t落实减税降费政策。\t市财政局\t\t2021年6月30日',
    ]);
    const plan = parsePlan(text, { resolver });
    expect(plan.title).toBe('2021年重点工作任务分工表');
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.unit}/${r.role}`), i.schedule?.due ?? i.schedule?.frequency])).toEqual([
      ['1', '编制“十四五”规划', ['市发展改革委/lead', '市财政局/cooperate', '市统计局/cooperate'], '2021-12-31'],
      ['2', '建立重大项目库,储备项目100个', ['市发展改革委/lead', '市财政局/cooperate'], 'quarterly'],
      ['3', '落实减税降费政策', ['市财政局/lead'], '2021-06-30'],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a sheet far larger than one inflate chunk with its Chinese text intact, row by row', async () => {
    const bytes = await divisionWorkbook(3000);
    const text = await planTableText(bytes, limits);
    expect(text).not.toContain('\ufffd');
    const plan = parsePlan(text, { resolver });
    expect(plan.items).toHaveLength(3003);
    expect(plan.items[3002]?.title).toBe('推进第2999个商贸流通重点项目建设,完成投资5亿元');
    expect(plan.items[3002]?.schedule?.frequency).toBe('ongoing');
  });

  it('reads every visible sheet in order (notes first, then two tables under their own headers), a hidden one left out', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').addRow(['请各单位于每季度末前报送进展情况。']);
    const tasks = workbook.addWorksheet('重点任务');
    tasks.addRow(['序号', '工作任务', '牵头单位', '配合单位']);
    tasks.addRow([1, '建立重大项目库,储备项目100个。', '市发改委', '市财政局']);
    const hidden = workbook.addWorksheet('旧表');
    hidden.state = 'hidden';
    hidden.addRow(['序号', '工作任务', '牵头单位']);
    hidden.addRow([1, '作废的任务。', '市统计局']);
    const indicators = workbook.addWorksheet('主要指标');
    indicators.addRow(['序号', '指标', '责任单位', '目标值']);
    indicators.addRow([1, '社会消费品零售总额增长8%', '市商务局', '8%']);
    const text = await planTableText(Buffer.from(await workbook.xlsx.writeBuffer()), limits);
    expect(text).not.toContain('作废');
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.unit}/${r.role}`)])).toEqual([
      ['1', '建立重大项目库,储备项目100个', ['市发展改革委/lead', '市财政局/cooperate']],
      ['1', '社会消费品零售总额增长8%', ['市商务局/lead']],
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('goes through the xlsx guard: a workbook over the size limit is refused before it is read', async () => {
    const bytes = await divisionWorkbook();
    await expect(planTableText(bytes, { ...limits, maxBytes: 1000 })).rejects.toMatchObject({ code: 'xlsx_too_large' });
  });

  it('is what `luoshi parse` reads for a .xlsx file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'luoshi-xlsx-')), '分工表.xlsx');
    writeFileSync(file, await divisionWorkbook());
    let out = '';
    await runParse(file, { json: true, resolver }, { stdout: (s) => { out += s; } });
    const plan = JSON.parse(out) as ParsedPlan;
    expect(plan.items.map((i) => i.schedule?.raw)).toEqual(['2021年底前', '每季度', '2021年6月30日']);
  });

  it('repeats a short merged value on each row and a long one on its first only, with many merges read in one sweep', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('分工表');
    sheet.addRow(['序号', '工作任务', '牵头单位', '说明']);
    const long = '长'.repeat(500);
    for (let i = 0; i < 300; i++) sheet.addRow([i + 1, `任务${i}`, i % 2 === 0 ? `单位${i}` : null, i === 0 ? long : null]);
    for (let i = 0; i < 300; i += 2) sheet.mergeCells(`C${i + 2}:C${i + 3}`);
    sheet.mergeCells('D2:D301');
    const text = await planTableText(Buffer.from(await workbook.xlsx.writeBuffer()), limits);
    const lines = text.split('\n');
    expect(lines).toHaveLength(301);
    expect(lines[1]).toBe(`1\t任务0\t单位0\t${long}`);
    expect(lines[2]).toBe('2\t任务1\t单位0');
    expect(lines[300]).toBe('300\t任务299\t单位298');
    expect(text.split(long)).toHaveLength(2);
  });
});
