import { describe, expect, it } from 'vitest';
import { builtinRegisterDefinitions } from '../services/install-builtin-registers.js';
import { checkDefinition } from './register-definition.js';
import { currentValues, parseDate, validateRow } from './register-values.js';
import type { RegionResolver } from './register-values.js';

const oldCommunities = builtinRegisterDefinitions().find((d) => d.key === 'old-communities')!;
const units = [
  { id: 6, name: '岳阳市', parentId: 1, level: 'prefecture', names: ['岳阳市', '岳阳', '岳阳市人民政府'] },
  { id: 60, name: '岳阳楼区', parentId: 6, level: 'county', names: ['岳阳楼区'] },
  { id: 2, name: '长沙市', parentId: 1, level: 'prefecture', names: ['长沙市', '长沙'] },
  { id: 20, name: '芙蓉区', parentId: 2, level: 'county', names: ['芙蓉区'] },
];
const resolve: RegionResolver = (name, level) => {
  const u = units.find((x) => x.level === level && x.names.includes(name));
  return u ? { id: u.id, name: u.name, parentId: u.parentId } : null;
};
const good = { 项目名称: '一期', 市州: '岳阳', 县市区: '岳阳楼区', 小区名称: '洞庭新村', 建成年代: 1995, 户数: '1,240', 状态: '在建', 实际开工: '2021年4月5日' };

describe('register row validation', () => {
  it('accepts a good row and stores each type in one form', () => {
    const { row, issues } = validateRow(oldCommunities, good, resolve);
    expect(issues).toEqual([]);
    expect(row!.values).toMatchObject({ 市州: '岳阳市', 户数: 1240, 实际开工: '2021-04-05', 楼栋数: null });
    expect(row!).toMatchObject({ prefectureId: 6, countyId: 60, key: JSON.stringify(['岳阳楼区', '洞庭新村']) });
  });

  it('lists every problem with its code', () => {
    const { row, issues } = validateRow(oldCommunities, { ...good, 户数: 12.5, 建成年代: 1900, 状态: '停工', 实际开工: '2021-02-30', 小区名称: ' ', 县市区: '芙蓉区', 颜色: '红' }, resolve);
    expect(row).toBeNull();
    expect(issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual(
      ['颜色:cell_unknown_field', '户数:cell_not_integer', '建成年代:cell_below_min', '状态:cell_not_in_list', '实际开工:cell_not_date', '小区名称:cell_required', '县市区:cell_county_outside_prefecture'].sort(),
    );
  });

  it('reads the date forms clerks type, and refuses impossible dates', () => {
    expect(parseDate('2021/3/5')).toBe('2021-03-05');
    expect(parseDate('2021.03.05')).toBe('2021-03-05');
    expect(parseDate(44291)).toBe('2021-04-05');
    expect(parseDate(new Date(Date.UTC(2021, 0, 31)))).toBe('2021-01-31');
    expect(parseDate('2021-13-01')).toBeNull();
    expect(parseDate('2020-02-29')).toBe('2020-02-29');
    expect(parseDate('2021-02-29')).toBeNull();
  });

  it('reads every Excel serial day as the calendar does, and YYYY-MM-DD as written, including leap days and century years', () => {
    const epoch = Date.UTC(1899, 11, 30);
    const serials = [...Array.from({ length: 2968 }, (_, i) => 1 + i * 997), ...Array.from({ length: 400 }, (_, i) => 72_900 + i), 2_958_465];
    for (const serial of serials) expect(parseDate(serial)).toBe(new Date(epoch + serial * 86_400_000).toISOString().slice(0, 10));
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2100-02-29')).toBeNull();
    expect(parseDate('2021-04-31')).toBeNull();
    expect(parseDate('2021-00-10')).toBeNull();
    expect(parseDate('0099-01-01')).toBeNull();
  });

  it('gives a row already in stored form the same values and key as one that needs coercion', () => {
    const typed = validateRow(oldCommunities, { ...good, 市州: '岳阳市', 户数: 1240, 实际开工: '2021-04-05' }, resolve);
    const loose = validateRow(oldCommunities, { ...good, 市州: ' 岳阳 ', 户数: ' 1,240 ', 实际开工: 44291, 状态: ' 在建 ', 小区名称: ' 洞庭新村 ' }, resolve);
    expect(typed.issues).toEqual([]);
    expect(loose.issues).toEqual([]);
    expect(typed.row).toEqual(loose.row);
    expect(validateRow(oldCommunities, { ...good, 状态: '' }, resolve).issues.map((i) => i.field)).toEqual(oldCommunities.fields.find((f) => f.name === '状态')!.required ? ['状态'] : []);
  });
});

describe('register definitions', () => {
  it('holds the seed four built in', () => {
    expect(builtinRegisterDefinitions().map((d) => d.name)).toEqual(['老旧小区改造项目库', '特色小镇清单', '县城补短板强弱项示范县', '长株潭区域一体化标志工程']);
  });

  it('refuses a definition whose key, rules or fields do not hold together', () => {
    const bad = {
      key: 'bad',
      name: '坏台账',
      fields: [
        { name: '名称', type: 'text' },
        { name: '名称', type: 'text' },
        { name: '类型', type: 'enum' },
        { name: '数量', type: 'number', min: 5, max: 1 },
        { name: '编号', type: 'text', pattern: '([' },
      ],
      uniqueKey: ['名称', '代码'],
      rollups: [{ indicator: 'bad-sum', name: '合计', unit: '个', op: 'sum', field: '名称', period: '名称' }],
    };
    const { definition, issues } = checkDefinition(bad);
    expect(definition).toBeNull();
    expect(issues.map((i) => i.en)).toEqual(
      expect.arrayContaining([
        'Field "名称" appears twice',
        'Enum field "类型" must list its values',
        'Field "数量" has min above max',
        'Field "编号" has an invalid pattern',
        'Unique-key field "名称" must be required',
        'Unique-key field "代码" does not exist',
        'Roll-up "合计" must sum a number field',
      ]),
    );
    expect(checkDefinition({ ...bad, fields: [{ name: 'a.b', type: 'text' }] }).issues[0]!.en).toContain('fields.0.name');
  });

  it('reads a stored row for the fields the definition has now, so a removed field neither shows nor fails validation', () => {
    const { row } = validateRow(oldCommunities, good, resolve);
    const stored = { ...row!.values, 旧字段: '已删除的列' };
    expect(validateRow(oldCommunities, stored, resolve).issues.map((i) => i.code)).toEqual(['cell_unknown_field']);
    const current = currentValues(oldCommunities, stored);
    expect(current).not.toHaveProperty('旧字段');
    expect(current).toEqual(row!.values);
    expect(validateRow(oldCommunities, current, resolve).issues).toEqual([]);
  });
});
