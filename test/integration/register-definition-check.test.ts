import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs, makeRegister } from '../helpers/factories.js';
import { oldCommunityRow, sheetRows, workbookOf } from '../helpers/register-files.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface Field {
  name: string;
  required?: boolean;
  max?: number;
}
interface CheckAnswer {
  invalidCount: number;
  invalidRows: { id: number; key: string; excelRow: number; issues: { column: string; excelColumn: string; value: unknown; message: string }[] }[];
  removedFields: { name: string; rowsWithValue: number }[];
}

function upload(bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'rows.xlsx');
  return form;
}

/** The 0-based index of a column letter (A → 0, AA → 26). */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

describe.each(DIALECTS)('checking a register definition against its rows on %s', (dialect) => {
  let t: TestServer;
  let office: Client;
  let registerId: number;
  let definition: { fields: Field[] };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { LUOSHI_DEMO_REGISTERS: 'false' } });
    office = await loginAs(t, 'office');
    registerId = (await makeRegister(office)).id;
    // Two imports, so the rows' order is the order they were added, not the file's.
    const first = [
      oldCommunityRow({ 小区名称: '洞庭新村', 户数: 120, 楼栋数: 4, 改造内容: null, 完工日期: '2021-12-01' }),
      oldCommunityRow({ 小区名称: '南湖小区', 户数: 480, 楼栋数: null, 改造内容: null, 完工日期: '2021-11-20' }),
      oldCommunityRow({ 小区名称: '金鹗山庄', 户数: 90, 楼栋数: 3, 改造内容: null, 完工日期: null }),
    ];
    const second = [
      oldCommunityRow({ 小区名称: '求索小区', 户数: 150, 楼栋数: 5, 改造内容: null, 完工日期: '2022-01-10' }),
      oldCommunityRow({ 小区名称: '巴陵小区', 户数: 300, 楼栋数: 8, 改造内容: null, 完工日期: null }),
    ];
    for (const rows of [first, second]) expect((await office.json('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows)))).status).toBe(200);
    const current = (await office.json<{ definition: { fields: Field[] } }>('GET', `/api/registers/${registerId}`)).body.definition;
    // 楼栋数 goes (so every later column moves left by one), 改造内容 goes (no row holds one),
    // 户数 gets a ceiling of 200 and 完工日期 becomes required.
    definition = structuredClone(current);
    definition.fields = definition.fields.filter((f) => f.name !== '楼栋数' && f.name !== '改造内容');
    definition.fields.find((f) => f.name === '户数')!.max = 200;
    definition.fields.find((f) => f.name === '完工日期')!.required = true;
  });
  afterAll(async () => t?.close());

  it('names each failing row by its key, its line in the export and the column letter of each failing field, and counts the values a removed field holds', async () => {
    const checked = await office.json<CheckAnswer>('PUT', `/api/registers/${registerId}/definition?check=true`, { definition });
    expect(checked.status).toBe(200);
    expect(checked.body.invalidCount).toBe(3);
    expect(checked.body.invalidRows.map((r) => ({ key: r.key, excelRow: r.excelRow, cells: r.issues.map((i) => `${i.column}@${i.excelColumn}`) }))).toEqual([
      { key: '岳阳楼区 / 南湖小区', excelRow: 3, cells: ['户数@F'] },
      { key: '岳阳楼区 / 金鹗山庄', excelRow: 4, cells: ['完工日期@K'] },
      { key: '岳阳楼区 / 巴陵小区', excelRow: 6, cells: ['户数@F', '完工日期@K'] },
    ]);
    expect(checked.body.invalidRows[0]!.issues[0]).toMatchObject({ value: 480, message: '不能大于 200' });
    // 改造内容 is blank in every row: nothing is lost, so it is not listed.
    expect(checked.body.removedFields).toEqual([{ name: '楼栋数', rowsWithValue: 4 }]);
  });

  it('points at the very cells of the export the office downloads once the definition is saved', async () => {
    const checked = (await office.json<CheckAnswer>('PUT', `/api/registers/${registerId}/definition?check=true`, { definition })).body;
    const saved = await office.json<CheckAnswer>('PUT', `/api/registers/${registerId}/definition`, { definition });
    expect(saved.status).toBe(200);
    // Saving drops the stored values only when rows are rewritten, and re-checking the same definition finds the same rows.
    expect(saved.body.invalidRows).toEqual(checked.invalidRows);
    const exported = await office.request('GET', `/api/registers/${registerId}/export.xlsx`);
    expect(exported.status).toBe(200);
    const sheet = await sheetRows(Buffer.from(await exported.arrayBuffer()));
    const header = sheet[0]!;
    for (const row of checked.invalidRows) {
      const line = sheet[row.excelRow - 1]!;
      expect(`${String(line[header.indexOf('县市区')])} / ${String(line[header.indexOf('小区名称')])}`).toBe(row.key);
      for (const issue of row.issues) {
        expect(header[columnIndex(issue.excelColumn)]).toBe(issue.column);
        expect(line[columnIndex(issue.excelColumn)] ?? null).toBe(issue.value);
      }
    }
  });

  it('lists no removed field once the fields are gone from the definition', async () => {
    const again = await office.json<CheckAnswer>('PUT', `/api/registers/${registerId}/definition?check=true`, { definition });
    expect(again.body.removedFields).toEqual([]);
  });
});
