/**
 * Whose document this is: the State Council's and ministries' (national), a province's, a
 * city's or a county's, and whether the registry covers it. Decided after the items are read,
 * from the units they name (公安部 and 国家发展改革委 make a national document; 市住建局 a
 * city's) and from the title, then used to take back what the registry cannot know:
 * - a bare 发展改革委 matched to the registry's 省发改委 only because the registry is a
 *   province's: in a national, city or county document it is another level's unit (unit
 *   null, `unit_unknown`); in a provincial one the match stays, with a warning naming the
 *   assumption;
 * - a document of a province the registry does not cover (广东省…): its 省发改委 is not the
 *   registry's;
 * - collective phrases: 各地 in a national document is not the registry's prefectures, and a
 *   city's 各区人民政府 are that city's districts.
 */
import { warning } from './warnings.js';
import { NO_NAMES, normalise } from './text.js';
import type { CoverLetter, ParsedItem, ParseWarning, Responsible } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

export type Level = 'national' | 'province' | 'prefecture' | 'county';

export interface Jurisdiction {
  level: Level | null;
  /** The city or county the document is for, as the registry names it (株洲市), when it knows it. */
  place: string | null;
  /** A province named by the document that the registry does not cover (广东省), else null. */
  foreignProvince: string | null;
}

const PROVINCES = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市',
  '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区',
  '台湾省', '香港特别行政区', '澳门特别行政区',
];

/** Units of the central government: ministries, 国家…局, 中央… offices. */
const CENTRAL_PREFIX_RE = /^(?:国务院|国家|中央|中共中央|全国|最高人民|中国|中华全国|共青团中央|人民银行|海关总署|税务总局|市场监管总局|银保监会|证监会|国资委|国管局|国铁集团)/;
const CENTRAL_SUFFIX_RE = /(?:部|总署|总局)$/;
const LEVEL_CHAR_RE = /[省市县区州]/;
const ISSUER_NATIONAL_RE = /^(?:国务院|国家|中共中央|中央|全国)/;

type NameLevel = Level | null;

/** The level a unit name is written at: 公安部 national, 省公安厅 province, 市住建局 city, 县财政局 county. */
export function nameLevel(name: string): NameLevel {
  if (CENTRAL_PREFIX_RE.test(name)) return 'national';
  if (CENTRAL_SUFFIX_RE.test(name) && name.length >= 3 && !LEVEL_CHAR_RE.test(name) && !/^(?:各|有关|相关)/.test(name)) return 'national';
  const first = name[0] ?? '';
  if (first === '省' || name.startsWith('自治区')) return 'province';
  if ((first === '市' && name[1] !== '场') || first === '州') return 'prefecture';
  if (first === '县' || first === '区') return 'county';
  if (/^[\u4e00-\u9fff]{2,4}(?:省|自治区)/.test(name)) return 'province';
  if (/^[\u4e00-\u9fff]{2,5}市(?!场)/.test(name)) return 'prefecture';
  if (/^[\u4e00-\u9fff]{2,5}[县区]/.test(name)) return 'county';
  return null;
}

/** The place a title or an issuer starts with (株洲市2022年…, 2022年攸县…), as the registry knows it. */
function leadingPlace(text: string, resolver: UnitResolver): string | null {
  const body = normalise(text).replace(/^\s*(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年(?:度)?/, '');
  for (let len = Math.min(10, body.length); len >= 2; len--) {
    const place = resolver.place(body.slice(0, len));
    if (place) return place;
  }
  return null;
}

/** One-character abbreviations of the provinces as document numbers use them (鄂政发〔2018〕26号). */
const ABBREVIATIONS: Record<string, string> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 蒙: '内蒙古自治区', 辽: '辽宁省', 吉: '吉林省', 黑: '黑龙江省',
  沪: '上海市', 苏: '江苏省', 浙: '浙江省', 皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省',
  鄂: '湖北省', 湘: '湖南省', 粤: '广东省', 桂: '广西壮族自治区', 琼: '海南省', 渝: '重庆市', 川: '四川省', 黔: '贵州省',
  贵: '贵州省', 云: '云南省', 滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 甘: '甘肃省', 青: '青海省', 宁: '宁夏回族自治区',
  新: '新疆维吾尔自治区',
};
/** A provincial document number at a line start: 鄂政发〔2018〕26号, 川办函〔2015〕54号. */
const DOC_NUMBER_RE = /(?:^|\n)\s*([京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔贵云滇藏陕甘青宁新])(?:政|府|办|委)[\u4e00-\u9fff]{0,3}[〔[(]\s*(?:19|20)[0-9]{2}\s*[〕\])]\s*[0-9]{1,4}\s*号/;

