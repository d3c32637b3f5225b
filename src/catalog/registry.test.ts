import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import type { Unit, UnitRecord } from '../domain/unit.js';
import { hunanLookupOptions, hunanRegistry } from './hunan.js';
import { Registry } from './registry.js';

const units = hunanRegistry().units;
const registry = new Registry(units, hunanLookupOptions());
const departments = units.filter((u) => u.kind === 'department');
const unit = (shortName: string) => {
  const found = units.find((u) => u.shortName === shortName);
  if (!found) throw new Error(`no unit ${shortName} in the Hunan registry`);
  return found;
};

function record(code: string, name: string, shortName: string, aliases: string[] = []): UnitRecord {
  return { code, name, shortName, aliases, kind: 'department', parentCode: null, divisionCode: null };
}

describe('Registry.lookup: exact names', () => {
  it.each(departments.map((d) => [d.shortName, d] as const))('resolves %s by full name and short name', (_, d) => {
    expect(registry.lookup(d.name)).toEqual({ unit: d, via: 'name' });
    expect(registry.lookup(d.shortName)).toEqual({ unit: d, via: 'shortName' });
  });

  it.each(departments.flatMap((d) => d.aliases.map((alias) => [alias, d] as const)))('resolves alias %s', (alias, d) => {
    const result = registry.lookup(alias);
    expect(result?.unit).toBe(d);
    expect(result?.via).toBe('alias');
  });

  it('resolves the seed variants and flags them so a parser can warn', () => {
    expect(registry.lookup('省卫建委')).toEqual({ unit: unit('省卫健委'), via: 'alias', correctedFrom: '省卫建委', variant: true });
    expect(registry.lookup('省住建厅')).toEqual({
      unit: unit('省住房城乡建设厅'),
      via: 'alias',
      correctedFrom: '省住建厅',
      variant: true,
    });
  });

  it('does not flag ordinary aliases as variants', () => {
    expect(registry.lookup('省卫生健康委')).toEqual({ unit: unit('省卫健委'), via: 'alias' });
  });

  it('takes variants from the units or from the options (API units keep them among aliases)', () => {
    const own = new Registry([{ ...record('a', '甲局全称', '甲局'), variants: ['甲居'] }]);
    expect(own.lookup('甲居')).toMatchObject({ via: 'alias', variant: true });
    const api = new Registry([record('a', '甲局全称', '甲局', ['甲居'])], { variants: ['甲居'] });
    expect(api.lookup('甲居')).toMatchObject({ via: 'alias', variant: true });
  });
});

describe('Registry.lookup: normalisation', () => {
  it('treats the 湖南省 prefix, the bare 省 prefix and no prefix alike', () => {
    expect(registry.lookup('公安厅')).toEqual({ unit: unit('省公安厅'), via: 'normalised' });
    expect(registry.lookup('湖南省自然资源厅')?.unit).toBe(unit('省自然资源厅'));
    expect(registry.lookup('湖南省市场监督管理局')?.unit).toBe(unit('省市场监管局'));
    expect(registry.lookup('湖南省长沙市')?.unit).toBe(unit('长沙市'));
  });

  it('keeps the variant flag through normalisation', () => {
    expect(registry.lookup('湖南省卫建委')).toMatchObject({ unit: unit('省卫健委'), via: 'normalised', variant: true });
  });

  it('strips government suffixes', () => {
    const changsha = unit('长沙市');
    for (const name of ['长沙市人民政府', '长沙市政府', '长沙市', '长沙', '湖南省长沙市人民政府']) {
      expect(registry.lookup(name)?.unit, name).toBe(changsha);
    }
    expect(registry.lookup('岳阳县人民政府')?.unit).toBe(unit('岳阳县'));
    expect(registry.lookup('长沙县政府')?.unit).toBe(unit('长沙县'));
  });

  it('resolves the province government from its usual names', () => {
    for (const name of ['湖南省人民政府', '湖南省政府', '省政府', '省人民政府', '湖南省', '湖南']) {
      expect(registry.lookup(name)?.unit.code, name).toBe('430000');
    }
  });

  it('ignores whitespace, including full-width spaces, and folds full-width letters', () => {
    for (const name of [' 省公安厅 ', '省 公安厅', '省\u3000公安厅', '省公安厅\n']) {
      expect(registry.lookup(name), JSON.stringify(name)).toEqual({ unit: unit('省公安厅'), via: 'normalised' });
    }
    const zone = new Registry([record('g60', 'G60科创走廊办公室', 'G60办')]);
    expect(zone.lookup('Ｇ６０办')?.unit.code).toBe('g60');
  });

  it('resolves the common short forms of autonomous areas', () => {
    expect(registry.lookup('湘西州')?.unit.code).toBe('433100');
    expect(registry.lookup('湘西自治州')?.unit.code).toBe('433100');
    expect(registry.lookup('城步县')?.unit.shortName).toBe('城步苗族自治县');
  });
});

