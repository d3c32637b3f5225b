/**
 * Registers: import rate and memory against a bare better-sqlite3 insert of the same rows,
 * the roll-up against the bare SQL of the same aggregations, and the rows page's p95 at scale.
 * Each measurement runs in a process of its own (bench/register-once.ts). Scale with
 * BENCH_REGISTER_IMPORT_ROWS (default 100,000) and BENCH_REGISTER_ROWS (default 1,000,000);
 * BENCH_DATABASE_URL=postgres://… measures the rows page on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';

const IMPORT_ROWS = Number(process.env.BENCH_REGISTER_IMPORT_ROWS ?? 100_000);
const ROWS = Number(process.env.BENCH_REGISTER_ROWS ?? 1_000_000);

function once(mode: string, rows: number): Record<string, number & Record<string, number>> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/register-once.ts', mode, String(rows)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Record<string, number & Record<string, number>>;
}

export function runRegisterBench(): void {
  console.log(`\n## Register import: ${IMPORT_ROWS.toLocaleString('en')} rows (SQLite)`);
  const ours = once('import', IMPORT_ROWS);
  const bare = once('bare-insert', IMPORT_ROWS);
  console.log(`luoshi import (xlsx → validated rows, history, audit, roll-ups): ${Math.round(ours.rowsPerSecond!).toLocaleString('en')} rows/s, peak RSS ${Math.round(ours.maxRssMB!)} MB`);
  console.log(`bare better-sqlite3 insert of the same rows:                  ${Math.round(bare.rowsPerSecond!).toLocaleString('en')} rows/s, peak RSS ${Math.round(bare.maxRssMB!)} MB`);
  console.log(`ratio import/bare: ${(ours.rowsPerSecond! / bare.rowsPerSecond!).toFixed(3)} (aim ≥ 0.25); by CPU time ${(bare.cpuSeconds! / ours.cpuSeconds!).toFixed(3)}`);
  const small = once('import', Math.max(1000, Math.round(IMPORT_ROWS / 10)));
  console.log(`memory: peak RSS ${Math.round(small.maxRssMB!)} MB at ${Math.round(IMPORT_ROWS / 10).toLocaleString('en')} rows, ${Math.round(ours.maxRssMB!)} MB at ${IMPORT_ROWS.toLocaleString('en')}`);
  console.log(`memory growth while importing: ${Math.round(small.rssGrowthMB!)} MB at ${Math.round(IMPORT_ROWS / 10).toLocaleString('en')} rows, ${Math.round(ours.rssGrowthMB!)} MB at ${IMPORT_ROWS.toLocaleString('en')}`);

  console.log(`\n## Register roll-up: ${ROWS.toLocaleString('en')} rows by 市州/县市区 and year (SQLite, best of 3)`);
  const rollup = once('rollup', ROWS);
  console.log(`computeRegisterRollups: ${Math.round(rollup.oursMs!)} ms; bare SQL (same two GROUP BYs): ${Math.round(rollup.bareMs!)} ms; ratio ${rollup.ratio!.toFixed(2)} (aim ≤ 1.5)`);

  console.log(`\n## Rows page at ${ROWS.toLocaleString('en')} rows (20 a page, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; bare: the same page's count and rows in plain SQL, same run)`);
  const page = once('page', ROWS) as unknown as Record<string, { p95Ms: number; medianMs: number; bareP95Ms: number; bareMedianMs: number }>;
  for (const k of ['firstPages', 'byRegion', 'deepPages', 'sortedFirst', 'sortedDeep', 'sortedByRegion']) {
    const m = page[k]!;
    console.log(`${k}: p95 ${Math.round(m.p95Ms)} ms (median ${Math.round(m.medianMs)} ms); bare p95 ${Math.round(m.bareP95Ms)} ms (median ${Math.round(m.bareMedianMs)} ms); ratio ${(m.p95Ms / m.bareP95Ms).toFixed(2)}`);
  }
}