/** The province whose document number heads the text, when the registry does not cover it. */
export function foreignProvinceOfNumber(head: string, resolver: UnitResolver): string | null {
  const m = DOC_NUMBER_RE.exec(normalise(head));
  const province = m?.[1] ? ABBREVIATIONS[m[1]] : undefined;
  return province !== undefined && resolver.resolve(province) === null ? province : null;
}

function foreignProvinceIn(texts: string[], resolver: UnitResolver): string | null {
  for (const raw of texts) {
    const t = normalise(raw);
    for (const p of PROVINCES) {
      if (t.includes(p) && resolver.resolve(p) === null) return p;
    }
  }
  return null;
}

export function detectJurisdiction(
  title: string,
  letter: CoverLetter | null,
  items: ParsedItem[],
  resolver: UnitResolver,
  /** The document's opening, where a document number (鄂政发〔2018〕26号) may name its province. */
  head = '',
): Jurisdiction {
  const counts: Record<Level, number> = { national: 0, province: 0, prefecture: 0, county: 0 };
  const central = new Set<string>();
  // Every mention counts (a unit carried by 下同 weighs as often as it is carried); names repeat, so
  // each is classified once.
  const levels = new Map<string, NameLevel>();
  for (const item of items) {
    for (const r of item.responsible) {
      if (r.role === 'localities') continue;
      let level = levels.get(r.raw);
      if (level === undefined) {
        level = nameLevel(normalise(r.raw));
        levels.set(r.raw, level);
        if (level === 'national') central.add(r.raw);
      }
      if (level) counts[level]++;
    }
  }
  const issuer = letter?.issuer ?? '';
  const localNames = counts.province + counts.prefecture + counts.county;
  if (ISSUER_NATIONAL_RE.test(issuer) || (central.size >= 2 && counts.national > counts.province) || (counts.national > 0 && localNames === 0)) {
    return { level: 'national', place: null, foreignProvince: null };
  }
  // A title that starts with a city or a county (株洲市2022年…) makes the document that place's.
  const place = leadingPlace(title, resolver) ?? (issuer ? leadingPlace(issuer, resolver) : null);
  let level: Level | null = null;
  if (place) {
    level = counts.county > counts.prefecture ? 'county' : counts.prefecture > counts.county ? 'prefecture' : /[县区]$/.test(place) ? 'county' : 'prefecture';
  } else {
    let best = 0;
    for (const l of ['province', 'prefecture', 'county'] as const) {
      if (counts[l] > best) {
        best = counts[l];
        level = l;
      }
    }
  }
  const foreignProvince = foreignProvinceIn([title, letter?.title ?? '', issuer], resolver) ?? foreignProvinceOfNumber(head, resolver);
  return { level, place, foreignProvince };
}

/**
 * Whether entry k of a list stands right after a name that states the province's level
 * (省发展改革委、财政厅、教育厅): the level carries over to the names that leave it out.
 * `before` is the answer for entry k - 1 (the lists are walked in order).
 */
