/**
 * Splitting a run of unit names (省公安厅、省民政厅等部门及各市州政府) into names with spans,
 * and telling collective phrases (各市州政府, 各地, 有关部门) from single units.
 */
import { CodeSet, codesOf, holdsCode, isCjk, isDigitCode, isJsSpace } from './text.js';
import { WRAP_JOINER } from './wrapped.js';
import type { Span } from '../model/span.js';

export interface NamePiece {
  /** Normalised name used for matching. */
  name: string;
  /** Span of the name in the document (role words excluded). */
  span: Span;
}

/** Characters and words a unit name usually ends with. */
const UNIT_ENDINGS = ['厅', '局', '委', '办', '部', '院', '会', '室', '署', '行', '处', '科', '所', '站', '队', '股', '馆', '社', '联', '团', '府', '中心', '集团', '公司', '部门', '单位', '机构', '政府', '办事处', '街道', '各地', '法院', '检察院', '委员会', '领导小组', '指挥部', '开发区', '管理区', '工业园', '新区', '试验区', '示范区', '镇', '乡'];
const UNIT_END_RE = new RegExp(`(${UNIT_ENDINGS.join('|')})$`);
/** The last characters of those endings: where a unit's name may end (局, 委, 府, 门, 位…). */
export const UNIT_LAST = new CodeSet(UNIT_ENDINGS.map((w) => w.charCodeAt(w.length - 1)));
/** Words after 和/及 that name the same place's other body (X党工委和管委会), not a unit of their own. */
const GENERIC_RE = /^(人民政府|政府|部门|单位|党委|有关部门|相关部门|各级|管委会|党工委|管理委员会)$/;
const LEVEL = '(?:市州|县市区|县级市|直辖市|县市|县区|市县|乡镇|街道|省|市|州|县|区|乡|镇)';
const LEVEL_ONLY_RE = new RegExp(`^各?${LEVEL}+$`);
const LEVEL_WITH_SUFFIX_RE = new RegExp(`^${LEVEL}+(?:人民政府|政府|党委和政府|党委|办事处|街道办事处)?$`);
const COLLECTIVE_RE = new RegExp(
  '^(?:各|全省各|全市各|地方各级|各级|有关|相关|其他|其他有关|其他相关)' +
    '|^(?:省|市|州|县|区|省直|市直|州直|县直|区直|省级|市级|州级|县级|区级|国务院|中央和国家机关)(?:人民政府|政府)?(?:各(?:有关|相关)?|有关|相关|其他)(?:工作)?(?:部门|单位)' +
    // 省级部门, 市直单位: every department of a level.
    '|^(?:省直|市直|州直|县直|区直|省级|市级|州级|县级|区级)(?:部门|单位)$' +
    // 县(市)政府, 县(市、区)人民政府, 县级市政府: every government of a level, as in 各区、县级市政府.
    // (省政府 alone is the province's own: there is no level above it in a plan.)
    `|^(?!省(?:人民)?政府$)${LEVEL}+(?:\\(${LEVEL}(?:、${LEVEL})*\\))?(?:人民政府|政府|办事处|街道办事处)$` +
    // 开发区管委会, 各园区管委会: the committee of every zone, when no zone is named.
    // (高新区管委会, 经开区管委会 alone name a city's one zone.)
    // 市直园区管委会: the committees of every zone the city runs.
    '|^(?:各|(?:省|市|县|区)直)(?:开发区|园区|高新区|经开区|工业园区?)(?:管委会|管理委员会)$|^(?:开发区|园区|工业园区?)(?:管委会?|管理委员会)$' +
    // 区属各重点国企, 市直各单位, 省属各高校: every body of a kind under a level.
    // 市各功能区管委会, 县各有关单位: every body of a kind of a level.
    '|^(?:省|市|县|区|州)(?:属|直|管)?各' +
    // 13个街道、镇, 10县市人民政府: a count of localities.
    `|^[0-9一二三四五六七八九十]{1,3}个?${LEVEL}+(?:、${LEVEL})*(?:人民政府|政府|办事处|街道办事处)?$` +
    // 8个重点行业主管部门, 十个成员单位: a count of units, not one of them.
    '|^[0-9一二三四五六七八九十]{1,3}个[^、,]{0,12}(?:部门|单位|机构)$' +
    // 街道, 板块, 乡镇 alone in a list of units: every one of them.
    '|^(?:街道|板块|乡镇|镇街|镇|社区|村居|园区|村|开发园区|开发区|功能区|工业园区|管理处)$' +
    // 属地乡镇, 属地街道, 相关乡镇: the localities where the task stands.
    '|^(?:属地|相关|有关|所在|涉及)(?:乡镇|街道|镇街|乡镇\\(街道\\)|社区|村|县区|县市区|区县)(?:政府|人民政府|办事处)?$' +
    // 区属企业, 市属国有企业: every enterprise a level owns.
    '|^(?:省|市|县|区|州)(?:属|管)(?:国有)?(?:企业|国企)$' +
    // 区防汛抗旱指挥部成员单位: the members of a body, not one unit.
    '|成员单位$' +
    // 省政府各部门, 市政府各有关单位, 国务院各直属机构: every department of a body.
    '|各(?:有关|相关|直属)?(?:部门|单位|机构)$',
);

