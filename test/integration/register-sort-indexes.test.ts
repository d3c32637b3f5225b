import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAdmin, loginAs, makeRegister } from '../helpers/factories.js';
import { oldCommunityRow, workbookOf } from '../helpers/register-files.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';
import { sortIndexNames } from '../../src/db/register-indexes.js';
import { SYSTEM_ACTOR } from '../../src/domain/policy.js';
import { installBuiltinRegisters } from '../../src/services/install-builtin-registers.js';
import { sortedIds } from '../../src/services/list-register-rows.js';
import { silentLogger, systemClock } from '../../src/services/support/context.js';
import type { ServiceContext } from '../../src/services/support/context.js';
import { loadRegister } from '../../src/services/support/register-store.js';

type Value = string | number | boolean | null;
interface Row {
  id: number;
  values: Record<string, Value>;
  canEdit: boolean;
}
interface Rows {
  rows: Row[];
  total: number;
}
interface Field {
  name: string;
  type: string;
}

function upload(bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'rows.xlsx');
  return form;
}

/**
 * The order a sorted page promises: null (absent or empty) first ascending and last descending,
 * ties by id in the same direction. Between types — only after a field's type changed — each
 * database keeps its own order of JSON types: numbers before text on SQLite, text before
 * numbers on PostgreSQL. Text compares by code point (the test databases' collation).
 */
function expectedOrder(rows: Row[], field: string, order: 'asc' | 'desc', dialect: 'sqlite' | 'postgres'): number[] {
  const rank = (v: Value): number => (v === null ? 0 : typeof v === 'string' ? (dialect === 'sqlite' ? 2 : 1) : dialect === 'sqlite' ? 1 : 2);
  const compare = (a: Row, b: Row): number => {
    const x = a.values[field] ?? null;
    const y = b.values[field] ?? null;
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (x !== null && y !== null && x !== y) return x < y ? -1 : 1;
    return a.id - b.id;
  };
  const sorted = [...rows].sort(compare);
  return (order === 'asc' ? sorted : sorted.reverse()).map((r) => r.id);
}

