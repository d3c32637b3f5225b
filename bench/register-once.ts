/**
 * One registers measurement in a process of its own, so its peak memory (maxRSS) is its own:
 * `tsx bench/register-once.ts MODE ROWS` prints JSON. Called by bench/registers.ts.
 *
 * Modes:
 *  - import: a 老旧小区 .xlsx of ROWS rows through importRegisterRows (guard, streaming read,
 *    validation, upsert in batches, history, audit, roll-ups) on a fresh SQLite database;
 *  - bare-insert: the same rows (already validated JSON) inserted with one prepared
 *    better-sqlite3 statement in one transaction;
 *  - rollup: ROWS rows written directly, then computeRegisterRollups (by 市州 and 县市区 and
 *    year) against the bare SQL of the same two aggregations, best of three each;
 *  - page: ROWS rows, then the rows page (20 a page): first pages, deep pages, by region, and
 *    sorted by a field (first and deep pages), p95 of each, each sample alternated with the
 *    bare SQL of the same page (count, then the page's rows in the same order, as one would
 *    write it by hand: `WHERE register_id = ? ORDER BY <field> DESC, id DESC LIMIT 20 OFFSET n`).
 *    On PostgreSQL when BENCH_DATABASE_URL names one (a database is created and dropped there).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { hunanLookupOptions, hunanRegistry } from '../src/catalog/hunan.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../src/domain/policy.js';
import { computeRegisterRollups } from '../src/services/support/compute-register-rollups.js';
import { inTransaction, silentLogger, systemClock } from '../src/services/support/context.js';
import type { ServiceContext } from '../src/services/support/context.js';
import { importRegisterRows } from '../src/services/import-register-rows.js';
import { importRegistry } from '../src/services/import-registry.js';
import { installBuiltinRegisters } from '../src/services/install-builtin-registers.js';
import { listRegisterRows } from '../src/services/list-register-rows.js';
import { loadRegisterByKey, regionResolver } from '../src/services/support/register-store.js';
import { validateRow } from '../src/domain/register-values.js';
import { sql } from 'kysely';
import pg from 'pg';
import { jsonSortKey } from '../src/db/json-fields.js';
import { syncSortIndexes } from '../src/db/register-indexes.js';
import { installKeyring, loadKeyring } from '../src/security/keyring.js';

const mode = process.argv[2] ?? 'import';
const rows = Number(process.argv[3] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-'));
const pgServer = mode === 'page' ? process.env.BENCH_DATABASE_URL : undefined;
const pgName = `luoshi_bench_${process.pid}`;

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgServer });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function databaseUrl(): Promise<string> {
  if (!pgServer) return `sqlite:${path.join(dir, 'db.sqlite')}`;
  await pgAdmin(`CREATE DATABASE ${pgName}`);
  const url = new URL(pgServer);
  url.pathname = `/${pgName}`;
  return url.toString();
}

async function setup() {
  const config = loadConfig({ DATABASE_URL: await databaseUrl(), LOG_LEVEL: 'silent', MAX_UPLOAD_MB: '200', LUOSHI_SECRET: 'bench-secret-0123456789abcdef0123456789' });
  installKeyring(loadKeyring(config));
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const ctx: ServiceContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock, actor: SYSTEM_ACTOR, log: silentLogger };
  await importRegistry(hunanRegistry(), ctx, { variants: hunanLookupOptions().variants ?? [] });
  await installBuiltinRegisters(ctx);
  const register = await loadRegisterByKey(ctx.db, 'old-communities');
  const counties = await ctx.db.selectFrom('units').select(['short_name', 'parent_id']).where('kind', '=', 'county').where('division_code', 'is not', null).execute();
  const prefectures = new Map((await ctx.db.selectFrom('units').select(['id', 'short_name']).where('kind', '=', 'prefecture').execute()).map((p) => [p.id, p.short_name]));
  return { handle, ctx, register, counties: counties.map((c) => ({ county: c.short_name, prefecture: prefectures.get(c.parent_id!)! })) };
}

function row(i: number, counties: { county: string; prefecture: string }[]): Record<string, string | number | null> {
  const c = counties[i % counties.length]!;
  const year = 2019 + (i % 4);
  return {
    项目名称: `${c.county}第${i}号改造项目`,
    市州: c.prefecture,
    县市区: c.county,
    小区名称: `第${i}号小区`,
    建成年代: 1970 + (i % 30),
    户数: 40 + (i % 500),
    楼栋数: 1 + (i % 20),
    '建筑面积(万平方米)': Math.round((i % 300) + 12) / 100,
    '总投资(万元)': 100 + (i % 2000),
    计划开工: `${year}-03-01`,
    实际开工: i % 5 === 0 ? null : `${year}-${String(1 + (i % 12)).padStart(2, '0')}-10`,
    完工日期: null,
    改造内容: '管网改造、加装电梯',
    状态: i % 5 === 0 ? '未开工' : '在建',
  };
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

async function writeXlsx(file: string, counties: { county: string; prefecture: string }[]): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = writer.addWorksheet('台账');
  const header = Object.keys(row(0, counties));
  sheet.addRow(header).commit();
  for (let i = 0; i < rows; i++) {
    const r = row(i, counties);
    sheet.addRow(header.map((h) => r[h] ?? null)).commit();
  }
  sheet.commit();
  await writer.commit();
}

/**
 * Writes rows straight into the table (setup for the roll-up and page measurements). The
 * register's sort indexes are built after the rows, as a definition change on a full register
 * would build them (quicker than keeping them up to date row by row).
 */
