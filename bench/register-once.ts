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
 *  - page: ROWS rows, then the rows page (20 a page) at random pages, by region, and sorted by
 *    a field, p95 of each.
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
import { installKeyring, loadKeyring } from '../src/security/keyring.js';

const mode = process.argv[2] ?? 'import';
const rows = Number(process.argv[3] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-'));

async function setup() {
  const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, LOG_LEVEL: 'silent', MAX_UPLOAD_MB: '200', LUOSHI_SECRET: 'bench-secret-0123456789abcdef0123456789' });
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

/** Writes rows straight into the table (setup for the roll-up and page measurements). */
async function fill(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
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
    // page
    const regions = await s.ctx.db.selectFrom('units').select('id').where('kind', '=', 'prefecture').execute();
    const measure = async (n: number, query: (i: number) => Parameters<typeof listRegisterRows>[1]) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await listRegisterRows(s.register.id, query(i), s.ctx);
        samples.push(performance.now() - t);
      }
      return { p95Ms: p95(samples), medianMs: [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] };
    };
    return {
      mode,
      rows,
      firstPages: await measure(40, (i) => ({ page: 1 + (i % 10), pageSize: 20 })),
      byRegion: await measure(40, (i) => ({ page: 1 + (i % 5), pageSize: 20, region: regions[i % regions.length]!.id })),
      deepPages: await measure(20, (i) => ({ page: 1 + Math.floor((rows / 20) * (i / 20)), pageSize: 20 })),
      sortedByField: await measure(5, (i) => ({ page: 1 + i, pageSize: 20, sort: '户数', order: 'desc' })),
    };
  } finally {
    await s.handle.close();
  }
}

const result = await main();
clearInterval(sampler);
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