describe('Registry.lookup: near misses, unknowns and ambiguity', () => {
  it('corrects a one-character slip in a name of four characters or more', () => {
    expect(registry.lookup('省公按厅')).toEqual({ unit: unit('省公安厅'), via: 'near', correctedFrom: '省公按厅' });
    expect(registry.lookup('湖南省卫键委')).toMatchObject({ unit: unit('省卫健委'), via: 'near' });
    expect(registry.lookup('长沙市人民政')).toMatchObject({ unit: unit('长沙市'), via: 'near' });
  });

  it('never corrects short names, where one character separates real units (湘潭县/湘潭市)', () => {
    expect(registry.lookup('湘潭县')?.unit.code).toBe('430321');
    expect(registry.lookup('湘潭市')?.unit.code).toBe('430300');
    expect(registry.lookup('公按厅')).toBeNull();
  });

  it('never turns a known unit outside the registry into a registry unit', () => {
    expect(registry.lookup('省国安厅')).toBeNull();
    expect(new Registry(units).lookup('省国安厅')?.unit).toBe(unit('省公安厅'));
  });

  it('returns null for names it does not know', () => {
    for (const name of ['', '   ', '省外星人事务局', '各市州政府', '政府', '人民政府', '县', 'hn-gat']) {
      expect(registry.lookup(name), name).toBeNull();
    }
  });

  it('returns null when two units fit equally well', () => {
    const twins = new Registry([record('a', '甲办公室', '甲办', ['同名办']), record('b', '乙办公室', '乙办', ['同名办'])]);
    expect(twins.lookup('同名办')).toBeNull();
    expect(twins.lookup('甲办')?.unit.code).toBe('a');
    // 省X政厅 is one edit from both 省民政厅 and 省财政厅.
    expect(registry.lookup('省某政厅')).toBeNull();
    expect(registry.lookup('省文物厅')).toBeNull(); // 省文物局 or 省文旅厅?
  });

  it('prefers a full name over another unit’s alias', () => {
    const r = new Registry([record('a', '甲局', '甲'), record('b', '乙局', '乙', ['甲局'])]);
    expect(r.lookup('甲局')).toEqual({ unit: r.byCode('a'), via: 'name' });
  });

  it('finds every unit by its short name (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...units), (u) => {
        expect(registry.lookup(u.shortName)?.unit).toBe(u);
      }),
    );
  });

  it('never throws and only returns registry units, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...units.map((u) => u.name))), (s) => {
        const result = registry.lookup(s);
        expect(result === null || units.includes(result.unit)).toBe(true);
      }),
    );
  });
});

describe('Registry navigation', () => {
  it('indexes by code and kind', () => {
    expect(registry.byCode('hn-zjt')?.shortName).toBe('省住房城乡建设厅');
    expect(registry.byCode('nope')).toBeUndefined();
    expect(registry.ofKind('prefecture')).toHaveLength(14);
    expect(registry.all()).toHaveLength(units.length);
  });

  it('lists children by parent code', () => {
    expect(registry.childrenOf('433100').map((u) => u.shortName)).toContain('吉首市');
    expect(registry.childrenOf('430100')).toHaveLength(9);
    expect(registry.childrenOf('hn-wlt').map((u) => u.code)).toEqual(['hn-wwj']);
  });

  it('works on API units whose parent is an id', () => {
    const api: Unit[] = [
      { id: 1, code: '430000', name: '湖南省人民政府', shortName: '湖南省', aliases: [], kind: 'province', parentId: null, divisionCode: '430000', member: false },
      { id: 2, code: '430100', name: '长沙市人民政府', shortName: '长沙市', aliases: [], kind: 'prefecture', parentId: 1, divisionCode: '430100', member: false },
    ];
    const r = new Registry(api);
    expect(r.childrenOf('430000').map((u) => u.id)).toEqual([2]);
    expect(r.parentCodeOf(api[1] as Unit)).toBe('430000');
    expect(r.lookup('省政府')?.unit.id).toBe(1);
  });

  it('refuses duplicate codes', () => {
    expect(() => new Registry([record('a', '甲局', '甲'), record('a', '乙局', '乙')])).toThrow(AppError);
  });
});