async function fill(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const fields = s.register.definition.fields.map((f) => f.name);
  await syncSortIndexes(s.ctx.db, s.ctx.dialect, { id: s.register.id, fields: [] });
  if (s.ctx.dialect === 'postgres') await fillPostgres(s);
  else await fillSqlite(s);
  await inTransaction(s.ctx, (trx) => syncSortIndexes(trx, s.ctx.dialect, { id: s.register.id, fields }));
  // What autovacuum would have done by the time anyone reads a million rows: statistics, and
  // the visibility map that lets index-only scans skip the table.
  if (s.ctx.dialect === 'postgres') await sql`VACUUM ANALYZE register_rows`.execute(s.ctx.db);
}

/** The same rows as row(i), generated in the database. */
async function fillPostgres(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const { resolve } = await regionResolver(s.ctx.db);
  const refs = s.counties.map((c) => validateRow(s.register.definition, row(0, [c]), resolve).row!);
  const at = new Date().toISOString();
  await sql`
    INSERT INTO register_rows (register_id, row_key, data, prefecture_id, county_id, version, created_at, updated_at)
    SELECT ${s.register.id}::int, json_build_array(c.county, '第' || i || '号小区')::text,
      jsonb_build_object(
        '项目名称', c.county || '第' || i || '号改造项目', '市州', c.prefecture, '县市区', c.county, '小区名称', '第' || i || '号小区',
        '建成年代', 1970 + i % 30, '户数', 40 + i % 500, '楼栋数', 1 + i % 20, '建筑面积(万平方米)', round(((i % 300) + 12)::numeric / 100, 2),
        '总投资(万元)', 100 + i % 2000, '计划开工', (2019 + i % 4) || '-03-01',
        '实际开工', CASE WHEN i % 5 = 0 THEN NULL ELSE (2019 + i % 4) || '-' || lpad((1 + i % 12)::text, 2, '0') || '-10' END,
        '完工日期', NULL, '改造内容', '管网改造、加装电梯', '状态', CASE WHEN i % 5 = 0 THEN '未开工' ELSE '在建' END),
      c.prefecture_id, c.county_id, 1, ${at}, ${at}
    FROM generate_series(0, ${rows - 1}::int) AS i
    JOIN unnest(${s.counties.map((c) => c.county)}::text[], ${s.counties.map((c) => c.prefecture)}::text[], ${refs.map((r) => r.prefectureId)}::int[], ${refs.map((r) => r.countyId)}::int[])
      WITH ORDINALITY AS c(county, prefecture, prefecture_id, county_id, k) ON c.k = i % ${s.counties.length}::int + 1`.execute(s.ctx.db);
}

async function fillSqlite(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const { resolve } = await regionResolver(s.ctx.db);
  const sqlite = s.handle.sqlite!;
  const insert = sqlite.prepare('INSERT INTO register_rows (register_id, row_key, data, prefecture_id, county_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)');
  const at = new Date().toISOString();
  const template = new Map<string, ReturnType<typeof validateRow>['row']>();
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const values = row(i, s.counties);
      const key = `${values.县市区}`;
      let v = template.get(key);
      if (!v) {
        v = validateRow(s.register.definition, values, resolve).row!;
        template.set(key, v);
      }
      insert.run(s.register.id, JSON.stringify([values.县市区, values.小区名称]), JSON.stringify(values), v.prefectureId, v.countyId, at, at);
    }
  })();
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