function levelCarried(list: Responsible[], k: number, before: boolean): boolean {
  const r = list[k];
  const prev = list[k - 1];
  const adjacent = r !== undefined && prev !== undefined && r.span[0] >= prev.span[1] && r.span[0] - prev.span[1] <= 2;
  return adjacent && prev !== undefined && (before || statesProvince(prev.raw));
}

function statesProvince(raw: string): boolean {
  const n = normalise(raw);
  return n.startsWith('省') || n.startsWith('自治区');
}

/** The registry's unit is a province's (省发改委) but the name as written says no level (发展改革委). */
function levelAssumed(raw: string, canonical: string): boolean {
  // 省 and 自治区 are never folded, so the name as written tells.
  if (canonical.startsWith('省')) return !raw.includes('省');
  if (canonical.startsWith('自治区')) return !raw.includes('自治区');
  return false;
}


/**
 * Take back matches and expansions the document's jurisdiction rules out (see the module
 * comment). Entries are changed in place, carried copies included; warnings are added once
 * per entry.
 */
export function applyJurisdiction(
  j: Jurisdiction,
  items: ParsedItem[],
  resolver: UnitResolver,
  warnings: ParseWarning[],
): void {
  const dropped = new Map<string, ParseWarning>();
  const kept = new Map<string, ParseWarning>();
  const expansions = new Map<string, string[]>();
  const local = j.level === 'prefecture' || j.level === 'county';
  if (j.level === 'province' && !j.foreignProvince) {
    // The registry's own province: only bare names need a word.
    for (const item of items) {
      const list = item.responsible;
      let carried = false;
      for (let k = 0; k < list.length; k++) {
        const r = list[k];
        carried = levelCarried(list, k, carried);
        if (r && r.unit !== null && r.role !== 'localities' && levelAssumed(r.raw, r.unit) && !carried) {
          kept.set(`${r.span[0]}:${r.span[1]}`, warning('unit_corrected', { raw: r.raw, unit: r.unit, reason: 'level_assumed' }, r.span));
        }
      }
    }
  } else {
    for (const item of items) {
      for (const r of item.responsible) {
        if (r.role === 'localities') {
          if (j.level === 'national' || j.foreignProvince) r.expands = NO_NAMES;
          else if (local) {
            let members = expansions.get(r.raw);
            if (!members) {
              members = j.place ? (resolver.expandLocality(j.place + normalise(r.raw)) ?? []) : [];
              expansions.set(r.raw, members);
            }
            r.expands = members.length > 0 ? [...members] : NO_NAMES;
          }
          continue;
        }
        if (r.unit === null) continue;
        const canonical = r.unit;
        const key = `${r.span[0]}:${r.span[1]}`;
        if (j.foreignProvince !== null && (canonical.startsWith('省') || canonical.startsWith('自治区'))) {
          r.unit = null;
          dropped.set(key, warning('unit_unknown', { raw: r.raw, reason: 'other_province', province: j.foreignProvince, unit: canonical }, r.span));
        } else if (levelAssumed(r.raw, canonical)) {
          if (j.level !== null) {
            r.unit = null;
            dropped.set(key, warning('unit_unknown', { raw: r.raw, reason: 'level_unstated', level: j.level, unit: canonical }, r.span));
          } else {
            kept.set(key, warning('unit_corrected', { raw: r.raw, unit: canonical, reason: 'level_assumed' }, r.span));
          }
        }
      }
    }
  }
  if (dropped.size === 0 && kept.size === 0) return;
  // A correction of a name no longer matched is void.
  for (let w = warnings.length - 1; w >= 0; w--) {
    const found = warnings[w];
    if (found?.code === 'unit_corrected' && dropped.has(`${found.span[0]}:${found.span[1]}`)) warnings.splice(w, 1);
  }
  for (const w of dropped.values()) warnings.push({ ...w, span: [w.span[0], w.span[1]] });
  for (const w of kept.values()) warnings.push({ ...w, span: [w.span[0], w.span[1]] });
}
