/**
 * Splitting a run of unit names (省公安厅、省民政厅等部门及各市州政府) into names with spans,
 * and telling collective phrases (各市州政府, 各地, 有关部门) from single units.
 */
import type { Span } from './types.js';

export interface NamePiece {
  /** Normalised name used for matching. */
  name: string;
  /** Span of the name in the document (role words excluded). */
  span: Span;
}

/** Characters and words a unit name usually ends with. */
const UNIT_END_RE =
  /(厅|局|委|办|部|院|会|室|署|行|处|科|所|站|队|社|联|团|府|中心|集团|公司|部门|单位|机构|政府|办事处|街道|各地|法院|检察院|委员会|领导小组|指挥部)$/;
const GENERIC_RE = /^(人民政府|政府|部门|单位|党委|有关部门|相关部门|各级)$/;
const LEVEL = '(?:市州|县市区|县市|县区|市县|乡镇|街道|省|市|州|县|区|乡|镇)';
const LEVEL_ONLY_RE = new RegExp(`^各?${LEVEL}+$`);
const LEVEL_WITH_SUFFIX_RE = new RegExp(`^${LEVEL}+(?:人民政府|政府|党委和政府|党委|办事处|街道办事处)?$`);
const COLLECTIVE_RE = new RegExp(
  '^(?:各|全省各|全市各|地方各级|各级|有关|相关|其他|其他有关|其他相关)' +
    '|^(?:省|市|县|区|省直|市直|县直|省级|市级|县级|中央和国家机关)(?:各|有关|相关|其他)(?:部门|单位)' +
    `|^${LEVEL}+(?:人民政府|政府)$`,
);

const LEAD_STRIP_RE = /^(?:由|会同|并由|以及|请)+/;
const TAIL_STRIP_RE =
  /(?:等有关部门|等相关部门|等部门|等单位|等成员单位|等地|等|分别|按职责|按职能|各自|共同|具体)+$/;

export function isCollective(name: string): boolean {
  return COLLECTIVE_RE.test(name);
}

export function looksLikeUnit(name: string): boolean {
  return UNIT_END_RE.test(name) || isCollective(name);
}

/**
 * Split `norm.slice(s, e)` into unit names. Separators: 、,;/ always; 及/和/与/以及/同 only when the
 * text before them already ends like a unit (so 住房和城乡建设厅 stays whole).
 */
export function splitNames(norm: string, s: number, e: number): NamePiece[] {
  const raw: Span[] = [];
  let start = s;
  let depth = 0;
  for (let i = s; i < e; i++) {
    const ch = norm[i];
    if (ch === '(' || ch === '〔' || ch === '【') depth++;
    else if ((ch === ')' || ch === '〕' || ch === '】') && depth > 0) depth--;
    if (depth > 0) continue;
    if (ch === '、' || ch === ',' || ch === ';' || ch === '/' || ch === ' ' || ch === '\t') {
      raw.push([start, i]);
      start = i + 1;
    }
  }
  raw.push([start, e]);
  const pieces: Span[] = [];
  for (const span of raw) for (const p of splitOnConjunction(norm, span)) pieces.push(p);
  const merged = mergeLevels(norm, pieces);
  const out: NamePiece[] = [];
  for (const [ps, pe] of merged) {
    const cleaned = clean(norm, ps, pe);
    if (cleaned) out.push(cleaned);
  }
  return out;
}

function splitOnConjunction(norm: string, [s, e]: Span): Span[] {
  const out: Span[] = [];
  let start = s;
  for (let i = s + 2; i < e - 1; i++) {
    const two = norm.slice(i, i + 2);
    const len = two === '以及' ? 2 : '及和与同'.includes(norm[i] ?? '') ? 1 : 0;
    if (len === 0) continue;
    const left = stripTail(norm.slice(start, i));
    const right = norm.slice(i + len, e);
    if (left.length >= 2 && UNIT_END_RE.test(left) && right.length >= 2 && !GENERIC_RE.test(stripTail(right))) {
      out.push([start, i]);
      start = i + len;
      i += len - 1;
    }
  }
  out.push([start, e]);
  return out;
}

/** 各市州、县市区人民政府 is one collective phrase, not 各市州 + 县市区人民政府. */
function mergeLevels(norm: string, pieces: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev) {
      const prevName = norm.slice(prev[0], prev[1]).trim();
      const name = stripTail(norm.slice(p[0], p[1]).trim());
      if (prevName.startsWith('各') && LEVEL_ONLY_RE.test(prevName) && LEVEL_WITH_SUFFIX_RE.test(name)) {
        prev[1] = p[1];
        continue;
      }
    }
    out.push([p[0], p[1]]);
  }
  return out;
}

function stripTail(name: string): string {
  return name.replace(TAIL_STRIP_RE, '');
}

function clean(norm: string, s: number, e: number): NamePiece | null {
  let a = s;
  let b = e;
  const isTrim = (ch: string | undefined): boolean =>
    ch === ' ' || ch === '\t' || ch === ',' || ch === '、' || ch === ':' || ch === '"' || ch === '“' || ch === '”';
  while (a < b && isTrim(norm[a])) a++;
  while (b > a && isTrim(norm[b - 1])) b--;
  const lead = LEAD_STRIP_RE.exec(norm.slice(a, Math.min(b, a + 6)));
  if (lead) a += lead[0].length;
  const tail = TAIL_STRIP_RE.exec(norm.slice(Math.max(a, b - 12), b));
  if (tail) b -= tail[0].length;
  if (b - a < 2) return null;
  const name = norm.slice(a, b);
  return { name, span: [a, b] };
}
