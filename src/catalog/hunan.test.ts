import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { divisionUnits } from './divisions.js';
import { hunanLookupOptions, hunanRegistry } from './hunan.js';
import { Registry } from './registry.js';

const file = hunanRegistry();
const units = file.units;
const ofKind = (kind: string) => units.filter((u) => u.kind === kind);
const byCode = new Map(units.map((u) => [u.code, u]));
const SEED = new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url);

/** The short names the seed work plan uses in its responsibility parentheses. */
const SEED_DEPARTMENTS = [
  '省公安厅', '省民政厅', '省教育厅', '省人社厅', '省卫健委', '省住房城乡建设厅', '省发改委', '省财政厅',
  '省自然资源厅', '省农业农村厅', '省统计局', '省通信管理局', '省工信厅', '省生态环境厅', '省交通运输厅',
  '省科技厅', '省应急厅', '省水利厅', '省商务厅', '省文旅厅', '省文物局', '省市场监管局',
];

describe('hunanRegistry', () => {
  it('holds the office, 22 departments, the province, 14 prefectures and 122 county-level units', () => {
    expect(ofKind('office').map((u) => u.name)).toEqual(['湖南省推进新型城镇化工作领导小组办公室']);
    expect(ofKind('department')).toHaveLength(22);
    expect(ofKind('province').map((u) => u.code)).toEqual(['430000']);
    expect(ofKind('prefecture')).toHaveLength(14);
    expect(ofKind('county')).toHaveLength(122);
    expect(units).toHaveLength(1 + 22 + 1 + 14 + 122);
  });

  it('has exactly the departments the seed names, all members of the leading group', () => {
    expect(ofKind('department').map((u) => u.shortName).sort()).toEqual([...SEED_DEPARTMENTS].sort());
    expect(ofKind('department').every((u) => u.member === true)).toBe(true);
    expect(units.filter((u) => u.member).length).toBe(22);
  });

  it('resolves every department name in the seed document', () => {
    const seed = readFileSync(SEED, 'utf8');
    const registry = new Registry(units, hunanLookupOptions());
    const names = [...seed.matchAll(/[((]([^()()]*?)等部门/gu)].flatMap((m) => (m[1] ?? '').split('、'));
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(registry.lookup(name)?.unit.kind, name).toBe('department');
  });

  it('records that the office sits in the housing department', () => {
    expect(ofKind('office')[0]?.parentCode).toBe('hn-zjt');
  });

  it('gives 湘西土家族苗族自治州 its GB/T 2260 code', () => {
    expect(units.find((u) => u.shortName === '湘西土家族苗族自治州')?.code).toBe('433100');
  });

  it('uses unique ASCII codes and 6-digit division codes for governments', () => {
    expect(byCode.size).toBe(units.length);
    for (const u of units) expect(u.code).toMatch(/^[a-z0-9-]+$/);
    for (const u of [...ofKind('province'), ...ofKind('prefecture'), ...ofKind('county')]) {
      expect(u.divisionCode).toBe(u.code);
      expect(u.code).toMatch(/^43\d{4}$/);
    }
    for (const u of [...ofKind('office'), ...ofKind('department')]) expect(u.code).toMatch(/^hn-[a-z]+$/);
  });

  it('puts every county under a prefecture and every prefecture under the province', () => {
    for (const u of ofKind('county')) expect(byCode.get(u.parentCode ?? '')?.kind, u.name).toBe('prefecture');
    for (const u of ofKind('prefecture')) expect(u.parentCode).toBe('430000');
  });

  it('leaves out the statistics bureau’s functional zones', () => {
    expect(units.some((u) => /^\d{4}7\d$/.test(u.code))).toBe(false);
    expect(units.some((u) => u.name.includes('示范区') || u.name.includes('管理区'))).toBe(false);
  });

  it('keeps short names unique among departments and prefectures', () => {
    const names = [...ofKind('department'), ...ofKind('prefecture')].map((u) => u.shortName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is deterministic', () => {
    expect(hunanRegistry()).toEqual(file);
  });
});

describe('divisionUnits', () => {
  it('builds any province: Guangdong has 21 prefectures', () => {
    const guangdong = divisionUnits('44');
    expect(guangdong[0]).toMatchObject({ code: '440000', name: '广东省人民政府', shortName: '广东省', kind: 'province' });
    expect(guangdong.filter((u) => u.kind === 'prefecture')).toHaveLength(21);
    // 东莞 and 中山 have no county-level divisions; the package repeats the city instead.
    expect(guangdong.filter((u) => u.code === '441900')).toHaveLength(1);
  });

  it('hangs a municipality’s districts directly under it', () => {
    const beijing = divisionUnits('110000');
    expect(beijing[0]?.name).toBe('北京市人民政府');
    expect(beijing.filter((u) => u.kind === 'prefecture')).toHaveLength(0);
    expect(beijing.find((u) => u.shortName === '海淀区')?.parentCode).toBe('110000');
  });

  it('rejects an unknown province code', () => {
    expect(() => divisionUnits('99')).toThrow(/Unknown province code/);
    expect(() => divisionUnits('4301')).toThrow(/Unknown province code/);
  });
});
