import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { runParse } from './parse-command.js';
import type { ParsedPlan } from '../model/plan.js';

const resolver = hunanResolver();
const dir = mkdtempSync(join(tmpdir(), 'luoshi-parse-'));
const TEXT = '湖南省2021年某项工作要点\n\n一、任务\n\n(一)推进某事。完成1500个。(省公安厅、省卫建委负责)\n';

async function run(file: string, json: boolean): Promise<string> {
  let out = '';
  await runParse(file, { json, resolver }, { stdout: (s) => { out += s; } });
  return out;
}

describe('runParse', () => {
  it('prints exactly one JSON object in the contract shape', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, iconv.encode(TEXT, 'gb18030'));
    const plan = JSON.parse(await run(file, true)) as ParsedPlan;
    expect(Object.keys(plan)).toEqual(['title', 'letter', 'sections', 'items', 'warnings']);
    expect(plan.items[0]?.responsible.map((r) => r.unit)).toEqual(['省公安厅', '省卫健委']);
    expect(plan.items[0]?.targets[0]?.value).toBe(1500);
  });

  it('prints a readable tree', async () => {
    const file = join(dir, 'plan2.txt');
    writeFileSync(file, TEXT);
    const tree = await run(file, false);
    expect(tree).toContain('《湖南省2021年某项工作要点》');
    expect(tree).toContain('牵头 省公安厅');
    expect(tree).toContain('省卫健委←省卫建委');
    expect(tree).toContain('unit_corrected');
  });

  it('fails with AppError on a missing file and on an image', async () => {
    await expect(run(join(dir, 'nope.txt'), true)).rejects.toMatchObject({ code: 'file_not_found' });
    await expect(run(join(dir, 'nope.txt'), true)).rejects.toBeInstanceOf(AppError);
    const png = join(dir, 'x.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await expect(run(png, true)).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});