const LEAD_STRIP_RE = /^(?:由|会同|并由|以及|请|各由|所涉及的|涉及的)+/;
/** 等部门, 等有关单位, 等省有关部门, 等园区相关部门, 等8个部门: a list's summing-up tail names no unit of its own. */
const TAIL_STRIP_RE =
  /(?:等(?:[0-9一二三四五六七八九十]{1,3}个)?(?:省|市|州|县|区|园区|开发区)?(?:直|级)?(?:有关|相关|成员|主管|职能)?(?:部门|单位|部会)(?:\(单位\))?|等地|等|分别|(?:按照|按|根据|依据|依照|依)?(?:各自)?(?:职责|职能)(?:职责)?(?:分工|分)?|各负其责|各司其职|各自|共同|具体|组织|实施|推进|抓好|做好|(?:落实|履行|承担)[^、,;()]{0,8}?责任|落实|及|以及)+$/;

/** First characters of LEAD_STRIP_RE's words and last characters of TAIL_STRIP_RE's. */
const LEAD_FIRST = new CodeSet(codesOf('由会并以请各所涉'));
const TAIL_LAST = new CodeSet(codesOf('门位地等别责能工自同体织施进好实职及分会任)'));

export function isCollective(name: string): boolean {
  return COLLECTIVE_RE.test(name);
}

/**
 * Whether a name ends as a unit's or a place's does (县财政局, 各有关单位, 各县(区), 各乡镇), not cut off
 * inside a word (县财, 各县(区)人民): a collective is judged by its ending too.
 */
export function endsLikeUnit(name: string): boolean {
  const bare = name.replace(/\([^()]{1,12}\)$/, '');
  return UNIT_END_RE.test(bare) || /[省市州县区乡镇村]$/.test(bare);
}

export function looksLikeUnit(name: string): boolean {
  // (2所, 34所: a figure and its measure word, not a unit's name; 10县市人民政府 is a collective.)
  const c = name.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return isCollective(name);
  return UNIT_END_RE.test(name) || isCollective(name);
}

/**
 * Split `norm.slice(s, e)` into unit names. Separators: 、,;/ always; 及/和/与/以及/同 only when the
 * text before them already ends like a unit (so 住房和城乡建设厅 stays whole).
 */
export function splitNames(norm: string, s: number, e: number): NamePiece[] {
  // Pieces as flat [start, end, start, end, …]: this runs for every clause of a plan.
  const pieces: number[] = [];
  let start = s;
  let depth = 0;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28 || c === 0x3014 || c === 0x3010) depth++; // ( 〔 【
    else if ((c === 0x29 || c === 0x3015 || c === 0x3011) && depth > 0) depth--;
    if (depth > 0) continue;
    // 、 , ; / space tab
    if (c === 0x3001 || c === 0x2c || c === 0x3b || c === 0x2f || c === 0x20 || c === 0x09) {
      if (c === 0x20 && (innerSpace(norm, start, i, e) || besideBreak(norm, i, s, e))) continue;
      splitOnConjunction(norm, start, i, pieces);
      start = i + 1;
    }
  }
  splitOnConjunction(norm, start, e, pieces);
  const merged = splitGlued(norm, mergeLevels(norm, pieces));
  const out: NamePiece[] = [];
  for (let k = 0; k < merged.length; k += 2) {
    const cleaned = clean(norm, merged[k] ?? 0, merged[k + 1] ?? 0);
    if (cleaned) out.push(cleaned);
  }
  sharedSuffixes(norm, out);
  return out;
}

const LEVEL_FIRST = new CodeSet(codesOf('省市区县'));
const GLUED_END = new CodeSet(codesOf('局委厅'));

/**
 * 区发改局区统计局: names glued with nothing between them (a table cell's lines run together) are
 * split where a name ending in 局/委/厅 is followed by the first one's level (区, 市, 县, 省) again.
 * Each side keeps at least four characters, so 市委市政府督查室 stays whole.
 */