describe.each(DIALECTS)('register sort indexes on %s', (dialect) => {
  let t: TestServer;
  let office: Client;
  let county: Client;
  let registerId: number;
  let units: Map<string, number>;

  const ctx = (): ServiceContext => ({ db: t.server.handle.db, dialect, config: t.config, clock: systemClock, actor: SYSTEM_ACTOR, log: silentLogger });

  async function fields(): Promise<Field[]> {
    return (await office.json<{ definition: { fields: Field[] } }>('GET', `/api/registers/${registerId}`)).body.definition.fields;
  }

  async function define(change: (fields: Field[]) => Field[]): Promise<void> {
    const { definition } = (await office.json<{ definition: { fields: Field[] } }>('GET', `/api/registers/${registerId}`)).body;
    const saved = await office.json('PUT', `/api/registers/${registerId}/definition`, { definition: { ...definition, fields: change(structuredClone(definition.fields)) } });
    expect(saved.status).toBe(200);
  }

  async function importRows(rows: Parameters<typeof workbookOf>[0]): Promise<void> {
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const done = await office.json<{ rejected: number }>('POST', `/api/registers/${registerId}/import?mode=atomic`, upload(await workbookOf(rows, header)));
    expect(done.status).toBe(200);
    expect(done.body.rejected).toBe(0);
  }

  /** Every page in turn, concatenated: the order a user paging through sees. */
  async function pagedIds(client: Client, query: string, pageSize: number): Promise<number[]> {
    const first = (await client.json<Rows>('GET', `/api/registers/${registerId}/rows?${query}&pageSize=${pageSize}&page=1`)).body;
    const ids = first.rows.map((r) => r.id);
    for (let page = 2; (page - 1) * pageSize < first.total; page++) {
      const next = await client.json<Rows>('GET', `/api/registers/${registerId}/rows?${query}&pageSize=${pageSize}&page=${page}`);
      expect(next.status).toBe(200);
      ids.push(...next.body.rows.map((r) => r.id));
    }
    return ids;
  }

  async function allRows(client: Client = office, query = ''): Promise<Row[]> {
    return (await client.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=500${query}`)).body.rows;
  }

  /** The plan of the page's id query sorted by the field, as the database would run it. */
  async function plan(field: string, order: 'asc' | 'desc'): Promise<string> {
    const c = ctx();
    const register = await loadRegister(c.db, registerId);
    const query = { sort: field, order };
    const compiled = (await sortedIds(c, register, query)).limit(20).offset(20).compile();
    if (dialect === 'sqlite') {
      const rows = t.server.handle.sqlite!.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[];
      return rows.map((r) => r.detail).join('\n');
    }
    // A register of a few dozen rows is read whole by any planner; with scans and sorts
    // priced out, what is left shows whether an index can give the page's order.
    return c.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_sort = off`.execute(trx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN ${compiled.sql}` });
      return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { LUOSHI_DEMO_REGISTERS: 'false' } });
    office = await loginAs(t, 'office');
    const list = await office.json<{ units: { id: number; shortName: string }[] }>('GET', '/api/units');
    units = new Map(list.body.units.map((u) => [u.shortName, u.id]));
    const admin = await loginAdmin(t);
    const added = await admin.json('POST', '/api/users', { login: 'yyl.sorter', displayName: '岳阳楼区填报员', unitId: units.get('岳阳楼区'), role: 'reporter', password: 'county-pass-2021' });
    expect(added.status).toBe(201);
    county = new Client(t.url);
    expect((await county.login('yyl.sorter', 'county-pass-2021')).status).toBe(200);
    expect((await county.request('POST', '/api/session/password', { currentPassword: 'county-pass-2021', newPassword: 'county-own-pass-2021' })).status).toBe(204);
    registerId = (await makeRegister(office)).id;
  });
  afterAll(async () => t?.close());

  it('gives a new register one sort index per field, adds one for a field defined and drops the one of a field removed', async () => {
    const before = await sortIndexNames(t.server.handle.db, dialect, registerId);
    expect(before).toHaveLength((await fields()).length);
    await define((f) => [...f, { name: '编号', type: 'text' }]);
    const withField = await sortIndexNames(t.server.handle.db, dialect, registerId);
    expect(withField).toHaveLength(before.length + 1);
    await define((f) => f.filter((x) => x.name !== '楼栋数'));
    const without = await sortIndexNames(t.server.handle.db, dialect, registerId);
    expect(without).toHaveLength(before.length);
    expect(without.filter((n) => !withField.includes(n))).toEqual([]);
    await define((f) => [...f, { name: '楼栋数', type: 'integer' }]);
    expect(await sortIndexNames(t.server.handle.db, dialect, registerId)).toHaveLength(before.length + 1);
  });

  it('rebuilds missing sort indexes at start-up, several servers starting at once', async () => {
    const names = await sortIndexNames(t.server.handle.db, dialect, registerId);
    for (const name of names.slice(0, 3)) await sql`DROP INDEX ${sql.id(name)}`.execute(t.server.handle.db);
    expect(await sortIndexNames(t.server.handle.db, dialect, registerId)).toHaveLength(names.length - 3);
    // What each server does as it starts; on PostgreSQL they run at once on separate connections.
    await Promise.all([installBuiltinRegisters(ctx()), installBuiltinRegisters(ctx()), installBuiltinRegisters(ctx())]);
    expect((await sortIndexNames(t.server.handle.db, dialect, registerId)).sort()).toEqual([...names].sort());
  });

  it('sorts pages by a field from its index, ascending and descending, nulls and mixed types as documented, ties by id', async () => {
    // 编号 as text first; then the field becomes a number and later rows hold numbers, so the
    // register holds both (the earlier rows keep their text until someone fixes them).
    const counties: [string, string][] = [['岳阳市', '岳阳楼区'], ['长沙市', '芙蓉区'], ['岳阳市', '岳阳楼区'], ['衡阳市', '雁峰区']];
    const text = ['alpha', '10', '9', null, 'bravo', 'alpha', null, 'charlie'];
    await importRows(
      Array.from({ length: 24 }, (_, i) => {
        const [市州, 县市区] = counties[i % counties.length]!;
        return oldCommunityRow({ 小区名称: `排序小区${i}`, 市州, 县市区, 户数: [120, 80, 120, 300, 80][i % 5]!, 实际开工: i % 3 === 0 ? null : `2021-0${1 + (i % 9)}-15`, 编号: text[i % text.length]! });
      }),
    );
    // 批次 is defined now: the rows already there have no value for it at all (absent, not null).
    await define((f) => [...f.map((x) => (x.name === '编号' ? { ...x, type: 'number' } : x)), { name: '批次', type: 'integer' }]);
    await importRows(
      Array.from({ length: 12 }, (_, i) => {
        const [市州, 县市区] = counties[i % counties.length]!;
        return oldCommunityRow({ 小区名称: `数字小区${i}`, 市州, 县市区, 户数: [80, 120, 45][i % 3]!, 实际开工: null, 编号: [5, 12.5, null, 3, -1, 5][i % 6]!, 批次: [2, null, 1][i % 3]! });
      }),
    );
    const rows = await allRows();
    expect(rows).toHaveLength(36);
    expect(new Set(rows.map((r) => typeof r.values.编号))).toEqual(new Set(['string', 'number', 'object']));
    expect(rows.filter((r) => !('批次' in r.values))).toHaveLength(24);

    for (const field of ['户数', '实际开工', '编号', '批次', '县市区']) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = expectedOrder(rows, field, order, dialect);
        // Page sizes that put ties across page boundaries, and pages past the middle (read
        // from the other end).
        for (const pageSize of [5, 8]) expect(await pagedIds(office, `sort=${encodeURIComponent(field)}&order=${order}`, pageSize), `${field} ${order} by ${pageSize}`).toEqual(expected);
      }
    }
    // The same page asked twice is the same rows.
    const again = async () => (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?sort=${encodeURIComponent('户数')}&pageSize=5&page=4`)).body.rows.map((r) => r.id);
    expect(await again()).toEqual(await again());
  });

  it('orders the page by the field through its own index, with no sort step', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const text = await plan('户数', order);
      const names = await sortIndexNames(t.server.handle.db, dialect, registerId);
      expect(names.some((n) => text.includes(n)), text).toBe(true);
      if (dialect === 'sqlite') expect(text).not.toContain('TEMP B-TREE');
      else expect(text).not.toMatch(/^\s*(->\s*)?(Incremental )?Sort/m);
    }
  });

  it("keeps a region's user to its rows when it pages its region sorted, and lets it edit only those", async () => {
    const own = units.get('岳阳楼区')!;
    const everyone = await allRows(county);
    const mine = await allRows(county, `&region=${own}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(everyone.length);
    expect(mine.every((r) => r.values.县市区 === '岳阳楼区' && r.canEdit)).toBe(true);
    expect(everyone.filter((r) => r.canEdit).map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    for (const order of ['asc', 'desc'] as const) {
      expect(await pagedIds(county, `region=${own}&sort=${encodeURIComponent('户数')}&order=${order}`, 3)).toEqual(expectedOrder(mine, '户数', order, dialect));
    }
  });

  it('counts the rows again after a write, and keeps the count while nothing changes', async () => {
    const total = async (query = '') => (await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=1${query}`)).body.total;
    const before = await total();
    const beforeRegion = await total(`&region=${units.get('长沙市')!}`);
    expect(await total()).toBe(before);
    await importRows([oldCommunityRow({ 小区名称: '计数小区', 市州: '长沙市', 县市区: '芙蓉区' })]);
    expect(await total()).toBe(before + 1);
    expect(await total(`&region=${units.get('长沙市')!}`)).toBe(beforeRegion + 1);
    // the last page, read from the other end, ends with the newest row
    const last = await office.json<Rows>('GET', `/api/registers/${registerId}/rows?pageSize=5&page=${Math.ceil((before + 1) / 5)}`);
    expect(last.body.rows.at(-1)!.values.小区名称).toBe('计数小区');
  });
});
