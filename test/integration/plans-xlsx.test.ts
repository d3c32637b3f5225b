import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../src/services/get-plan.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A city's 分工表 as its office sends it: a title row, the header, a lead cell merged down two rows. */
async function cityWorkbook(tag: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工表');
  sheet.addRow([`2023年重点工作任务分工表(${tag})`]);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
  sheet.addRow([1, '编制城市更新专项规划。', '市发改委', '市财政局、市自然资源和规划局', '2023年底前']);
  sheet.addRow([2, '建立重大项目库,储备项目100个。', null, '市财政局', '每季度']);
  sheet.mergeCells('C3:C4');
  sheet.addRow([3, '落实减税降费政策。', '市财政局', '市税务局', '长期坚持']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: XLSX }), filename);
  return form;
}

describe.each(DIALECTS)('division tables (.xlsx) imported over HTTP on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { MAX_UPLOAD_MB: '1' } });
  });
  afterAll(async () => t?.close());

  it('imports a 分工表 with a place: rows become items with schedules, names resolve in that city’s registry', async () => {
    const office = await loginAs(t, 'office');
    const imported = await office.json<{ id: number; items: number }>('POST', '/api/plans', upload(await cityWorkbook('成都'), '分工表.xlsx', { place: '510100' }));
    expect(imported.status).toBe(201);
    expect(imported.body.items).toBe(3);
    const plan = await office.json<PlanView>('GET', `/api/plans/${imported.body.id}`);
    expect(plan.status).toBe(200);
    expect(plan.body.version.encoding).toBe('xlsx');
    const rows = plan.body.items.map((i) => [i.number, i.responsible.map((r) => `${r.raw}=${r.unit}/${r.role}`), i.schedule?.due ?? i.schedule?.frequency]);
    expect(rows).toEqual([
      ['1', ['市发改委=市发展改革委/lead', '市财政局=市财政局/cooperate', '市自然资源和规划局=市自然资源和规划局/cooperate'], '2023-12-31'],
      ['2', ['市发改委=市发展改革委/lead', '市财政局=市财政局/cooperate'], 'quarterly'],
      ['3', ['市财政局=市财政局/lead', '市税务局=null/cooperate'], 'ongoing'],
    ]);
    // The place stays with the plan: a re-parse reads the names the same way.
    const again = await office.json<PlanView>('POST', `/api/plans/${imported.body.id}/reparse`);
    expect(again.status).toBe(200);
    expect(again.body.items[0]?.responsible[0]?.unit).toBe('市发展改革委');
    // The original workbook is kept and served as one.
    const source = await office.request('GET', `/api/plans/${imported.body.id}/source`);
    expect(source.headers.get('content-type')).toBe(XLSX);
  });

  it('without a place, a city’s names are kept raw against the province’s registry', async () => {
    const office = await loginAs(t, 'office');
    const imported = await office.json<{ id: number }>('POST', '/api/plans', upload(await cityWorkbook('无地'), '分工表.xlsx'));
    expect(imported.status).toBe(201);
    const plan = await office.json<PlanView>('GET', `/api/plans/${imported.body.id}`);
    const first = plan.body.items[0]?.responsible[0];
    expect(first?.raw).toBe('市发改委');
    expect(first?.unit).toBeNull();
  });

  it('without a place, a plan whose title opens with a 市州 of the province reads its names in that city’s registry, and keeps the place', async () => {
    const office = await loginAs(t, 'office');
    const text = `长沙市2024年重点工作任务分工方案\n一、重点任务\n1.推进城市更新,改造老旧小区100个。(市发改委牵头,市住建局配合)\n${randomBytes(4).toString('hex')}\n`;
    const imported = await office.json<{ id: number }>('POST', '/api/plans', { text, filename: 'changsha.txt' });
    expect(imported.status).toBe(201);
    const plan = await office.json<PlanView>('GET', `/api/plans/${imported.body.id}`);
    expect(plan.body.items[0]?.responsible.map((r) => `${r.raw}=${r.unit}`)).toEqual(['市发改委=市发展改革委', '市住建局=市住房城乡建设局']);
    const again = await office.json<PlanView>('POST', `/api/plans/${imported.body.id}/reparse`);
    expect(again.body.items[0]?.responsible[0]?.unit).toBe('市发展改革委');
    // Another province's city is no place of this registry: its names stay raw.
    const chengdu = await office.json<{ id: number }>('POST', '/api/plans', { text: text.replace('长沙市', '成都市'), filename: 'chengdu.txt' });
    const other = await office.json<PlanView>('GET', `/api/plans/${chengdu.body.id}`);
    expect(other.body.items[0]?.responsible[0]?.unit).toBeNull();
  });

  it('refuses an unknown place, a malformed workbook and an oversize one with clear errors, storing nothing', async () => {
    const office = await loginAs(t, 'office');
    const before = (await office.json<{ plans: unknown[] }>('GET', '/api/plans')).body.plans.length;
    const good = await cityWorkbook('坏');

    const unknown = await office.json<ErrorBody>('POST', '/api/plans', upload(good, '分工表.xlsx', { place: '999900' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('division_unknown');
    const badField = await office.json<ErrorBody>('POST', '/api/plans', upload(good, '分工表.xlsx', { place: 'chengdu' }));
    expect(badField.status).toBe(400);

    const truncated = await office.json<ErrorBody>('POST', '/api/plans', upload(good.subarray(0, Math.floor(good.length / 2)), '截断.xlsx'));
    // The upload guard (archive-guard.ts) reads the zip before anything else does.
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe('archive_invalid');
    expect(truncated.body.error.message).toBe('文件已损坏或不是有效的 Office 文件');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('大表');
    sheet.addRow(['序号', '工作任务', '牵头单位']);
    // Incompressible cells, so the workbook itself is over the 1 MB upload limit.
    for (let i = 0; i < 25_000; i++) sheet.addRow([i + 1, randomBytes(48).toString('base64'), '市发改委']);
    const big = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const oversize = await office.json<ErrorBody>('POST', '/api/plans', upload(big, '大表.xlsx'));
    expect(oversize.status).toBe(413);
    expect(oversize.body.error.code).toBe('payload_too_large');

    const after = (await office.json<{ plans: unknown[] }>('GET', '/api/plans')).body.plans.length;
    expect(after).toBe(before);
  });
});