function splitGlued(norm: string, pieces: number[]): number[] {
  let out: number[] | null = null;
  for (let k = 0; k < pieces.length; k += 2) {
    let a = pieces[k] ?? 0;
    const b = pieces[k + 1] ?? 0;
    while (a < b && isJsSpace(norm.charCodeAt(a))) a++;
    const level = norm.charCodeAt(a);
    let start = pieces[k] ?? 0;
    if (b - a >= 8 && LEVEL_FIRST.has(level)) {
      for (let j = a + 4; j <= b - 4; j++) {
        if (norm.charCodeAt(j) !== level || !GLUED_END.has(norm.charCodeAt(j - 1)) || j - start < 4) continue;
        out ??= pieces.slice(0, k);
        out.push(start, j);
        start = j;
      }
    }
    // 文化宣传股文化馆: a county bureau's section (…股) glued to the next name (not 股份, 控股集团).
    for (let j = a + 3; j <= b - 3; j++) {
      if (norm.charCodeAt(j - 1) !== 0x80a1 || !isCjk(norm.charCodeAt(j)) || SHARE_WORD_RE.test(norm.slice(j - 2, j + 1)) || j - start < 3) continue;
      if (!UNIT_END_RE.test(norm.slice(j, b).trimEnd())) continue;
      out ??= pieces.slice(0, k);
      out.push(start, j);
      start = j;
    }
    if (out) out.push(start, b);
  }
  return out ?? pieces;
}

/** 股份, 控股, 参股, 入股: 股 inside a company's words, where no section's name ends. */
const SHARE_WORD_RE = /^.股份|^[控参入持配]股/;

/** 管理区, 开发区, 街道…: the kinds of unit two names may share, written once after the last. */
const SHARED_SUFFIX_RE = /^\p{Script=Han}{2,6}?(管理区|开发区|经济开发区|高新区|示范区|管委会|街道办事处|街道)$/u;
const BARE_NAME_RE = /^\p{Script=Han}{2,4}$/u;

/**
 * 人民大垸、荒湖管理区: two names sharing the kind of unit written once after the second. The first
 * keeps its raw text (its span) and is matched with the kind added (人民大垸管理区).
 */
function sharedSuffixes(norm: string, names: NamePiece[]): void {
  for (let k = names.length - 2; k >= 0; k--) {
    const piece = names[k] as NamePiece;
    const next = names[k + 1] as NamePiece;
    if (norm.charCodeAt(piece.span[1]) !== 0x3001 || !BARE_NAME_RE.test(piece.name) || looksLikeUnit(piece.name)) continue;
    const kind = SHARED_SUFFIX_RE.exec(next.name)?.[1];
    if (kind && next.span[0] === piece.span[1] + 1) piece.name += kind;
  }
}

/**
 * 市 财政局, 伏羲 山管委 会, 资源规划 局: a space that web pages leave inside a name (between two
 * Chinese characters, where what stands before it ends like no unit, or what follows it up to the
 * next separator is one character) joins, it does not separate two names.
 */
function innerSpace(norm: string, start: number, i: number, e: number): boolean {
  if (!isCjk(norm.charCodeAt(i - 1)) || !isCjk(norm.charCodeAt(i + 1))) return false;
  let a = start;
  while (a < i && isJsSpace(norm.charCodeAt(a))) a++;
  const left = norm.slice(a, i);
  if (left.length === 0) return false;
  let j = i + 1;
  while (j < e && !NAME_SEPARATOR.has(norm.charCodeAt(j))) j++;
  if (j - (i + 1) === 1) return true;
  return left.length <= 8 && !UNIT_END_RE.test(left) && !isCollective(left);
}
/**
 * 市政 ⏎   府办 ⏎ 公厅: a name broken over lines (a table's narrow cell) keeps the lines' indents and
 * trailing spaces; a space next to the line break, through other spaces, separates nothing.
 */
function besideBreak(norm: string, i: number, s: number, e: number): boolean {
  let a = i;
  while (a > s && (norm.charCodeAt(a - 1) === 0x20 || norm.charCodeAt(a - 1) === 0x09)) a--;
  if (a > s && norm.charCodeAt(a - 1) === 0x0a) return true;
  let b = i;
  while (b < e && (norm.charCodeAt(b) === 0x20 || norm.charCodeAt(b) === 0x09)) b++;
  return b < e && (norm.charCodeAt(b) === 0x0a || norm.charCodeAt(b) === 0x0d);
}
const NAME_SEPARATOR = new CodeSet([0x3001, 0x2c, 0x3b, 0x2f, 0x20, 0x09, 0x28, 0x29]);

