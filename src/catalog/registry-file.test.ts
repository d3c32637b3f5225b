import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import type { RegistryFile, UnitRecord } from '../domain/unit.js';
import { hunanRegistry } from './hunan.js';
import { parseRegistryJson, registryToJson, validateRegistry } from './registry-file.js';

const unit = (code: string, extra: Partial<UnitRecord> = {}): UnitRecord => ({
  code,
  name: `${code} 全称`,
  shortName: `${code}简称`,
  aliases: [],
  kind: 'department',
  parentCode: null,
  divisionCode: null,
  ...extra,
});
const file = (units: unknown[]) => ({ format: 'luoshi-registry', version: 1, units });

/** The issues of the validation_failed error that `run` throws. */
function issuesOf(run: () => unknown): { index: number | null; field: string | null; message: { zh: string; en: string } }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation_failed');
    expect(appError.messages.zh).toMatch(/^单位名录/);
    return appError.details?.issues as ReturnType<typeof issuesOf>;
  }
  throw new Error('expected a validation error');
}

describe('parseRegistryJson', () => {
  it('reads back what registryToJson wrote', () => {
    const registry = hunanRegistry();
    expect(parseRegistryJson(registryToJson(registry))).toEqual(registry);
  });

  it('fills in defaults and trims names', () => {
    const parsed = parseRegistryJson(JSON.stringify(file([{ code: 'a', name: ' 甲局 ', shortName: '甲', kind: 'other' }])));
    expect(parsed.units[0]).toEqual({ code: 'a', name: '甲局', shortName: '甲', aliases: [], kind: 'other', parentCode: null, divisionCode: null });
  });

  it('rejects text that is not JSON', () => {
    expect(issuesOf(() => parseRegistryJson('{nope'))).toHaveLength(1);
  });

  it('rejects a file of another format or version', () => {
    expect(issuesOf(() => parseRegistryJson(JSON.stringify({ format: 'other', version: 1, units: [] })))[0]?.field).toBe('format');
    expect(issuesOf(() => parseRegistryJson(JSON.stringify({ format: 'luoshi-registry', version: 2, units: [] })))[0]?.field).toBe('version');
  });

  it('names the unit and field of each problem', () => {
    const issues = issuesOf(() =>
      validateRegistry(file([unit('a'), unit('b', { kind: 'ministry' as never }), unit('c', { name: '' }), { ...unit('d'), colour: 'red' }])),
    );
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [1, 'kind'],
      [2, 'name'],
      [3, null],
    ]);
    expect(issues[0]?.message.zh).toContain('department');
  });

  it('rejects duplicate codes', () => {
    const issues = issuesOf(() => validateRegistry(file([unit('a'), unit('b'), unit('a')])));
    expect(issues).toEqual([{ index: 2, field: 'code', message: expect.objectContaining({ en: expect.stringContaining('duplicate') }) }]);
  });

  it('rejects codes that are not ASCII', () => {
    for (const code of ['公安厅', 'hn gat', '-x', 'é']) {
      expect(issuesOf(() => validateRegistry(file([unit(code)])))[0]?.field, code).toBe('code');
    }
  });

  it('rejects unknown parents and cycles', () => {
    expect(issuesOf(() => validateRegistry(file([unit('a', { parentCode: 'zzz' })])))[0]?.field).toBe('parentCode');
    const cycle = issuesOf(() => validateRegistry(file([unit('a', { parentCode: 'b' }), unit('b', { parentCode: 'a' })])));
    expect(cycle.map((i) => i.index)).toEqual([0, 1]);
    expect(issuesOf(() => validateRegistry(file([unit('a', { parentCode: 'a' })])))[0]?.message.en).toMatch(/cycle/);
  });

  it('rejects bad division codes and names that would not survive the xlsx alias column', () => {
    expect(issuesOf(() => validateRegistry(file([unit('a', { divisionCode: '4301' })])))[0]?.field).toBe('divisionCode');
    expect(issuesOf(() => validateRegistry(file([unit('a', { aliases: ['甲、乙'] })])))[0]?.field).toBe('aliases');
  });

  it('accepts variants beside aliases', () => {
    const registry: RegistryFile = { format: 'luoshi-registry', version: 1, units: [unit('a', { variants: ['甲居'] })] };
    expect(validateRegistry(registry).units[0]?.variants).toEqual(['甲居']);
  });
});
