import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import ExcelJS from 'exceljs';
import { loginAdmin, loginAs } from '../helpers/factories.js';
import { sheetRows } from '../helpers/register-files.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface Overview {
  updatedAt: string | null;
  registers: { id: number; name: string; snapshots: { id: number; label: string; rowCount: number }[] }[];
  indicators: { id: number; name: string; public: boolean }[];
  notices: { id: number; title: string }[];
}
interface Snapshot {
  fields: { name: string }[];
  rows: (string | number | boolean | null)[][];
}
interface Evaluation {
  id: number;
  year: number;
  status: string;
  scores: { rowId: number; name: string; total: number; grade: string; statusBefore: string | null; proposedStatus: string | null }[];
}

describe.each(DIALECTS)('evaluation and publication on %s (demo registers)', (dialect) => {
  // The demo's registers, evaluations and snapshots, as loaded at start, are the fixture;
  // each test signs in for itself.
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => t?.close());

  it('holds the seed plan\'s four registers with rows: 老旧小区, 特色小镇, the 15 示范县 and the 30 长株潭 标志工程, each row valid', async () => {
    const office = await loginAs(t, 'office');
    const registers = await office.json<{ id: number; key: string; rowCount: number }[]>('GET', '/api/registers');
    const count = (key: string) => registers.body.find((r) => r.key === key)?.rowCount;
    expect(count('old-communities')).toBeGreaterThan(1500);
    expect(count('characteristic-towns')).toBe(24);
    expect(count('county-demonstrations')).toBe(15);
    expect(count('czt-flagships')).toBe(30);
    const demonstrations = registers.body.find((r) => r.key === 'county-demonstrations')!;
    const rows = await office.json<{ rows: { values: Record<string, unknown> }[] }>('GET', `/api/registers/${demonstrations.id}/rows?pageSize=50`);
    // One county of each 市州 (长沙市 two), never a 市辖区.
    const prefectures = new Set(rows.body.rows.map((r) => r.values['市州']));
    expect(prefectures.size).toBe(14);
    expect(rows.body.rows.every((r) => !String(r.values['县市区']).endsWith('区'))).toBe(true);
    const flagships = registers.body.find((r) => r.key === 'czt-flagships')!;
    const flagshipRows = await office.json<{ rows: { values: Record<string, unknown> }[] }>('GET', `/api/registers/${flagships.id}/rows?pageSize=50`);
    expect(new Set(flagshipRows.body.rows.map((r) => r.values['市州']))).toEqual(new Set(['长沙市', '株洲市', '湘潭市']));
  });

  it('publishes snapshots, indicators and notices with no account, and never an unpublished field, indicator or draft', async () => {
    const office = await loginAs(t, 'office');
    const anonymous = new Client(t.url);
    const overview = await anonymous.json<Overview>('GET', '/api/public/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.updatedAt).not.toBeNull();
    const old = overview.body.registers.find((r) => r.name === '老旧小区改造项目库')!;
    const snapshot = await anonymous.json<Snapshot>('GET', `/api/public/snapshots/${old.snapshots[0]!.id}`);
    const names = snapshot.body.fields.map((f) => f.name);
    expect(names).toContain('小区名称');
    expect(names).not.toContain('总投资(万元)');
    expect(names).not.toContain('改造内容');
    expect(JSON.stringify(snapshot.body)).not.toMatch(/管网改造|加装电梯/);

    // An indicator the office has not published is not there, nor are its values.
    const hidden = await office.json<{ id: number }>('POST', '/api/indicators', { name: '内部测算指标', unit: '个' });
    expect(hidden.status).toBe(201);
    await office.json('PUT', `/api/indicators/${hidden.body.id}/values`, { values: [{ unitId: 1, period: '2021', value: 7 }] });
    const again = await anonymous.json<Overview>('GET', '/api/public/overview');
    expect(again.body.indicators.every((i) => i.public)).toBe(true);
    expect(again.body.indicators.map((i) => i.name)).not.toContain('内部测算指标');
    expect((await anonymous.json('GET', `/api/public/indicators/${hidden.body.id}/values`)).status).toBe(404);

    // Consultation notices only once published; registers' live rows never.
    const consultations = await office.json<{ consultations: { id: number; publishedAt: string | null }[] }>('GET', '/api/consultations');
    const unpublished = consultations.body.consultations.filter((c) => c.publishedAt === null).map((c) => c.id);
    for (const id of unpublished) expect(again.body.notices.map((n) => n.id)).not.toContain(id);
    expect((await anonymous.json('GET', '/api/registers')).status).toBe(401);
    expect((await anonymous.json('GET', '/api/registers/1/rows')).status).toBe(401);
    const map = await anonymous.json<{ features: unknown[] }>('GET', '/api/public/maps/hunan.json');
    expect(map.body.features).toHaveLength(14);
  });

  it('imports statistics and evaluation scores from their xlsx templates, listing bad lines as a register import does', async () => {
    const office = await loginAs(t, 'office');
    const upload = (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'figures.xlsx');
      return form;
    };
    const sheet = async (lines: (string | number | null)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('数据');
      for (const l of lines) ws.addRow(l);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const indicator = (await office.json<{ id: number }>('POST', '/api/indicators', { name: '常住人口城镇化率（导入测试）', unit: '%' })).body.id;
    const template = await sheetRows(Buffer.from(await (await office.request('GET', `/api/indicators/${indicator}/values/template.xlsx?period=2021`)).arrayBuffer()));
    expect(template[0]).toEqual(['地区', '期间', '数值']);
    expect(template).toHaveLength(16); // the province and the 14 市州
    expect(template[2]).toEqual(['长沙市', '2021']);
    const filled = template.map((l, i) => (i === 0 ? l : [l[0], l[1], 50 + i])) as (string | number | null)[][];
    filled.push(['岳阳', 2020, 58.1], ['没有这个市', '2021', 1], ['岳阳市', '2021年', 1]);
    const atomic = await office.json<{ changed: number; rejected: number; errors: { row: number; column: string; message: string }[] }>(
      'POST',
      `/api/indicators/${indicator}/values/import`,
      upload(await sheet(filled)),
    );
    expect(atomic.status).toBe(200);
    expect(atomic.body).toMatchObject({ changed: 0, rejected: 2 });
    expect(atomic.body.errors.map((e) => [e.row, e.column])).toEqual([
      [18, '地区'],
      [19, '期间'],
    ]);
    const partial = await office.json<{ changed: number; unchanged: number; rejected: number }>('POST', `/api/indicators/${indicator}/values/import?mode=partial`, upload(await sheet(filled)));
    expect(partial.body).toEqual(expect.objectContaining({ changed: 16, unchanged: 0, rejected: 2 }));
    const values = await office.json<{ unitId: number; period: string; value: number }[]>('GET', `/api/indicators/${indicator}/values?period=2020`);
    expect(values.body.map((v) => v.value)).toEqual([58.1]);
    const again = await office.json<{ changed: number; unchanged: number }>('POST', `/api/indicators/${indicator}/values/import?mode=partial`, upload(await sheet(filled)));
    expect(again.body).toMatchObject({ changed: 0, unchanged: 16 });
    const reporter = await loginAs(t, '431000.reporter');
    expect((await reporter.json('POST', `/api/indicators/${indicator}/values/import`, upload(await sheet(filled)))).status).toBe(403);
    const audit = await (await loginAdmin(t)).json<{ events: { action: string }[] }>('GET', '/api/audit?action=indicator.values.import');
    expect(audit.body.events.some((e) => e.action === 'indicator.values.import')).toBe(true);

    // scores: the template lists every row with its scores so far
    const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
    const towns = registers.body.find((r) => r.key === 'characteristic-towns')!.id;
    const y2021 = (await office.json<{ id: number; year: number }[]>('GET', `/api/registers/${towns}/evaluations`)).body.find((e) => e.year === 2021)!;
    const evaluation = await office.json<Evaluation & { criteria: { key: string; name: string }[] }>('GET', `/api/evaluations/${y2021.id}`);
    const scoresSheet = await sheetRows(Buffer.from(await (await office.request('GET', `/api/evaluations/${y2021.id}/scores/template.xlsx`)).arrayBuffer()));
    expect(scoresSheet[0]).toEqual(['编号', '名称', ...evaluation.body.criteria.map((c) => c.name)]);
    const target = evaluation.body.scores.find((s) => s.name !== '嘉禾铸造小镇' && s.name !== '安化黑茶小镇')!;
    const line = scoresSheet.find((l) => l[0] === target.rowId)!;
    expect(line[1]).toBe(target.name);
    const lines: (string | number | null)[][] = [scoresSheet[0] as string[], [target.rowId, target.name, 95, 95, 95, 95], [999_999, '无此镇', 80, 80, 80, 80], [target.rowId + 0, null, null, null, null, null]];
    const bad = [...lines, [scoresSheet[1]![0] as number, null, 101, 1, 1, 1]];
    const refused = await office.json<{ changed: number; rejected: number; errors: { row: number; column: string }[] }>('POST', `/api/evaluations/${y2021.id}/scores/import`, upload(await sheet(bad)));
    expect(refused.body).toMatchObject({ changed: 0, rejected: 2 });
    expect(refused.body.errors.map((e) => e.row)).toEqual([3, 5]);
    const scored = await office.json<{ changed: number; rejected: number }>('POST', `/api/evaluations/${y2021.id}/scores/import?mode=partial`, upload(await sheet(lines)));
    expect(scored.body).toMatchObject({ changed: 1, rejected: 1 });
    const after = await office.json<Evaluation>('GET', `/api/evaluations/${y2021.id}`);
    expect(after.body.scores.find((s) => s.rowId === target.rowId)).toMatchObject({ total: 95, grade: 'excellent' });
  });

  it('proposes removal for a town warned two years running, changes nothing until the office confirms, and keeps the published year frozen', async () => {
    const office = await loginAs(t, 'office');
    const anonymous = new Client(t.url);
    const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
    const towns = registers.body.find((r) => r.key === 'characteristic-towns')!.id;
    const years = await office.json<{ id: number; year: number; status: string; snapshotId: number | null }[]>('GET', `/api/registers/${towns}/evaluations`);
    const y2020 = years.body.find((e) => e.year === 2020)!;
    const y2021 = years.body.find((e) => e.year === 2021)!;
    expect([y2020.status, y2021.status]).toEqual(['published', 'open']);
    const evaluation = await office.json<Evaluation>('GET', `/api/evaluations/${y2021.id}`);
    const jiahe = evaluation.body.scores.find((s) => s.name === '嘉禾铸造小镇')!;
    expect(jiahe).toMatchObject({ grade: 'warning', statusBefore: '警告', proposedStatus: '退出' });
    const rowsBefore = await office.json<{ rows: { values: Record<string, unknown> }[] }>('GET', `/api/registers/${towns}/rows?f.名称=嘉禾铸造小镇`);
    expect(rowsBefore.body.rows[0]!.values.状态).toBe('警告');
    const frozen = await anonymous.json<Snapshot>('GET', `/api/public/snapshots/${y2020.snapshotId}`);

    const reporter = await loginAs(t, '431000.reporter');
    expect((await reporter.json('POST', `/api/evaluations/${y2021.id}/confirm`)).status).toBe(403);
    // Boundaries: a total of exactly 70 is 合格, 69.99 is 警告.
    const boundary = evaluation.body.scores.find((s) => s.name === '安化黑茶小镇')!;
    const scored = await office.json<Evaluation>('PUT', `/api/evaluations/${y2021.id}/scores`, {
      scores: [{ rowId: boundary.rowId, scores: { industry: 70, investment: 70, function: 70, mechanism: 70 } }],
    });
    expect(scored.body.scores.find((s) => s.rowId === boundary.rowId)).toMatchObject({ total: 70, grade: 'pass', proposedStatus: '在册' });
    const bad = await office.json('PUT', `/api/evaluations/${y2021.id}/scores`, { scores: [{ rowId: boundary.rowId, scores: { industry: 101 } }] });
    expect(bad.status).toBe(400);

    const confirmed = await office.json<Evaluation>('POST', `/api/evaluations/${y2021.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const rowsAfter = await office.json<{ rows: { values: Record<string, unknown> }[] }>('GET', `/api/registers/${towns}/rows?f.名称=嘉禾铸造小镇`);
    expect(rowsAfter.body.rows[0]!.values.状态).toBe('退出');
    expect((await office.json('PUT', `/api/evaluations/${y2021.id}/scores`, { scores: [{ rowId: boundary.rowId, scores: { industry: 1, investment: 1, function: 1, mechanism: 1 } }] })).status).toBe(409);
    const published = await office.json<Evaluation & { snapshotId: number }>('POST', `/api/evaluations/${y2021.id}/publish`);
    expect(published.body.status).toBe('published');
    expect((await anonymous.json<Snapshot>('GET', `/api/public/snapshots/${y2020.snapshotId}`)).body).toEqual(frozen.body);
  });

  it("keeps the office's choice to withdraw a roll-up indicator when rows are edited or imported", async () => {
    const office = await loginAs(t, 'office');
    const anonymous = new Client(t.url);
    const indicators = await office.json<{ id: number; key: string | null; source: string; public: boolean }[]>('GET', '/api/indicators');
    const started = indicators.body.find((i) => i.source === 'register' && i.public)!;
    expect((await office.json('PUT', `/api/indicators/${started.id}/public`, { public: false })).status).toBe(200);
    const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
    const old = registers.body.find((r) => r.key === 'old-communities')!.id;
    const row = (await office.json<{ rows: { id: number; values: Record<string, unknown> }[] }>('GET', `/api/registers/${old}/rows?pageSize=1`)).body.rows[0]!;
    const edited = await office.json('PATCH', `/api/registers/${old}/rows/${row.id}`, { values: { 户数: Number(row.values.户数) + 1 } });
    expect(edited.status).toBe(200);
    const after = (await office.json<{ id: number; public: boolean }[]>('GET', '/api/indicators')).body.find((i) => i.id === started.id)!;
    expect(after.public).toBe(false);
    expect((await anonymous.json('GET', `/api/public/indicators/${started.id}/values`)).status).toBe(404);
    // and publishing it again sticks the same way
    expect((await office.json('PUT', `/api/indicators/${started.id}/public`, { public: true })).status).toBe(200);
    expect((await office.json('PATCH', `/api/registers/${old}/rows/${row.id}`, { values: { 户数: row.values.户数 } })).status).toBe(200);
    expect((await office.json<{ id: number; public: boolean }[]>('GET', '/api/indicators')).body.find((i) => i.id === started.id)!.public).toBe(true);
  });

  it("feeds the plan's indicator from the register roll-up it is linked to: the same figures by 市州, one set of targets", async () => {
    const office = await loginAs(t, 'office');
    const indicators = (await office.json<{ id: number; key: string | null; name: string; source: string; target: number | null }[]>('GET', '/api/indicators')).body;
    const rollup = indicators.find((i) => i.key === 'old-communities-started')!;
    const task = indicators.find((i) => i.source === 'task' && i.name.includes('老旧小区'))!;
    expect(task).toBeDefined();
    type Value = { unitId: number; period: string; value: number; target?: number; source: string };
    const ofRollup = (await office.json<Value[]>('GET', `/api/indicators/${rollup.id}/values?period=2021`)).body;
    const ofTask = (await office.json<Value[]>('GET', `/api/indicators/${task.id}/values?period=2021`)).body;
    expect(ofRollup).toHaveLength(14);
    expect(ofTask.map((v) => [v.unitId, v.value, v.source])).toEqual(ofRollup.map((v) => [v.unitId, v.value, 'rollup']));
    expect(ofTask.map((v) => v.target)).toEqual(ofRollup.map((v) => v.target));
    const units = new Map((await office.json<{ units: { id: number; shortName: string }[] }>('GET', '/api/units')).body.units.map((u) => [u.shortName, u.id]));
    expect(ofRollup.find((v) => v.unitId === units.get('长沙市'))!.target).toBe(260);
    const allTask = (await office.json<Value[]>('GET', `/api/indicators/${task.id}/values`)).body;
    expect(allTask.every((v) => v.source !== 'report')).toBe(true);

    // a row started in 2021 is removed from 长沙市's count by an edit: both indicators follow
    const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
    const old = registers.body.find((r) => r.key === 'old-communities')!.id;
    const row = (await office.json<{ rows: { id: number; values: Record<string, unknown> }[] }>('GET', `/api/registers/${old}/rows?f.市州=长沙市&f.实际开工.from=2021-01-01&f.实际开工.to=2021-12-31&pageSize=1`)).body.rows[0]!;
    const before = ofTask.find((v) => v.unitId === units.get('长沙市'))!.value;
    expect((await office.json('PATCH', `/api/registers/${old}/rows/${row.id}`, { values: { 实际开工: '2020-12-31' } })).status).toBe(200);
    const after = (await office.json<Value[]>('GET', `/api/indicators/${task.id}/values?period=2021`)).body.find((v) => v.unitId === units.get('长沙市'))!.value;
    expect(after).toBe(before - 1);
    expect((await office.json('PATCH', `/api/registers/${old}/rows/${row.id}`, { values: { 实际开工: row.values.实际开工 } })).status).toBe(200);

    // a rule may only feed an indicator that exists
    const definition = structuredClone((await office.json<{ definition: { rollups: { feeds?: number | string }[] } }>('GET', `/api/registers/${old}`)).body.definition);
    definition.rollups[0]!.feeds = 'no-such-indicator';
    const refused = await office.json<{ error: { code: string } }>('PUT', `/api/registers/${old}/definition`, { definition });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('register_rollup_feeds_unknown');
  });
});
