/**
 * The 意见汇总表 export for 10,000 opinions from 50 units: summaryToXlsx (streaming, styled,
 * inline strings) against a bare exceljs loop writing the same rows (new Workbook(), addRow,
 * writeBuffer) in the same run. Each variant runs in a child process of its own so that its
 * peak memory (maxRSS) is its own. summaryToDocx on the same rows is measured too, without a
 * baseline, for scale.
 *
 * `npx tsx bench/summary-export.ts`, or runSummaryExportBench() from bench/run.ts.
 * Environment: SUMMARY_ROWS (default 10000), SUMMARY_UNITS (default 50).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { dispositionLabel } from '../src/office/consultation-text.js';
import { SAMPLE_META, sampleRows } from '../src/office/consultation-sample.js';
import type { SummaryRow } from '../src/office/consultation-report-types.js';
import { summaryToDocx } from '../src/office/consultation-summary-docx.js';
import { summaryToXlsx } from '../src/office/consultation-summary-xlsx.js';

const VARIANTS = ['luoshi-xlsx', 'bare-exceljs', 'luoshi-docx'] as const;
type Variant = (typeof VARIANTS)[number];

interface Measurement {
  variant: Variant;
  rows: number;
  /** Best of the timed runs. */
  ms: number;
  bytes: number;
  /** Peak resident memory of the whole process. */
  maxRssMB: number;
  /** Resident memory once the rows were in memory, before the first write. */
  baseRssMB: number;
}

const ROWS = Number(process.env.SUMMARY_ROWS ?? 10_000);
const UNITS = Number(process.env.SUMMARY_UNITS ?? 50);
const RUNS = 3;

async function bareExceljs(rows: readonly SummaryRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('意见汇总表');
  sheet.addRow(['序号', '单位', '条款', '原文', '意见', '建议修改', '处理情况', '理由']);
  for (const r of rows) {
    sheet.addRow([r.seq, r.unit, r.clause, r.quote ?? '', r.opinion, r.suggestion ?? '', dispositionLabel(r.disposition), r.reason ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const WRITERS: Record<Variant, (rows: readonly SummaryRow[]) => Promise<Buffer>> = {
  'luoshi-xlsx': (rows) => summaryToXlsx(SAMPLE_META, rows),
  'bare-exceljs': bareExceljs,
  'luoshi-docx': (rows) => summaryToDocx(SAMPLE_META, rows),
};

/** One variant, in this process: prints a Measurement as JSON. */
async function child(variant: Variant): Promise<void> {
  const write = WRITERS[variant];
  await write([...sampleRows(50, 5)]); // load and warm the code paths on a small table
  const rows = [...sampleRows(ROWS, UNITS)];
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  let ms = Infinity;
  let bytes = 0;
  // The docx writer is slow enough that one run says all there is to say.
  for (let i = 0; i < (variant === 'luoshi-docx' ? 1 : RUNS); i++) {
    const start = process.hrtime.bigint();
    bytes = (await write(rows)).length;
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  const result: Measurement = { variant, rows: ROWS, ms, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB };
  process.stdout.write(JSON.stringify(result));
}

function measure(variant: Variant): Measurement {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', variant], {
    encoding: 'utf8',
    env: { ...process.env, SUMMARY_ROWS: String(ROWS), SUMMARY_UNITS: String(UNITS) },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as Measurement;
}

export async function runSummaryExportBench(): Promise<void> {
  console.log(`\n## Summary export (${ROWS.toLocaleString('en')} opinions from ${UNITS} units; each variant in its own process)`);
  const results = new Map<Variant, Measurement>();
  for (const variant of VARIANTS) results.set(variant, measure(variant));
  const line = (label: string, m: Measurement) =>
    console.log(
      `${label.padEnd(28)} ${Math.round(m.ms).toLocaleString('en').padStart(6)} ms  ` +
        `${Math.round((m.rows * 1000) / m.ms).toLocaleString('en').padStart(7)} rows/s  ` +
        `peak RSS ${Math.round(m.maxRssMB).toString().padStart(4)} MB (+${Math.round(m.maxRssMB - m.baseRssMB)} MB over the rows in memory)  ` +
        `${(m.bytes / 2 ** 20).toFixed(2)} MB file`,
    );
  const ours = results.get('luoshi-xlsx');
  const bare = results.get('bare-exceljs');
  const docx = results.get('luoshi-docx');
  if (!ours || !bare || !docx) throw new Error('a variant did not report');
  line('summaryToXlsx (streaming)', ours);
  line('bare exceljs loop', bare);
  console.log(`ratio time summaryToXlsx/bare:       ${(ours.ms / bare.ms).toFixed(3)}`);
  console.log(`ratio peak RSS summaryToXlsx/bare:   ${(ours.maxRssMB / bare.maxRssMB).toFixed(3)}`);
  console.log(`ratio RSS growth summaryToXlsx/bare: ${((ours.maxRssMB - ours.baseRssMB) / (bare.maxRssMB - bare.baseRssMB)).toFixed(3)}`);
  line('summaryToDocx (no baseline)', docx);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [flag, variant] = process.argv.slice(2);
  if (flag === '--child') {
    if (!VARIANTS.includes(variant as Variant)) throw new Error(`unknown variant ${variant}`);
    await child(variant as Variant);
  } else {
    await runSummaryExportBench();
  }
}