const JI = 0x53ca; // 及
const HE = 0x548c; // 和
const YU = 0x4e0e; // 与
const TONG = 0x540c; // 同
const YI = 0x4ee5; // 以
const HUI = 0x4f1a; // 会: 宣传处会办公室, the one office with the other (会同 written short)
const SECTION_END = new CodeSet(codesOf('处科'));

/** Split [s, e) on 及/和/与/以及/同 between units, appending the pieces' bounds to `out`. */
function splitOnConjunction(norm: string, s: number, e: number, out: number[]): void {
  let start = s;
  for (let i = s + 2; i < e - 1; i++) {
    const c = norm.charCodeAt(i);
    const len = c === YI && norm.charCodeAt(i + 1) === JI ? 2 : c === JI || c === HE || c === YU || c === TONG || c === HUI ? 1 : 0;
    if (len === 0) continue;
    // 会 joins only a section's name to the next (宣传处会办公室): 社会保障局, 常委会 keep theirs.
    if (c === HUI && !SECTION_END.has(norm.charCodeAt(i - 1))) continue;
    // The right side is read only when the left one ends like a unit (this runs at every 和/与/及).
    if (i - start < 2 || e - (i + len) < 2) continue;
    // 省直有关部门(单位)及各市(州)人民政府: a short note in brackets after the left name is part of it.
    const left = stripTail(norm.slice(start, i)).replace(NOTE_AFTER_NAME_RE, '');
    if (left.length < 2 || !UNIT_END_RE.test(left)) continue;
    const right = stripTail(norm.slice(i + len, e));
    if (!GENERIC_RE.test(right)) {
      out.push(start, i);
      start = i + len;
      i += len - 1;
    }
  }
  out.push(start, e);
}

const INNER_SPACES_RE = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;
const NOTE_AFTER_NAME_RE = /\([^()]{1,8}\)$/;
const GE = 0x5404; // 各
const CN_COUNT = new CodeSet(codesOf('一二三四五六七八九十'));
const COUNT_RE = /^[0-9一二三四五六七八九十]{1,3}个?/;
const LEVEL_NOTE_RE = /\([^()]{1,6}\)/g;

/** 各市州、县市区人民政府 (and 各县、市、区政府) is one collective phrase, not 各市州 + 县市区人民政府. */
function mergeLevels(norm: string, pieces: number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const ps = pieces[k] ?? 0;
    const pe = pieces[k + 1] ?? 0;
    const n = out.length;
    if (n > 0) {
      const prevStart = out[n - 2] ?? 0;
      const prevEnd = out[n - 1] ?? 0;
      // 市直有关部门、单位: the pair 部门、单位 names one collective.
      if (norm.slice(ps, pe).trim() === '单位' && norm.slice(prevStart, prevEnd).trimEnd().endsWith('部门') && norm.charCodeAt(prevEnd) === 0x3001) {
        out[n - 1] = pe;
        continue;
      }
      // Only a previous piece that starts with 各 (after spaces) can take the next one in.
      let a = prevStart;
      while (a < prevEnd && isJsSpace(norm.charCodeAt(a))) a++;
      if (a < prevEnd && (norm.charCodeAt(a) === GE || isDigitCode(norm.charCodeAt(a)) || CN_COUNT.has(norm.charCodeAt(a)))) {
        // 13个街道、镇 like 各街道、镇: a count of localities takes the next level in.
        // 各市(县)、区政府: the level's note in brackets aside.
        const prevName = norm.slice(prevStart, prevEnd).trim().replace(COUNT_RE, '').replace(LEVEL_NOTE_RE, '');
        const name = stripTail(norm.slice(ps, pe).trim());
        // 各县、市、区政府: the previous piece may already hold two levels joined.
        // 各县、区人民政府(管委会): a note after the last level's government is part of the phrase.
        if (LEVEL_ONLY_RE.test(prevName.replaceAll('、', '')) && LEVEL_WITH_SUFFIX_RE.test(name.replace(NOTE_AFTER_NAME_RE, ''))) {
          out[n - 1] = pe;
          continue;
        }
      }
    }
    out.push(ps, pe);
  }
  return out;
}

function stripTail(name: string): string {
  // The pattern is anchored at the end only: skip it when the last character ends none of its words.
  return TAIL_LAST.has(name.charCodeAt(name.length - 1)) ? name.replace(TAIL_STRIP_RE, '') : name;
}

