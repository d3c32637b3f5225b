import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_META, sampleRows } from '../../src/office/consultation-sample.js';
import { summaryToDocx } from '../../src/office/consultation-summary-docx.js';
import { summaryToXlsx } from '../../src/office/consultation-summary-xlsx.js';

/**
 * The 意见汇总表 as a clerk prints it (issue 12): converted to PDF by LibreOffice headless, the
 * way WPS or Excel would print it. A4 landscape, every column on the page, long cells wrapped
 * rather than clipped. Skipped where LibreOffice or poppler-utils are not installed.
 */
const tools = ['soffice', 'pdfinfo', 'pdftotext'].every((tool) => spawnSync('which', [tool]).status === 0);

function toPdf(file: string): { pages: number; size: string; text: string } {
  const dir = path.dirname(file);
  const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
  expect(converted.status, String(converted.stderr)).toBe(0);
  const pdf = file.replace(/\.\w+$/, '.pdf');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const text = spawnSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+([^\n]+)/.exec(info)?.[1] ?? '', text };
}

describe.skipIf(!tools)('the 意见汇总表 printed', () => {
  const rows = [...sampleRows(12, 5)];

  it('prints the xlsx on A4 landscape with all nine columns on the page and long cells wrapped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-print-'));
    const file = path.join(dir, 'summary.xlsx');
    fs.writeFileSync(file, await summaryToXlsx(SAMPLE_META, rows));
    const pdf = toPdf(file);
    expect(pdf.size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)/);
    for (const header of ['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由']) expect(pdf.text).toContain(header);
    // The last words of a long opinion are on the page: wrapped, not cut off at the cell's edge.
    // (Columns print side by side, so the text comes out line by line across them.)
    expect(pdf.text).toContain('(意见1)');
    expect(pdf.text).toContain('(意见10)');
    expect(pdf.text).toContain('障责任。');
    expect(pdf.pages).toBeLessThanOrEqual(3);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('prints the docx with the unit’s own reason beside the office’s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-print-'));
    const file = path.join(dir, 'summary.docx');
    fs.writeFileSync(file, await summaryToDocx(SAMPLE_META, rows));
    const pdf = toPdf(file);
    expect(pdf.size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(pdf.text).toContain('处理理由');
    expect(pdf.text).toContain('随迁子女入');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
