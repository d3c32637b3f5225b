import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs } from '../helpers/factories.js';
import { sheetRows } from '../helpers/register-files.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

type Line = (string | number | null)[];
interface FiguresAnswer {
  changed: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  errors: { row: number; column: string; message: string }[];
}

function upload(bytes: Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'figures.xlsx');
  return form;
}

async function sheet(lines: Line[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('数据');
  for (const l of lines) ws.addRow(l);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(DIALECTS)('a partly filled figures template on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => t?.close());

  it('imports the figures a clerk filled in and skips the 市州 left blank, still refusing a bad figure', async () => {
    const office = await loginAs(t, 'office');
    const indicator = (await office.json<{ id: number }>('POST', '/api/indicators', { name: '城镇燃气普及率（部分填写）', unit: '%' })).body.id;
    const template = (await sheetRows(Buffer.from(await (await office.request('GET', `/api/indicators/${indicator}/values/template.xlsx?period=2021`)).arrayBuffer()))) as Line[];
    expect(template).toHaveLength(16);
    const filled: Line[] = template.map((l) => [...l]);
    const fill = (region: string, value: string | number) => {
      const line = filled.find((l) => l[0] === region)!;
      line[2] = value;
    };
    fill('长沙市', 98.5);
    fill('岳阳市', 96);
    fill('衡阳市', 90.2);
    const answer = await office.json<FiguresAnswer>('POST', `/api/indicators/${indicator}/values/import`, upload(await sheet(filled)));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ changed: 3, unchanged: 0, rejected: 0, skipped: 12, errors: [] });
    const values = await office.json<{ value: number }[]>('GET', `/api/indicators/${indicator}/values?period=2021`);
    expect(values.body.map((v) => v.value).sort()).toEqual([90.2, 96, 98.5]);

    // A figure that is not a number is still refused, and atomic means nothing is written.
    fill('株洲市', '九十');
    fill('长沙市', 99);
    const refused = await office.json<FiguresAnswer>('POST', `/api/indicators/${indicator}/values/import`, upload(await sheet(filled)));
    expect(refused.body).toMatchObject({ changed: 0, rejected: 1, skipped: 11 });
    expect(refused.body.errors.map((e) => [e.row, e.column])).toEqual([[filled.findIndex((l) => l[0] === '株洲市') + 1, '数值']]);
    const unchanged = await office.json<{ value: number }[]>('GET', `/api/indicators/${indicator}/values?period=2021`);
    expect(unchanged.body.map((v) => v.value).sort()).toEqual([90.2, 96, 98.5]);
  });

  it('counts the score lines left blank as skipped', async () => {
    const office = await loginAs(t, 'office');
    const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
    const towns = registers.body.find((r) => r.key === 'characteristic-towns')!.id;
    const open = (await office.json<{ id: number; status: string }[]>('GET', `/api/registers/${towns}/evaluations`)).body.find((e) => e.status === 'open')!;
    const template = (await sheetRows(Buffer.from(await (await office.request('GET', `/api/evaluations/${open.id}/scores/template.xlsx`)).arrayBuffer()))) as Line[];
    // One town scored (87 in every criterion), the others' score cells cleared: they keep their scores.
    const rows = template.slice(1);
    expect(rows.length).toBeGreaterThan(1);
    const criteria = template[0]!.length - 2;
    const lines: Line[] = [template[0]!, ...rows.map((l, i) => (i === 0 ? [l[0]!, l[1]!, ...Array<number>(criteria).fill(87)] : [l[0]!, l[1]!]))];
    const before = await office.json<{ scores: { rowId: number; total: number }[] }>('GET', `/api/evaluations/${open.id}`);
    const answer = await office.json<FiguresAnswer>('POST', `/api/evaluations/${open.id}/scores/import`, upload(await sheet(lines)));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ changed: 1, rejected: 0, skipped: rows.length - 1 });
    const after = await office.json<{ scores: { rowId: number; total: number }[] }>('GET', `/api/evaluations/${open.id}`);
    expect(after.body.scores.find((s) => s.rowId === rows[0]![0])?.total).toBe(87);
    expect(after.body.scores.filter((s) => s.rowId !== rows[0]![0])).toEqual(before.body.scores.filter((s) => s.rowId !== rows[0]![0]));
  });
});