async function main(): Promise<Record<string, unknown>> {
  const s = await setup();
  try {
    if (mode === 'import' || mode === 'bare-insert') {
      const file = path.join(dir, 'rows.xlsx');
      await writeXlsx(file, s.counties);
      const bytes = fs.readFileSync(file);
      peak = process.memoryUsage().rss;
      const base = peak;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      // CPU seconds of the process (every thread), besides wall time: on a loaded machine the
      // ratio of CPU times moves less than the ratio of rates.
      const cpuSeconds = () => {
        const used = process.cpuUsage(cpu0);
        return (used.user + used.system) / 1e6;
      };
      if (mode === 'import') {
        const { result } = await importRegisterRows({ registerId: s.register.id, bytes, mode: 'atomic', lang: 'zh' }, s.ctx);
        if (result.added !== rows) throw new Error(`imported ${result.added} of ${rows}: ${JSON.stringify(result.errors.slice(0, 3))}`);
      } else {
        // The same rows, parsed and validated beforehand, so only the insert is timed.
        const { resolve } = await regionResolver(s.ctx.db);
        const prepared = Array.from({ length: rows }, (_, i) => validateRow(s.register.definition, row(i, s.counties), resolve).row!);
        peak = process.memoryUsage().rss;
        const t1 = performance.now();
        const cpu1 = process.cpuUsage();
        const sqlite = s.handle.sqlite!;
        const insert = sqlite.prepare('INSERT INTO register_rows (register_id, row_key, data, prefecture_id, county_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)');
        const at = new Date().toISOString();
        sqlite.transaction(() => {
          for (const r of prepared) insert.run(s.register.id, r.key, JSON.stringify(r.values), r.prefectureId, r.countyId, at, at);
        })();
        const seconds = (performance.now() - t1) / 1000;
        const used = process.cpuUsage(cpu1);
        return { mode, rows, seconds, cpuSeconds: (used.user + used.system) / 1e6, rowsPerSecond: rows / seconds, peakRssMB: peak / 1048576, rssGrowthMB: (peak - base) / 1048576, fileMB: bytes.length / 1048576 };
      }
      const seconds = (performance.now() - t0) / 1000;
      return { mode, rows, seconds, cpuSeconds: cpuSeconds(), rowsPerSecond: rows / seconds, peakRssMB: peak / 1048576, rssGrowthMB: (peak - base) / 1048576, fileMB: bytes.length / 1048576 };
    }
    await fill(s);
    if (mode === 'rollup') {
      const ours: number[] = [];
      const bare: number[] = [];
      const sqlite = s.handle.sqlite!;
      const bareSql = (by: string) =>
        sqlite
          .prepare(`SELECT ${by}, substr(CAST(json_extract(data, '$."实际开工"') AS TEXT), 1, 4) AS period, count(*) FROM register_rows WHERE register_id = ? AND ${by} IS NOT NULL AND json_extract(data, '$."实际开工"') IS NOT NULL GROUP BY 1, 2`)
          .all(s.register.id);
      for (let k = 0; k < 3; k++) {
        let t = performance.now();
        bareSql('prefecture_id');
        bareSql('county_id');
        bare.push(performance.now() - t);
        t = performance.now();
        const started = { id: s.register.id, definition: { ...s.register.definition, rollups: s.register.definition.rollups.slice(0, 1) } };
        await inTransaction(s.ctx, (trx) => computeRegisterRollups(trx, 'sqlite', started, new Date().toISOString()));
        ours.push(performance.now() - t);
      }
      const best = (a: number[]) => Math.min(...a);
      return { mode, rows, oursMs: best(ours), bareMs: best(bare), ratio: best(ours) / best(bare) };
    }
    // page: each sample of ours is followed by the bare SQL of the same page.
    const regions = await s.ctx.db.selectFrom('units').select('id').where('kind', '=', 'prefecture').execute();
    type Query = Parameters<typeof listRegisterRows>[1];
    const bare = async (q: Query) => {
      const size = q.pageSize ?? 20;
      const region = q.region === undefined ? sql`` : sql` AND prefecture_id = ${q.region}`;
      const order = q.sort ? sql`${jsonSortKey(s.ctx.dialect, 'data', q.sort)} DESC, id DESC` : sql`id`;
      await sql`SELECT count(*) FROM register_rows WHERE register_id = ${s.register.id}${region}`.execute(s.ctx.db);
      await sql`SELECT id, data, version, prefecture_id, county_id FROM register_rows WHERE register_id = ${s.register.id}${region} ORDER BY ${order} LIMIT ${size} OFFSET ${((q.page ?? 1) - 1) * size}`.execute(s.ctx.db);
    };
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const measure = async (n: number, query: (i: number) => Query) => {
      const ours: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < n; i++) {
        let t = performance.now();
        await listRegisterRows(s.register.id, query(i), s.ctx);
        ours.push(performance.now() - t);
        t = performance.now();
        await bare(query(i));
        base.push(performance.now() - t);
      }
      return { p95Ms: p95(ours), medianMs: median(ours), bareP95Ms: p95(base), bareMedianMs: median(base) };
    };
    const sorted = { sort: '户数', order: 'desc' } as const;
    const deep = (i: number, n: number) => 1 + Math.floor((rows / 20) * ((i + 0.5) / n));
    return {
      mode,
      rows,
      dialect: s.ctx.dialect,
      firstPages: await measure(20, (i) => ({ page: 1 + (i % 10), pageSize: 20 })),
      byRegion: await measure(20, (i) => ({ page: 1 + (i % 5), pageSize: 20, region: regions[i % regions.length]!.id })),
      deepPages: await measure(10, (i) => ({ page: deep(i, 10), pageSize: 20 })),
      sortedFirst: await measure(5, (i) => ({ page: 1 + i, pageSize: 20, ...sorted })),
      sortedDeep: await measure(5, (i) => ({ page: deep(i, 5), pageSize: 20, ...sorted })),
      // a 市州's rows sorted: its region index finds them, then they are sorted (ADR 0004)
      sortedByRegion: await measure(5, (i) => ({ page: 1 + i, pageSize: 20, region: regions[i % regions.length]!.id, ...sorted })),
    };
  } finally {
    await s.handle.close();
  }
}

const result = await main().finally(async () => {
  if (pgServer) await pgAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
});
clearInterval(sampler);
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
