import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hunanRegistry } from '../catalog/hunan.js';
import { AppError } from '../domain/errors.js';
import type { RegistryFile } from '../domain/unit.js';
import { registryFromXlsx, registryToXlsx } from './units-xlsx.js';

const HOSTILE = '=HYPERLINK("http://example.invalid","x")';

async function sheetOf(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('单位');
  if (!sheet) throw new Error('no 单位 sheet');
  return sheet;
}

/** A workbook built by hand, as someone might fill one in. */
async function handMade(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('registryToXlsx / registryFromXlsx', () => {
  it('round-trips the Hunan registry unchanged', async () => {
    const registry = hunanRegistry();
    expect(await registryFromXlsx(await registryToXlsx(registry))).toEqual(registry);
  });

  it('writes a Chinese header, an English key row and freezes both', async () => {
    const sheet = await sheetOf(await registryToXlsx(hunanRegistry()));
    expect(sheet.getRow(1).getCell(1).value).toBe('代码');
    expect(sheet.getRow(2).getCell(1).value).toBe('code');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(3).getCell(6).value).toBe('办公室');
  });

  it('stores text that looks like a formula as plain text', async () => {
    const registry: RegistryFile = {
      format: 'luoshi-registry',
      version: 1,
      units: [
        { code: 'x1', name: HOSTILE, shortName: '+1', aliases: ['-2', '@SUM(A1)'], kind: 'other', parentCode: null, divisionCode: null },
      ],
    };
    const buf = await registryToXlsx(registry);
    const cell = (await sheetOf(buf)).getRow(3).getCell(2);
    expect(cell.value).toBe(HOSTILE);
    expect(cell.formula).toBeUndefined();
    expect(await registryFromXlsx(buf)).toEqual(registry);
  });

  it('reads a hand-made sheet with English headers, number cells and yes/no', async () => {
    const buf = await handMade([
      ['code', 'name', 'shortName', 'aliases', 'kind', 'parentCode', 'divisionCode', 'member'],
      ['430000', '湖南省人民政府', '湖南省', '省政府; 湖南省政府', 'province', null, 430000, 'no'],
      [],
      ['hn-x', '湖南省某某厅', '省某某厅', null, '部门', '430000', null, '是'],
    ]);
    const file = await registryFromXlsx(buf);
    expect(file.units).toEqual([
      { code: '430000', name: '湖南省人民政府', shortName: '湖南省', aliases: ['省政府', '湖南省政府'], kind: 'province', parentCode: null, divisionCode: '430000', member: false },
      { code: 'hn-x', name: '湖南省某某厅', shortName: '省某某厅', aliases: [], kind: 'department', parentCode: '430000', divisionCode: null, member: true },
    ]);
  });

  it('reports row-level errors with sheet row numbers', async () => {
    const buf = await handMade([
      ['代码', '全称', '简称', '类型', '上级代码', '成员单位'],
      ['a', '甲局', '甲', '部门', null, '也许'],
      ['a', '乙局', '乙', '部委', 'zzz', null],
      ['c', '', '丙', '部门', null, null],
    ]);
    const error = await rejection(registryFromXlsx(buf));
    expect(error.code).toBe('validation_failed');
    const issues = error.details?.issues as { row: number; field: string }[];
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'member'],
      [3, 'kind'],
      [4, 'name'],
    ]);
  });

  it('reports cross-row errors (duplicate code, unknown parent) by row', async () => {
    const buf = await handMade([
      ['代码', '全称', '简称', '类型', '上级代码'],
      ['a', '甲局', '甲', '部门', null],
      ['a', '乙局', '乙', '部门', 'zzz'],
    ]);
    const issues = (await rejection(registryFromXlsx(buf))).details?.issues as { row: number; field: string }[];
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'code'],
      [3, 'parentCode'],
    ]);
  });

  it('says so when the header is missing', async () => {
    const error = await rejection(registryFromXlsx(await handMade([['甲', '乙'], ['1', '2']])));
    expect(error.code).toBe('validation_failed');
    expect(error.messages.zh).toContain('表头');
  });

  it('turns bytes that are not a workbook into an AppError', async () => {
    for (const bytes of [Buffer.from('not a workbook'), Buffer.alloc(0), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]) {
      const error = await rejection(registryFromXlsx(bytes));
      expect(error.code).toBe('unsupported_media_type');
    }
  });

  it('refuses to write an invalid registry', async () => {
    const bad = { format: 'luoshi-registry', version: 1, units: [{ code: '甲', name: 'x', shortName: 'x', aliases: [], kind: 'other', parentCode: null, divisionCode: null }] } as RegistryFile;
    expect((await rejection(registryToXlsx(bad))).code).toBe('validation_failed');
  });
});