function isNameTrim(c: number): boolean {
  // space tab , 、 : " “ ”, and the dashes and bullets set before a name (——市生态环境局牵头, ──由…),
  // and the ▲ or ★ a list sets before its lead
  return (
    c === 0x20 || c === 0x09 || c === 0x2c || c === 0x3001 || c === 0x3a || c === 0x22 || c === 0x201c || c === 0x201d ||
    c === 0x2014 || c === 0x2015 || c === 0x2d || c === 0xb7 || c === 0x2022 || c === 0x25cf || c === 0x2500 || c === 0x2501 ||
    c === 0x25b2 || c === 0x25b3 || c === 0x2605 || c === 0x2606
  );
}

function clean(norm: string, s: number, e: number): NamePiece | null {
  let a = s;
  let b = e;
  while (a < b && isNameTrim(norm.charCodeAt(a))) a++;
  // 责任科室:局爱卫工作科... (a copying site's elision where it cut the text): the dots are no part of the name.
  while (b > a && isNameTrim(norm.charCodeAt(b - 1))) b--;
  let dots = b;
  while (dots > a && (norm.charCodeAt(dots - 1) === 0x2e || norm.charCodeAt(dots - 1) === 0x2026)) dots--;
  if (dots < b && (b - dots >= 2 || norm.charCodeAt(dots) === 0x2026)) b = dots;
  if (a < b && LEAD_FIRST.has(norm.charCodeAt(a))) {
    const lead = LEAD_STRIP_RE.exec(norm.slice(a, Math.min(b, a + 6)));
    if (lead) a += lead[0].length;
  }
  if (b > a && TAIL_LAST.has(norm.charCodeAt(b - 1))) {
    const tail = TAIL_STRIP_RE.exec(norm.slice(Math.max(a, b - 12), b));
    if (tail) b -= tail[0].length;
  }
  // 各区人民政府〈含开发区 (the text cut inside a note): the note is no part of the name.
  for (let k = a + 2; k < b; k++) {
    if (norm.charCodeAt(k) === 0x3008 && !holdsCode(norm, k, b, 0x3009)) {
      b = k;
      break;
    }
  }
  if (b - a < 2) return null;
  const text = norm.slice(a, b);
  // A name with a space left inside it (innerSpace) is matched without it; its span keeps it.
  // So is one broken across a hard wrap (园区党工⏎委, see wrapped.ts).
  let name = text.indexOf(' ') >= 0 ? text.replace(INNER_SPACES_RE, '') : text;
  if (name.indexOf(WRAP_JOINER) >= 0) name = name.replaceAll(WRAP_JOINER, '');
  return { name, span: [a, b] };
}

/** What a bracketed unit list never starts with: 含高新区管委会, 以下简称…, 除… are notes. */
const NOT_A_LIST_START_RE = /^(?:含|包括|不含|除|以下|简称|即|如|其中|详见|见)/;

/**
 * The names of [s, e) when it is nothing but a list of units, as in a title's role-less bracket
 * (加快产业园扩区调规(市自然资源和规划局、三江新区管委会)); null otherwise. Every name must end
 * like a unit (or be a collective phrase) and carry no quotation mark or colon; `known` may accept
 * a name the registry knows although it ends otherwise.
 */
export function unitList(norm: string, s: number, e: number, known?: (name: string) => boolean): NamePiece[] | null {
  if (e - s < 2 || e - s > 160) return null;
  const text = norm.slice(s, e);
  if (/[“”"《》:;。]/.test(text) || NOT_A_LIST_START_RE.test(text.trimStart())) return null;
  const names = splitNames(norm, s, e);
  if (names.length === 0 || names.length > 12) return null;
  // 市发改委、农委、人保局: after a first name with its level, short names carry it over.
  const leveled = /^(?:省|市|县|区|州)/.test(names[0]?.name ?? '');
  for (const p of names) {
    // (试行), (暂行): two letters ending like a unit are rarely one; a registry's name may be.
    const unitLike = (p.name.length >= 3 || (leveled && p !== names[0])) && looksLikeUnit(p.name);
    if (p.name.length > 24 || !(unitLike || known?.(p.name))) return null;
  }
  return names;
}

/** 市卫计委 2835085: a unit's name, then a telephone number, alone on a line. */
const NAME_BESIDE_NUMBER_RE = /^([\u4e00-\u9fff()]{2,20})[ \t]+[0-9][0-9-]{5,12}[ \t]*(?:\n|$)/;

/** Length of the unit's name at s when its line (inside [s, e)) holds only it and a telephone number, else 0. */
export function nameBesideNumber(norm: string, s: number, e: number): number {
  const m = NAME_BESIDE_NUMBER_RE.exec(norm.slice(s, Math.min(e, s + 40)));
  return m?.[1] && looksLikeUnit(m[1]) ? m[1].length : 0;
}
