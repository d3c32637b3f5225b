import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { MAX_IMPORT_ROWS } from '../../src/office/register-xlsx.js';
import { loginAdmin, loginAs, makeRegister } from '../helpers/factories.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';
import { listValidations, oldCommunityRow, sheetRows, workbookOf, xlsxPart, zipOf } from '../helpers/register-files.js';

interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; value: unknown; message: string }[];
}
interface Rows {
  rows: { id: number; values: Record<string, unknown>; version: number; canEdit: boolean }[];
  total: number;
}

function upload(bytes: Uint8Array, filename = 'rows.xlsx'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return form;
}

describe.each(DIALECTS)('registers over HTTP on %s', (dialect) => {
  let t: TestServer;
  // Read-only fixtures: the registry, and a county reporter (岳阳楼区) that no test changes.
  // Every test works on a register of its own (the 老旧小区 definition under a fresh key).
  let units: Map<string, number>;

  async function total(office: Client, registerId: number): Promise<number> {
    return (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=1`)).body.total;
  }

  /** The office, signed in, and a fresh 老旧小区 register. */
  async function officeWithRegister(): Promise<{ office: Client; registerId: number; tag: string }> {
    const office = await loginAs(t, 'office');
    const { id, tag } = await makeRegister(office);
    return { office, registerId: id, tag };
  }

  const FIRST_ROWS = () => [
    oldCommunityRow({ 项目名称: '岳阳楼区老旧小区改造一期', 小区名称: '洞庭新村', 市州: '岳阳市', 县市区: '岳阳楼区' }),
    oldCommunityRow({ 项目名称: '岳阳楼区老旧小区改造二期', 小区名称: '南湖小区', 市州: '岳阳市', 县市区: '岳阳楼区', 实际开工: null, 状态: '未开工' }),
    oldCommunityRow({ 项目名称: '芙蓉区改造', 小区名称: '东风小区', 市州: '长沙', 县市区: '芙蓉区' }),
  ];

  /** FIRST_ROWS imported by the office, then 洞庭新村 re-imported with 户数 999. */
  async function importFirstRows(office: Client, registerId: number): Promise<void> {
    const rows = FIRST_ROWS();
    expect((await office.json('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)))).status).toBe(200);
    rows[0]!.户数 = 999;
    expect((await office.json('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)))).status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { MAX_UPLOAD_MB: '1', LUOSHI_DEMO_REGISTERS: 'false' } });
    const office = await loginAs(t, 'office');
    const list = await office.json<{ units: { id: number; shortName: string }[] }>('GET', '/api/units');
    units = new Map(list.body.units.map((u) => [u.shortName, u.id]));
    const admin = await loginAdmin(t);
    const added = await admin.json('POST', '/api/users', { login: 'yyl.reporter', displayName: '岳阳楼区填报员', unitId: units.get('岳阳楼区'), role: 'reporter', password: 'county-pass-2021' });
    expect(added.status).toBe(201);
    // A password given by the admin is changed first (issue 12).
    const county = new Client(t.url);
    expect((await county.login('yyl.reporter', 'county-pass-2021')).status).toBe(200);
    expect((await county.request('POST', '/api/session/password', { currentPassword: 'county-pass-2021', newPassword: 'county-own-pass-2021' })).status).toBe(204);
  });
  afterAll(async () => t?.close());

  it('installs the built-in registers', async () => {
    const office = await loginAs(t, 'office');
    const registers = await office.json<{ id: number; key: string; name: string; rowCount: number }[]>('GET', '/api/registers');
    expect(registers.body.map((r) => r.name)).toEqual(expect.arrayContaining(['老旧小区改造项目库', '特色小镇清单', '县城补短板强弱项示范县', '长株潭区域一体化标志工程']));
  });

  it('serves the template: header in row 1 with notes, drop-downs for enums and regions down to the last row an import takes, a hidden list sheet', async () => {
    const { office, registerId } = await officeWithRegister();
    const response = await office.request('GET', `/api/registers/${registerId}/template.xlsx`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The sheet's XML, not ExcelJS: its reader expands each validation range into one entry per cell.
    const sheetXml = xlsxPart(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('项目名称');
    const validations = listValidations(sheetXml);
    const formulae = validations.map((v) => v.formula);
    expect(formulae).toContain('"未开工,在建,完工"');
    expect(formulae.some((f) => f.startsWith('_lists!'))).toBe(true);
    // Every row an import accepts, not the first 5,000.
    expect(validations.every((v) => v.sqref.endsWith(String(MAX_IMPORT_ROWS + 1)))).toBe(true);
    expect(xlsxPart(bytes, 'xl/workbook.xml')).toMatch(/name="_lists"[^>]*state="hidden"|state="hidden"[^>]*name="_lists"/);
    expect(xlsxPart(bytes, 'xl/comments1.xml')).toContain('必填');
  });

  it('puts an enum list too long for an inline drop-down on the list sheet', async () => {
    const office = await loginAs(t, 'office');
    const { id } = await makeRegister(office);
    const register = await office.json<{ definition: { fields: { name: string; type: string; values?: string[] }[] } }>('GET', `/api/registers/${id}`);
    const definition = structuredClone(register.body.definition);
    const content = definition.fields.find((f) => f.name === '改造内容')!;
    const values = Array.from({ length: 60 }, (_, i) => `改造类别第${i + 1}项`);
    Object.assign(content, { type: 'enum', values });
    expect((await office.json('PUT', `/api/registers/${id}/definition`, { definition })).status).toBe(200);
    const bytes = Buffer.from(await (await office.request('GET', `/api/registers/${id}/template.xlsx`)).arrayBuffer());
    const formulae = listValidations(xlsxPart(bytes, 'xl/worksheets/sheet1.xml')).map((v) => v.formula);
    expect(formulae).toContain('_lists!$C$1:$C$60');
    expect(formulae).toContain('"未开工,在建,完工"');
    expect(formulae.every((f) => f.length <= 255)).toBe(true);
    const lists = xlsxPart(bytes, 'xl/worksheets/sheet2.xml');
    expect(lists).toContain('改造类别第60项');
  });

  it('imports a filled template, then re-imports by the unique key as updates, and exports the same columns', async () => {
    const { office, registerId } = await officeWithRegister();
    const rows = FIRST_ROWS();
    const first = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    rows[0]!.户数 = 999;
    const again = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)));
    expect(again.body).toEqual({ added: 0, updated: 1, unchanged: 2, rejected: 0, errors: [] });
    const list = await office.json<Rows>('GET', `/api/registers/${registerId}/rows?f.县市区=岳阳楼区&sort=户数&order=desc`);
    expect(list.body.total).toBe(2);
    expect(list.body.rows[0]!.values).toMatchObject({ 小区名称: '洞庭新村', 户数: 999, 市州: '岳阳市', 实际开工: '2021-04-15' });
    // region names are stored as the registry names them (长沙 → 长沙市)
    const changshaRows = await office.json<Rows>('GET', `/api/registers/${registerId}/rows?region=${units.get('长沙市')}`);
    expect(changshaRows.body.rows[0]!.values.市州).toBe('长沙市');

    const exported = Buffer.from(await (await office.request('GET', `/api/registers/${registerId}/export.xlsx?f.市州=岳阳市`)).arrayBuffer());
    const lines = await sheetRows(exported);
    expect(lines[0]).toEqual(Object.keys(oldCommunityRow({})));
    expect(lines).toHaveLength(3);
    // an export imports back unchanged
    const back = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import`, upload(exported));
    expect(back.body).toMatchObject({ added: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('pages a region by 市州 or by county, in a stable order, the last page included', async () => {
    const { office, registerId } = await officeWithRegister();
    const rows = Array.from({ length: 45 }, (_, i) =>
      oldCommunityRow({ 项目名称: `醴陵分页项目${i}`, 小区名称: `分页小区${i}`, 市州: '株洲市', 县市区: i < 30 ? '醴陵市' : '攸县' }),
    );
    expect((await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)))).body.added).toBe(45);
    const pageOf = async (region: string, page: number) =>
      (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?region=${units.get(region)}&page=${page}&pageSize=20`)).body;
    const county = [await pageOf('醴陵市', 1), await pageOf('醴陵市', 2)];
    expect(county.map((p) => p.total)).toEqual([30, 30]);
    expect(county.map((p) => p.rows.length)).toEqual([20, 10]);
    const countyNames = county.flatMap((p) => p.rows.map((r) => r.values.项目名称));
    expect(countyNames).toEqual(Array.from({ length: 30 }, (_, i) => `醴陵分页项目${i}`));
    const prefecture = await pageOf('株洲市', 3);
    expect(prefecture.total).toBe(45);
    expect(prefecture.rows.map((r) => r.values.县市区)).toEqual(Array(5).fill('攸县'));
    expect((await pageOf('株洲市', 4)).rows).toEqual([]);
  });

  it('lists row errors with the row number Excel shows, and in atomic mode writes nothing', async () => {
    const { office, registerId } = await officeWithRegister();
    const before = await total(office, registerId);
    const rows = [
      oldCommunityRow({ 小区名称: '好小区一', 县市区: '岳阳楼区' }),
      oldCommunityRow({ 小区名称: '坏小区', 户数: 'many', 实际开工: '2021-02-30', 状态: '停工' }),
      oldCommunityRow({ 小区名称: '', 县市区: '芙蓉区' }),
      oldCommunityRow({ 小区名称: '好小区一', 县市区: '岳阳楼区' }),
    ];
    const atomic = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)));
    expect(atomic.status).toBe(200);
    expect(atomic.body.added).toBe(0);
    expect(atomic.body.rejected).toBe(4 - 1);
    const byCell = atomic.body.errors.map((e) => `${e.row}:${e.column}`);
    expect(byCell).toEqual(expect.arrayContaining(['3:户数', '3:实际开工', '3:状态', '4:小区名称', '4:县市区', '5:县市区']));
    expect(atomic.body.errors.find((e) => e.row === 3 && e.column === '户数')).toMatchObject({ value: 'many', message: '应为整数' });
    expect(atomic.body.errors.find((e) => e.row === 5)!.message).toContain('第 2 行');
    expect(await total(office, registerId)).toBe(before);

    const partial = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=partial`, upload(await workbookOf(rows)));
    expect(partial.body).toMatchObject({ added: 1, rejected: 3 });
    expect(await total(office, registerId)).toBe(before + 1);

    const english = new Client(t.url, 'en');
    await english.login('office', DEMO_PASSWORD);
    const en = await english.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)));
    expect(en.body.errors.find((e) => e.row === 3 && e.column === '户数')!.message).toBe('Must be a whole number');

    const marked = await office.request('POST', `/api/registers/${registerId}/import/errors.xlsx`, upload(await workbookOf(rows)));
    expect(marked.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await marked.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(1 + 3);
    const households = sheet.getRow(2).getCell(6);
    expect(households.value).toBe('many');
    expect((households.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('refuses malformed files with a clear message and writes nothing', async () => {
    const { office, registerId } = await officeWithRegister();
    const before = await total(office, registerId);
    const cases: { name: string; bytes: Buffer; status: number; code: string; text: RegExp }[] = [];
    cases.push({ name: 'not xlsx', bytes: Buffer.from('项目名称,市州\n一,二\n'), status: 415, code: 'xlsx_not_xlsx', text: /不是 Excel/ });
    cases.push({ name: 'over the limit', bytes: Buffer.alloc(1024 * 1024 + 10, 1), status: 413, code: 'xlsx_too_large', text: /过大/ });
    cases.push({
      name: 'zip bomb',
      bytes: zipOf([
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['xl/workbook.xml', Buffer.from('<workbook/>')],
        ['xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20)],
      ]),
      status: 413,
      code: 'xlsx_zip_bomb',
      text: /压缩比|过大/,
    });
    const wb = async (build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('台账');
      sheet.addRow(Object.keys(oldCommunityRow({})));
      build(sheet, workbook);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    cases.push({ name: 'empty sheet', bytes: await wb(() => {}), status: 400, code: 'xlsx_empty_sheet', text: /没有数据行/ });
    cases.push({
      name: 'merged cells',
      bytes: await wb((sheet) => {
        sheet.addRow(Object.values(oldCommunityRow({ 小区名称: '合并一' })));
        sheet.addRow(Object.values(oldCommunityRow({ 小区名称: '合并二' })));
        sheet.mergeCells('B2:B3');
      }),
      status: 400,
      code: 'xlsx_merged_cells',
      text: /合并单元格（B2:B3）/,
    });
    cases.push({
      name: 'hidden sheet',
      bytes: await wb((sheet, workbook) => {
        sheet.addRow(Object.values(oldCommunityRow({ 小区名称: '隐藏表' })));
        workbook.addWorksheet('备用', { state: 'hidden' }).addRow(['x']);
      }),
      status: 400,
      code: 'xlsx_hidden_sheet',
      text: /隐藏工作表「备用」/,
    });
    cases.push({
      name: 'missing column',
      bytes: await (async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('台账').addRow(['项目名称', '市州']);
        return Buffer.from(await workbook.xlsx.writeBuffer());
      })(),
      status: 400,
      code: 'xlsx_missing_columns',
      text: /县市区/,
    });
    for (const c of cases) {
      const response = await office.json<ErrorBody>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(c.bytes));
      expect({ name: c.name, status: response.status, code: response.body.error.code }).toEqual({ name: c.name, status: c.status, code: c.code });
      expect(response.body.error.message).toMatch(c.text);
    }
    expect(await total(office, registerId)).toBe(before);
  }, 90_000);

  it('reads formula cells as their values and refuses a formula without one', async () => {
    const { office, registerId } = await officeWithRegister();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(Object.keys(oldCommunityRow({})));
    const row = oldCommunityRow({ 小区名称: '公式小区', 县市区: '岳阳楼区' });
    const values = Object.values(row) as ExcelJS.CellValue[];
    values[5] = { formula: '100+20', result: 120 } as ExcelJS.CellFormulaValue;
    sheet.addRow(values);
    const noValue = [...values];
    noValue[3] = '无结果小区';
    noValue[5] = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    sheet.addRow(noValue);
    const result = await office.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=partial`, upload(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(result.body).toMatchObject({ added: 1, rejected: 1 });
    expect(result.body.errors[0]).toMatchObject({ row: 3, column: '户数', value: '=A1*2' });
    const found = await office.json<Rows>('GET', `/api/registers/${registerId}/rows?f.小区名称=公式小区`);
    expect(found.body.rows[0]!.values.户数).toBe(120);
  });

  it('lets a 市州 edit only its region, a county only its own rows, the office all; each edit audited with before and after', async () => {
    const { office, registerId } = await officeWithRegister();
    await importFirstRows(office, registerId);
    const yueyang = await loginAs(t, '430600.reporter');
    const changsha = await loginAs(t, '430100.reporter');
    const county = new Client(t.url);
    expect((await county.login('yyl.reporter', 'county-own-pass-2021')).status).toBe(200);
    const rows = (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=100`)).body.rows;
    const yy = rows.find((r) => r.values.小区名称 === '洞庭新村')!;
    const cs = rows.find((r) => r.values.市州 === '长沙市')!;
    expect((await yueyang.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=100`)).body.rows.find((r) => r.id === cs.id)!.canEdit).toBe(false);

    const own = await yueyang.json<{ values: Record<string, unknown>; version: number }>('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 户数: 321 }, version: yy.version });
    expect(own.status).toBe(200);
    expect(own.body.values.户数).toBe(321);
    const stale = await yueyang.json<ErrorBody>('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 户数: 322 }, version: yy.version });
    expect(stale.status).toBe(409);
    const other = await yueyang.json<ErrorBody>('PATCH', `/api/registers/${registerId}/rows/${cs.id}`, { values: { 户数: 1 } });
    expect(other.status).toBe(403);
    const moveOut = await yueyang.json<ErrorBody>('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 市州: '长沙市', 县市区: '芙蓉区' } });
    expect(moveOut.status).toBe(403);
    expect((await county.json('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 楼栋数: 7 } })).status).toBe(200);
    expect((await county.json('PATCH', `/api/registers/${registerId}/rows/${cs.id}`, { values: { 楼栋数: 7 } })).status).toBe(403);
    expect((await changsha.json('PATCH', `/api/registers/${registerId}/rows/${cs.id}`, { values: { 楼栋数: 9 } })).status).toBe(200);
    expect((await office.json('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 楼栋数: 8 } })).status).toBe(200);
    const invalid = await office.json<ErrorBody>('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 户数: -5 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('户数');

    // a 市州's import: rows of another region are rejected, its own are written
    const mixed = [oldCommunityRow({ 小区名称: '岳阳新增', 县市区: '岳阳楼区' }), oldCommunityRow({ 小区名称: '长沙新增', 市州: '长沙市', 县市区: '芙蓉区' })];
    const imported = await yueyang.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=partial`, upload(await workbookOf(mixed)));
    expect(imported.body).toMatchObject({ added: 1, rejected: 1 });
    expect(imported.body.errors[0]).toMatchObject({ row: 3, column: '市州' });
    const viewer = new Client(t.url);
    expect((await viewer.json('GET', `/api/registers/${registerId}/rows`)).status).toBe(401);

    const history = await office.json<{ actor: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; auditSeq: number }[]>(
      'GET',
      `/api/registers/${registerId}/rows/${yy.id}/history`,
    );
    expect(history.body.map((h) => h.actor)).toEqual(['office', 'yyl.reporter', '430600.reporter', 'office', 'office']);
    expect(history.body[2]).toMatchObject({ before: { 户数: 999 }, after: { 户数: 321 } });
    expect(history.body.at(-1)!.before).toBeNull();
  });

  it("lets a 市州's office keep its region's rows, and nothing the provincial office alone does", async () => {
    const { office, registerId } = await officeWithRegister();
    await importFirstRows(office, registerId);
    const changsha = await loginAs(t, '430100.office');
    const rows = (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=100`)).body.rows;
    const yy = rows.find((r) => r.values.小区名称 === '洞庭新村')!;
    const cs = rows.find((r) => r.values.市州 === '长沙市')!;
    expect((await changsha.json<ErrorBody>('PATCH', `/api/registers/${registerId}/rows/${yy.id}`, { values: { 户数: 1 } })).status).toBe(403);
    expect((await changsha.json('PATCH', `/api/registers/${registerId}/rows/${cs.id}`, { values: { 户数: 77 } })).status).toBe(200);
    const seen = (await changsha.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=100`)).body.rows;
    expect(seen.find((r) => r.id === yy.id)!.canEdit).toBe(false);
    expect(seen.find((r) => r.id === cs.id)!.canEdit).toBe(true);
    const view = await changsha.json<{ permissions: Record<string, unknown> }>('GET', `/api/registers/${registerId}`);
    expect(view.body.permissions).toEqual({ define: false, import: true, evaluate: false, publish: false, write: 'region' });
    expect((await office.json<{ permissions: Record<string, unknown> }>('GET', `/api/registers/${registerId}`)).body.permissions).toMatchObject({ define: true, publish: true, write: 'all' });
    const definition = (await office.json<{ definition: unknown }>('GET', `/api/registers/${registerId}`)).body.definition;
    expect((await changsha.json('PUT', `/api/registers/${registerId}/definition?check=true`, { definition })).status).toBe(403);
    expect((await changsha.json('POST', '/api/indicators', { name: '市州自设指标', unit: '个' })).status).toBe(403);
    // its import: its own rows are written, another 市州's refused
    const mixed = [oldCommunityRow({ 小区名称: '长沙办新增', 市州: '长沙市', 县市区: '芙蓉区' }), oldCommunityRow({ 小区名称: '岳阳办新增' })];
    const imported = await changsha.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=partial`, upload(await workbookOf(mixed)));
    expect(imported.body).toMatchObject({ added: 1, rejected: 1 });
  });

  it('lets a 市州 send back the whole export it downloaded: other regions unchanged, changed ones refused and all listed', async () => {
    const { office, registerId } = await officeWithRegister();
    const extra = [
      oldCommunityRow({ 项目名称: '株洲一', 小区名称: '株洲一村', 市州: '株洲市', 县市区: '荷塘区' }),
      oldCommunityRow({ 项目名称: '株洲二', 小区名称: '株洲二村', 市州: '株洲市', 县市区: '荷塘区' }),
    ];
    expect((await office.json('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf([...FIRST_ROWS(), ...extra])))).status).toBe(200);
    const yueyang = await loginAs(t, '430600.reporter');
    // by default a region's user exports its own region; all=true gives every row
    const own = await sheetRows(Buffer.from(await (await yueyang.request('GET', `/api/registers/${registerId}/export.xlsx`)).arrayBuffer()));
    expect(own.slice(1).map((r) => r[1])).toEqual(['岳阳市', '岳阳市']);
    const full = Buffer.from(await (await yueyang.request('GET', `/api/registers/${registerId}/export.xlsx?all=true`)).arrayBuffer());
    const lines = await sheetRows(full);
    expect(lines).toHaveLength(6);
    const back = await yueyang.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(full));
    expect(back.body).toEqual({ added: 0, updated: 0, unchanged: 5, rejected: 0, errors: [] });

    // its own row changed, and three rows of other 市州 changed: atomic lists all three, writes nothing
    const header = lines[0] as string[];
    const objects = lines.slice(1).map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? null])));
    for (const o of objects) o.户数 = 555;
    const changed = await yueyang.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(objects, header)));
    expect(changed.body).toMatchObject({ added: 0, updated: 0, rejected: 3 });
    expect(changed.body.errors.map((e) => e.row).sort()).toEqual(
      objects.map((o, i) => (o.市州 === '岳阳市' ? null : i + 2)).filter((r) => r !== null).sort(),
    );
    expect(changed.body.errors.find((e) => e.value === '株洲市')!.message).toContain('株洲市');
    const partial = await yueyang.json<ImportResult>('POST', `/api/registers/${registerId}/import?mode=partial`, upload(await workbookOf(objects, header)));
    expect(partial.body).toMatchObject({ added: 0, updated: 2, unchanged: 0, rejected: 3 });
  });

  it('keeps rows editable when a field is removed: the check lists none, an edit drops the old value', async () => {
    const { office, registerId } = await officeWithRegister();
    await importFirstRows(office, registerId);
    const register = await office.json<{ definition: { fields: { name: string }[] } }>('GET', `/api/registers/${registerId}`);
    const definition = structuredClone(register.body.definition);
    definition.fields = definition.fields.filter((f) => f.name !== '楼栋数');
    const checked = await office.json<{ invalidCount: number }>('PUT', `/api/registers/${registerId}/definition?check=true`, { definition });
    expect(checked.body.invalidCount).toBe(0);
    expect((await office.json('PUT', `/api/registers/${registerId}/definition`, { definition })).status).toBe(200);
    const row = (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?f.小区名称=洞庭新村`)).body.rows[0]!;
    expect(row.values).not.toHaveProperty('楼栋数');
    const edited = await office.json<{ values: Record<string, unknown> }>('PATCH', `/api/registers/${registerId}/rows/${row.id}`, { values: { 户数: 400 } });
    expect(edited.status).toBe(200);
    expect(edited.body.values).not.toHaveProperty('楼栋数');
    const history = await office.json<{ before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]>('GET', `/api/registers/${registerId}/rows/${row.id}/history`);
    expect(history.body[0]!.before).toHaveProperty('楼栋数');
    expect(history.body[0]!.after).not.toHaveProperty('楼栋数');
    // naming the removed field is still a mistake
    expect((await office.json('PATCH', `/api/registers/${registerId}/rows/${row.id}`, { values: { 楼栋数: 3 } })).status).toBe(400);
  });

  it('filters rows and exports by date and number ranges, in the sort order of the rows page', async () => {
    const { office, registerId } = await officeWithRegister();
    const rows = [
      oldCommunityRow({ 项目名称: 'R1', 小区名称: '甲', 户数: 100, 实际开工: '2021-01-10' }),
      oldCommunityRow({ 项目名称: 'R2', 小区名称: '乙', 户数: 300, 实际开工: '2021-06-30' }),
      oldCommunityRow({ 项目名称: 'R3', 小区名称: '丙', 户数: 200, 实际开工: '2022-02-01' }),
      oldCommunityRow({ 项目名称: 'R4', 小区名称: '丁', 户数: 50, 实际开工: null, 状态: '未开工' }),
    ];
    expect((await office.json('POST', `/api/registers/${registerId}/import`, upload(await workbookOf(rows)))).status).toBe(200);
    const names = async (query: string) => (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?${query}`)).body.rows.map((r) => r.values.小区名称);
    expect(await names(`f.实际开工.from=2021-01-10&f.实际开工.to=2021-12-31&sort=户数`)).toEqual(['甲', '乙']);
    expect(await names(`f.实际开工.from=${encodeURIComponent('2021年6月1日')}`)).toEqual(['乙', '丙']);
    expect(await names(`f.户数.from=100&f.户数.to=250&sort=户数&order=desc`)).toEqual(['丙', '甲']);
    expect((await office.json<ErrorBody>('GET', `/api/registers/${registerId}/rows?f.户数.from=abc`)).status).toBe(400);
    expect((await office.json<ErrorBody>('GET', `/api/registers/${registerId}/rows?f.小区名称.from=a`)).status).toBe(400);
    const exported = await sheetRows(Buffer.from(await (await office.request('GET', `/api/registers/${registerId}/export.xlsx?sort=户数&order=desc&f.户数.from=60`)).arrayBuffer()));
    expect(exported.slice(1).map((r) => r[3])).toEqual(['乙', '丙', '甲']);
    const byId = await sheetRows(Buffer.from(await (await office.request('GET', `/api/registers/${registerId}/export.xlsx?order=desc`)).arrayBuffer()));
    expect(byId.slice(1).map((r) => r[3])).toEqual(['丁', '丙', '乙', '甲']);
  });

  it('streams import progress as ndjson when asked, ending with the same result as the plain answer, or the error', async () => {
    const { office, registerId } = await officeWithRegister();
    const rows = Array.from({ length: 1200 }, (_, i) => oldCommunityRow({ 项目名称: `进度${i}`, 小区名称: `进度小区${i}` }));
    rows[1100]!.户数 = -1;
    const response = await office.request('POST', `/api/registers/${registerId}/import?mode=partial&progress=ndjson`, upload(await workbookOf(rows)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; phase?: string; rowsRead?: number; rowsExpected?: number; result?: ImportResult });
    expect(lines[0]).toEqual({ type: 'progress', phase: 'checking', rowsRead: 0, rowsExpected: 0 });
    const reading = lines.filter((l) => l.phase === 'rows');
    expect(reading.length).toBeGreaterThanOrEqual(2);
    expect(reading.map((l) => l.rowsRead)).toEqual([...reading.map((l) => l.rowsRead)].sort((a, b) => a! - b!));
    expect(reading.every((l) => l.rowsExpected! >= l.rowsRead! && l.rowsExpected === 1200)).toBe(true);
    expect(lines.at(-2)).toEqual({ type: 'progress', phase: 'finishing', rowsRead: 1200, rowsExpected: 1200 });
    expect(lines.at(-1)!.type).toBe('result');
    expect(lines.at(-1)!.result).toMatchObject({ added: 1199, updated: 0, unchanged: 0, rejected: 1 });
    expect(lines.at(-1)!.result!.errors[0]).toMatchObject({ row: 1102, column: '户数' });

    const bad = await office.request('POST', `/api/registers/${registerId}/import?progress=ndjson`, upload(Buffer.from('not a workbook at all'), 'rows.xlsx'));
    const badLines = (await bad.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: number; error?: { code: string; message: string } });
    expect(badLines.at(-1)).toMatchObject({ type: 'error', status: 415, error: { code: 'xlsx_not_xlsx' } });
    // refusals before the stream starts (no session, no right) stay plain HTTP answers
    const refused = await new Client(t.url).json<ErrorBody>('POST', `/api/registers/${registerId}/import?progress=ndjson`, upload(await workbookOf(rows.slice(0, 1))));
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthenticated');
  });

  it('rolls rows up into the indicator by 市州 and year, the same on every database', async () => {
    const { office, registerId, tag } = await officeWithRegister();
    await importFirstRows(office, registerId);
    const indicators = await office.json<{ id: number; key: string; name: string; unit: string; target: number | null }[]>('GET', '/api/indicators');
    const started = indicators.body.find((i) => i.key === `old-communities-started-${tag}`)!;
    expect(started).toMatchObject({ name: '新开工改造城镇老旧小区', unit: '个', target: 1500 });
    const values = await office.json<{ unitId: number; period: string; value: number }[]>('GET', `/api/indicators/${started.id}/values?by=region&period=2021`);
    const rows = (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=500`)).body.rows;
    const expected = new Map<string, number>();
    for (const r of rows) if (typeof r.values.实际开工 === 'string' && r.values.实际开工.startsWith('2021')) expected.set(r.values.市州 as string, (expected.get(r.values.市州 as string) ?? 0) + 1);
    expect(expected.size).toBeGreaterThan(0);
    for (const [name, count] of expected) expect(values.body.find((v) => v.unitId === units.get(name))?.value).toBe(count);
    expect(values.body.every((v) => v.period === '2021')).toBe(true);
  });

  it('reports the rows a changed definition no longer accepts', async () => {
    const { office, registerId } = await officeWithRegister();
    await importFirstRows(office, registerId);
    const yueyang = await loginAs(t, '430600.reporter');
    const register = await office.json<{ definition: { fields: { name: string; max?: number }[] } }>('GET', `/api/registers/${registerId}`);
    const definition = structuredClone(register.body.definition);
    definition.fields.find((f) => f.name === '户数')!.max = 200;
    const checked = await office.json<{ invalidCount: number; invalidRows: { id: number; issues: { column: string; message: string }[] }[] }>(
      'PUT',
      `/api/registers/${registerId}/definition?check=true`,
      { definition },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.invalidCount).toBeGreaterThan(0);
    expect(checked.body.invalidRows[0]!.issues[0]).toMatchObject({ column: '户数', message: '不能大于 200' });
    expect((await yueyang.json('PUT', `/api/registers/${registerId}/definition`, { definition })).status).toBe(403);
  });
});
