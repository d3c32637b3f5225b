import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/parse-plan.js';
import { placeOfTitle } from './divisions.js';
import { localLookupOptions, localRegistry } from './local-departments.js';
import { Registry } from './registry.js';
import { hunanResolver, localResolver } from './registry-resolver.js';

describe('local (市州 and 县市区) registries', () => {
  it('give a city its standard departments under its government, with codes from its division code', () => {
    const file = localRegistry('510100');
    const fgw = file.units.find((u) => u.code === '510100-fgw');
    expect(fgw).toMatchObject({ name: '成都市发展和改革委员会', shortName: '市发展改革委', kind: 'department', parentCode: '510100' });
    expect(fgw?.aliases).toContain('市发改委');
    expect(file.units.find((u) => u.code === '510104')?.shortName).toBe('锦江区');
    // County-only names stay out of a city's registry.
    expect(file.units.some((u) => u.code === '510100-fgj')).toBe(false);
  });

  it('resolve a city list whose names leave out 市 after the first, legacy names flagged as variants', () => {
    const resolver = localResolver('510100');
    expect(resolver.resolve('市发改委')).toEqual({ canonical: '市发展改革委' });
    expect(resolver.resolve('成都市发展和改革委员会')).toEqual({ canonical: '市发展改革委' });
    expect(resolver.resolve('财政局')).toEqual({ canonical: '市财政局' });
    expect(resolver.resolve('市场监管局')).toEqual({ canonical: '市市场监管局' });
    expect(resolver.resolve('国土房管局')).toMatchObject({ canonical: '市自然资源和规划局', variant: true, correctedFrom: '国土房管局' });
    expect(resolver.resolve('规划局')).toMatchObject({ canonical: '市自然资源和规划局', variant: true });
    expect(resolver.place('成都市')).toBe('成都市');
  });

  it('give a county the county forms (县发展改革局), folded on its own name', () => {
    const resolver = localResolver('430223');
    expect(resolver.resolve('县发改局')).toEqual({ canonical: '县发展改革局' });
    expect(resolver.resolve('攸县财政局')).toEqual({ canonical: '县财政局' });
    // A county's commission is a 局: 县发改委 is corrected, and says so.
    expect(resolver.resolve('县发改委')).toMatchObject({ canonical: '县发展改革局', correctedFrom: '县发改委' });
  });

  it('are fresh objects per call: nothing is shared between two registries', () => {
    const a = localRegistry('510100');
    const b = localRegistry('510100');
    expect(a).not.toBe(b);
    expect(a.units[0]).not.toBe(b.units[0]);
    expect(() => new Registry(a.units, localLookupOptions(a, '510100'))).not.toThrow();
  });

  it('refuse a code that is no 市州 or 县市区', () => {
    expect(() => localRegistry('510000')).toThrow(expect.objectContaining({ code: 'division_unknown' }));
    expect(() => localRegistry('999999')).toThrow(expect.objectContaining({ code: 'division_unknown' }));
  });

  it('resolve 市发改委、国土房管局、规劃局 in a city plan when injected, and not with the province registry', () => {
    const text = '成都市2019年城市更新工作分工方案\n一、规划\n(一)编制专项规划。完成规划编制。(市发改委牵头,国土房管局、规劃局配合)\n(二)建立项目库。储备项目100个。(市财政局负责)\n';
    const city = parsePlan(text, { resolver: localResolver('510100') });
    expect(city.items[0]?.responsible.map((r) => [r.raw, r.unit, r.role])).toEqual([
      ['市发改委', '市发展改革委', 'lead'],
      ['国土房管局', '市自然资源和规划局', 'cooperate'],
      ['规劃局', '市自然资源和规划局', 'cooperate'],
    ]);
    expect(city.warnings.filter((w) => w.code === 'unit_corrected').map((w) => w.params.raw)).toEqual(['国土房管局', '规劃局']);
    const province = parsePlan(text, { resolver: hunanResolver() });
    expect(province.items[0]?.responsible.map((r) => r.unit)).toEqual([null, null, null]);
  });
});

describe('placeOfTitle', () => {
  it('finds the 市州 or 县市区 a title opens with, in the province asked for', () => {
    expect(placeOfTitle('长沙市2024年重点工作任务分工方案', '430000')).toBe('430100');
    expect(placeOfTitle('湖南省长沙市岳麓区2024年工作要点', '430000')).toBe('430104');
    expect(placeOfTitle('2023年浏阳市政府工作报告重点工作分工', '430000')).toBe('430181');
    expect(placeOfTitle('攸县2022年重点工作', '430000')).toBe('430223');
    expect(placeOfTitle('湘西土家族苗族自治州2022年工作要点', '430000')).toBe('433100');
    expect(placeOfTitle('北京市朝阳区2024年政务公开工作要点', '110000')).toBe('110105');
  });

  it('gives null for the province itself, another province’s place and a title naming none', () => {
    expect(placeOfTitle('湖南省2024年重点工作任务分工方案', '430000')).toBeNull();
    expect(placeOfTitle('成都市2024年重点工作', '430000')).toBeNull();
    expect(placeOfTitle('“十四五”规划纲要主要目标分工', '430000')).toBeNull();
    expect(placeOfTitle('长沙市2024年', '999999')).toBeNull();
  });
});
