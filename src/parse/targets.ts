/**
 * Quantitative targets in an item: 4.35万套, 1500个, 100%, 至少5%, 1-2个, 三十大标志工程.
 * Figures that are not targets are skipped on purpose: dates and years, ordinals (第二,
 * 十九届五中全会), document numbers (〔2021〕493号), figures fused with Latin letters (5G,
 * PM2.5, O3), anything inside quotation or title marks (“一核两副三带四区”, 《…》), numeral
 * slogans (一核两副, 三区一村) and bare digit strings such as phone numbers.
 */
import { warning } from './warnings.js';
import { chineseToNumber, numeralKind as numeralKindOf } from './numerals.js';
import { CodeSet, codesOf, holdsCode, isCjk, isDigitCode, joinFree, ownCopy, sourceSpan, viewOffset, warningBack, type SourceText } from './text.js';
import type { Comparator, ParseWarning, Target } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

/** Bound once: the hot loops call it for every character, without the module binding's look-up. */
const numeralKind = numeralKindOf;

export interface TargetContext {
  src: SourceText;
  resolver: UnitResolver;
  warnings: ParseWarning[];
  /** Year the plan is for (2021 in 2021年…工作要点), used when a sentence names none. */
  planYear: number | null;
  /** Where the item's body starts: subject, scope and year are never looked for before it. */
  floor?: number;
}

const UNITS = [
  '万平方米', '平方公里', '平方米', '个百分点', '百分点', '个工作日', '工作日', '千瓦时', '万千瓦', '千瓦', '兆瓦',
  '立方米', '延长米', '微克', '毫克', '标准箱', '标箱', '公里', '千米', '公顷', '人次', '小时', '分钟', '%', '‰', '个', '套', '项', '家', '所', '座', '条', '处', '户',
  '人', '名', '位', '台', '辆', '张', '栋', '间', '批', '场', '件', '宗', '笔', '份', '册', '床', '吨', '亩', '米',
  '美元', '元', '倍', '天', '镇', '村', '园', '片', '次', '例',
  // Harvests, fleets, trees, herds and works: 600亿斤, 50艘, 1000万株, 20万头, 300眼 (wells), 5000盏.
  '公斤', '千克', '斤', '艘', '架', '株', '棵', '头', '只', '篇', '眼', '盏', '根', '块', '段', '孔',
  // Electricity: 23.5亿度 (kilowatt-hours). Schools: 70对 (paired schools), 2000节 (lessons).
  '度', '对', '节',
];
/** Measure words a Chinese numeral may take; stricter than for Arabic figures. */
const CN_UNITS = new Set(['个', '套', '项', '家', '所', '座', '条', '处', '户', '人', '名', '台', '辆', '栋', '间', '批', '件', '亩', '吨', '倍', '公里', '平方公里', '万平方米', '平方米', '个百分点', '百分点', '元', '镇', '村', '园', '片', '个工作日', '工作日', '天']);
const SKIP_AFTER = ['年', '月', '日', '号', '届', '期', '版', '岁', '周岁', '时', '点', '级', '类', '种', '代', '号线', '线', '个月', '个季度', '个小时'];
const GREATER_BEFORE = ['不少于', '不低于', '不小于', '大于', '高于', '至少有', '至少', '超过', '达到', '突破', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '达'];
const LESS_BEFORE = ['不超过', '不高于', '不大于', '小于', '控制在', '压减至', '压减到', '压缩至', '压缩到', '降低到', '降低至', '下降到', '下降至', '减少到', '减少至', '降至', '降到', '低于', '少于'];
const GREATER_AFTER = ['及以上', '以上'];
const LESS_AFTER = ['以内', '以下', '之内'];
const SUBJECT_CUT = ['保障', '用于', '实现', '达到', '完成', '开展', '建成', '纳入', '覆盖', '进行', '以上', '以下', '以内', '左右', '的', '和', '并', '等'];
const SUBJECT_TRIM_END = /(建设任务|任务|工作|目标|左右)+$/;
const DESCRIPTIVE_RE = /^(领域|方面|大类|类|种|环节|层级|板块|维度)/;
const BIG_COUNT_RE = /^大(标志性工程|标志工程|重点工程|重大工程|重大项目|重点项目|工程|项目|行动)/;

/**
 * Targets found in [s, e) of the document. A text whose line breaks were joined (a hard-wrapped
 * PDF's, wrapped.ts) is read in its joiner-free view (joinFree in text.ts), where a figure, its
 * measure and the words around it read whole across a wrap (1⏎000亿元 is 1000亿元, not 000亿元);
 * the spans are mapped back to the text and each raw sliced from it again (keeping the line break).
 */
export function findTargets(ctx: TargetContext, s: number, e: number): Target[] {
  const view = ctx.src.joins ? joinFree(ctx.src) : null;
  if (!view) return targetsIn(ctx, s, e);
  const warnings: ParseWarning[] = [];
  const floor = ctx.floor === undefined ? undefined : viewOffset(view, ctx.floor);
  const out = targetsIn({ src: view.src, resolver: ctx.resolver, warnings, planYear: ctx.planYear, floor }, viewOffset(view, s), viewOffset(view, e));
  for (const t of out) {
    const span = sourceSpan(view, t.span[0], t.span[1]);
    t.raw = ctx.src.original.slice(span[0], span[1]);
    t.span = span;
    if (t.subject !== null) t.subject = ownCopy(t.subject);
    t.unit = ownCopy(t.unit);
  }
  for (const w of warnings) ctx.warnings.push(warningBack(view, w));
  return out;
}

function targetsIn(ctx: TargetContext, s: number, e: number): Target[] {
  const { norm } = ctx.src;
  const out: Target[] = [];
  // Figures inside “…”, 《…》, "…", 〔…〕, 「…」 and ‘…’ (on one line) are names, not targets. The
  // quoted region is found when its opening mark is met; spans skipped below never hold one.
  let quoteEnd = -1;
  let i = s;
  while (i < e) {
    const c = norm.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      const end = arabicEnd(norm, i, e);
      if (i >= quoteEnd) {
        const t = arabicTarget(ctx, i, end, e);
        if (t) {
          out.push(t);
          i = t.span[1];
          continue;
        }
      }
      i = end;
      continue;
    }
    const kind = numeralKind(c);
    if (kind === 1 || kind === 2) {
      let end = i;
      while (end < e && end - i < 12 && numeralKind(norm.charCodeAt(end)) !== 0) end++;
      if (i >= quoteEnd) {
        const t = chineseTarget(ctx, i, end, e);
        if (t) {
          out.push(t);
          i = t.span[1];
          continue;
        }
      }
      i = end;
      continue;
    }
    if (QUOTE_OPEN[c] === 1 && i >= quoteEnd) {
      const close = quoteClose(norm, i, e);
      // 实现“引进人才达到2000名左右,人才贡献率达到40%”三大目标: goals quoted as a sentence are targets.
      if (close >= 0 && !(c !== 0x300a && quotesGoals(norm, i + 1, close))) quoteEnd = close + 1;
    }
    i++;
  }
  return out;
}

/** Whether [s, e) is a sentence of goals (a comma and 达到, 增长…), not a name or a slogan. */
function quotesGoals(norm: string, s: number, e: number): boolean {
  return e - s >= 12 && holdsCode(norm, s, e, 0x2c) && GOAL_VERB_RE.test(norm.slice(s, e));
}
const GOAL_VERB_RE = /达到|实现|增长|提高到|超过|控制在|力争/;

/** Closing mark and how far to look for it, by opening mark; null for any other character. */
function quoteOf(c: number): [number, number] | null {
  switch (c) {
    case 0x201c: return [0x201d, 80]; // “ ”
    case 0x300a: return [0x300b, 160]; // 《 》
    case 0x22: return [0x22, 80]; // " "
    case 0x3014: return [0x3015, 12]; // 〔 〕
    case 0x300c: return [0x300d, 80]; // 「 」
    case 0x2018: return [0x2019, 40]; // ‘ ’
    default: return null;
  }
}

/** 1 for the code units that open a quotation (see quoteOf). */
const QUOTE_OPEN = new Uint8Array(0x10000);
for (const c of [0x201c, 0x300a, 0x22, 0x3014, 0x300c, 0x2018]) QUOTE_OPEN[c] = 1;

/** Offset of the mark closing the quotation opened at i, or -1 when it is not closed in reach. */
function quoteClose(norm: string, i: number, e: number): number {
  const p = quoteOf(norm.charCodeAt(i));
  if (!p) return -1;
  const [close, max] = p;
  const limit = Math.min(e, i + max);
  for (let j = i + 1; j < limit; j++) {
    const c = norm.charCodeAt(j);
    if (c === close) return j;
    if (c === 0x0a) return -1;
  }
  return -1;
}

function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function arabicEnd(norm: string, i: number, e: number): number {
  let j = i;
  while (j < e && isDigitCode(norm.charCodeAt(j))) j++;
  // thousands separators: 1,500
  while (
    norm.charCodeAt(j) === 0x2c && isDigitCode(norm.charCodeAt(j + 1)) && isDigitCode(norm.charCodeAt(j + 2)) &&
    isDigitCode(norm.charCodeAt(j + 3)) && !isDigitCode(norm.charCodeAt(j + 4)) && j + 4 <= e
  ) j += 4;
  if (norm.charCodeAt(j) === 0x2e && isDigitCode(norm.charCodeAt(j + 1))) {
    j++;
    while (j < e && isDigitCode(norm.charCodeAt(j))) j++;
  }
  return j;
}

interface Quantity {
  value: number;
  end: number;
  /** The figure carried a 万/亿 multiplier. */
  scaled: boolean;
  approx: boolean;
}

function multiplierAt(norm: string, j: number): [number, number] {
  if (norm.startsWith('万亿', j)) return [1e12, 2];
  if (norm.startsWith('千万', j)) return [1e7, 2];
  const c = norm.charCodeAt(j);
  if (c === 0x4e07) return [1e4, 1]; // 万
  if (c === 0x4ebf) return [1e8, 1]; // 亿
  return [1, 0];
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Words looked for at one offset, in order of preference, with their first characters. */
interface WordList {
  words: readonly string[];
  first: CodeSet;
}

function wordList(words: readonly string[]): WordList {
  return { words, first: new CodeSet(words.map((w) => w.charCodeAt(0))) };
}

/** The first word of the list written at j; most offsets start none, which one look-up tells. */
function unitAt(norm: string, j: number, units: WordList): string | null {
  if (!units.first.has(norm.charCodeAt(j))) return null;
  for (const u of units.words) if (norm.startsWith(u, j)) return u;
  return null;
}

const UNIT_WORDS = wordList(UNITS);
const SKIP_WORDS = wordList(SKIP_AFTER);

/** 预期寿命达到, 人均寿命提高到: what an age to reach follows. */
const LIFESPAN_BEFORE_RE = /寿命[^。;,、]{0,8}$/;

/** Longest figure read, separators included. */
const MAX_DIGITS = 20;

function arabicTarget(ctx: TargetContext, s: number, digitsEnd: number, limit: number): Target | null {
  let end = digitsEnd;
  const { norm } = ctx.src;
  const prev = norm.charCodeAt(s - 1);
  // Latin letter . 第 〔 [ - / #, and 每 (每20-30户设置1个: a rate, not a count)
  if (isLatinCode(prev) || prev === 0x2e || prev === 0x7b2c || prev === 0x3014 || prev === 0x5b || prev === 0x2d || prev === 0x2f || prev === 0x23 || prev === 0x6bcf) return null;
  // More digits than any count or sum of money has (and 1 MB of digits is no number at all).
  if (end - s > MAX_DIGITS) return null;
  let digits = norm.slice(s, end).replace(/,/g, '');
  // 4. 3%: a decimal broken by a space (a line wrapped in the source), inside a sentence.
  if (isCjk(prev) && brokenDecimalAt(norm, end, limit)) {
    const e2 = arabicEnd(norm, end + 2, limit);
    digits = `${digits}.${norm.slice(end + 2, e2)}`;
    end = e2;
  }
  const first: Quantity = quantity(norm, s, end, Number(digits));
  let j = first.end;
  while (norm.charCodeAt(j) === 0x20) j++;
  let max: number | null = null;
  // A range: 1-2个, 3至5家, 10~20%.
  const d = norm.charCodeAt(j);
  const dash = d === 0x2d || d === 0x7e || d === ZHI || d === DAO ? 1 : 0; // - ~ 至 到
  if (dash && isDigitCode(norm.charCodeAt(j + 1))) {
    const e2 = arabicEnd(norm, j + 1, limit);
    if (e2 - (j + 1) > MAX_DIGITS) return null;
    const secondRaw = Number(norm.slice(j + 1, e2).replace(/,/g, ''));
    const second = quantity(norm, j + 1, e2, secondRaw);
    if (!first.scaled && second.scaled && secondRaw > 0) first.value = round(first.value * (second.value / secondRaw));
    max = second.value;
    j = second.end;
    while (norm.charCodeAt(j) === 0x20) j++;
  }
  if (isLatinCode(norm.charCodeAt(j))) return null;
  // 人均预期寿命达到76岁: an age that is the figure to reach (elsewhere, 60岁以上老人, an age is no target).
  const age = norm.charCodeAt(j) === 0x5c81 && LIFESPAN_BEFORE_RE.test(norm.slice(Math.max(ctx.floor ?? 0, s - 12), s)); // 岁
  if (!age && unitAt(norm, j, SKIP_WORDS) !== null) return null;
  const a = norm.charCodeAt(j);
  const approx = a === 0x4f59 || a === 0x591a; // 余 多
  if (approx) j++;
  let unit = age ? '岁' : unitAt(norm, j, UNIT_WORDS);
  // 减少50万以上, 增加30万左右: a figure in 万/亿 with no measure word, bounded as a target.
  if (!unit && first.scaled && max === null && BARE_SCALED_AFTER_RE.test(norm.slice(j, j + 2))) unit = '';
  // 孕产妇死亡率不超过15/10万, 婴儿死亡率8‰: a rate per so many people, its base as its measure.
  if (unit === null && !first.scaled && norm.charCodeAt(j) === 0x2f) unit = PER_BASE_RE.exec(norm.slice(j, j + 6))?.[0] ?? null;
  if (unit === null) return null;
  if (digits.length >= 7 && !first.scaled && !/[元吨米亩]/.test(unit)) return null;
  let unitEnd = j + unit.length;
  if (unit === '小时' || unit === '分钟' || unit === '天') {
    const after = norm.slice(unitEnd, unitEnd + 4);
    if (after.includes('圈') || after.startsWith('制') || after.startsWith('内')) return null;
  }
  const before = norm.charCodeAt(s - 1);
  if ((before === 0x5212 || before === 0x8981) && PLAN_COUNT_BEFORE_RE.test(norm.slice(Math.max(0, s - 3), s))) return null; // 划 要
  // 规划确定的22项主要指标: the plan's own indicators counted, not a figure to reach.
  if (unit === '项' && COUNTED_INDICATORS_BEFORE.test(norm.slice(Math.max(0, s - 4), s)) && /^[^。;,]{0,4}指标/.test(norm.slice(unitEnd, unitEnd + 7))) return null;
  // 80%~85%, 3%-5%: a range written with the unit on both figures.
  let fullUnit = unit;
  const r = norm.charCodeAt(unitEnd);
  if (max === null && (r === 0x2d || r === 0x7e || r === ZHI || r === DAO) && isDigitCode(norm.charCodeAt(unitEnd + 1))) {
    const e2 = arabicEnd(norm, unitEnd + 1, limit);
    if (e2 - (unitEnd + 1) <= MAX_DIGITS && !first.scaled && norm.startsWith(unit, e2)) {
      const second = Number(norm.slice(unitEnd + 1, e2).replace(/,/g, ''));
      if (second > first.value) {
        max = second;
        unitEnd = e2 + unit.length;
      }
    }
  }
  // 120立方米/万元, 40微克/立方米, 2.5人/千人: a rate keeps its denominator.
  const per = norm.charCodeAt(unitEnd) === 0x2f ? RATE_DENOMINATOR_RE.exec(norm.slice(unitEnd + 1, unitEnd + 8)) : null;
  if (per) {
    fullUnit = `${unit}/${per[0]}`;
    unitEnd += 1 + per[0].length;
  }
  if (unit === '元' && sizesAClass(norm, unitEnd)) return null;
  // 从1.5万亿元增加到2.5万亿元, 分别由每人每月574元、271元调高至609元、300元: the level a change starts
  // from is no target; the one it reaches is.
  if (changesFrom(norm, s, unitEnd, ctx.floor ?? 0)) return null;
  // (频次排在前20%的事项): a rank that picks out a class, not a figure to reach.
  if (norm.charCodeAt(s - 1) === QIAN && norm.charCodeAt(unitEnd) === DE && norm.charCodeAt(unitEnd + 1) !== 0x3002) return null;
  // 培育一批超100亿元的优势产业集群: the size that qualifies what is to be formed.
  if (unit === '元' && OVER_BEFORE.has(norm.charCodeAt(s - 1)) && QUALIFIED_CLASS_RE.test(norm.slice(unitEnd, unitEnd + 12))) return null;
  // 1对1帮扶: a way of pairing, not 1 pair.
  if (unit === '对' && /[0-9一多]/.test(norm.charAt(unitEnd))) return null;
  // 首阶段45项中余下的27项: the whole that a part is taken from, no figure to reach.
  if ((unit === '项' || unit === '个') && norm.charCodeAt(unitEnd) === ZHONG && norm.charCodeAt(unitEnd + 1) !== 0x5fc3) return null;
  // 对照省里均衡化发展的39项指标…, 逐项推进: the count of a yardstick the task is measured against
  // (the province's indicators, a standard's articles), no figure to reach.
  if ((unit === '项' || unit === '条') && YARDSTICK_BEFORE_RE.test(clauseBefore(norm, s, ctx.floor ?? 0)) && YARDSTICK_AFTER_RE.test(norm.slice(unitEnd, unitEnd + 6))) return null;
  // 这8项责任目标, 上述3项约束性目标: a count of the plan's own lines, no figure to reach.
  if (unit === '项' && countedBefore(norm, s)) return null;
  // (1分,上报材料完整的得满分,少1项扣0.1分): an assessment's scoring rule, no figure to reach.
  if (SCORED_UNITS.has(unit) && inScoreNote(norm, s, ctx.floor ?? 0)) return null;
  // 投资达5000万元的,…: the condition of what follows, not a figure to reach.
  if (CONDITION_FIRST.has(norm.charCodeAt(unitEnd)) && CONDITION_AFTER_RE.test(norm.slice(unitEnd, unitEnd + 5))) return null;
  // 可获人才指标1名, 每多投5000万元另增1名, 同一企业每年不超过10名: what one applicant is entitled to.
  const floor = ctx.floor ?? 0;
  if ((ENTITLED_UNITS.has(unit) || unit.endsWith('元')) && entitlementBefore(norm, s, floor)) return null;
  // 抓好某公司25万吨某产品、某化工10万吨某材料等项目: capacities naming the projects, no figure to reach.
  if (CAPACITY_LAST.has(unit.charCodeAt(unit.length - 1)) && clauseHolds(norm, unitEnd, limit, 1, 100, DENG_SET) && NAMED_PROJECTS_RE.test(clauseAfter(norm, unitEnd, limit, 100)))
    return null;
  // 对8个重点行业主管部门…: a count of the departments concerned.
  if (unit === '个' && clauseHolds(norm, unitEnd, limit, 1, 10, DEPARTMENT_FIRST) && DEPARTMENTS_COUNTED_RE.test(norm.slice(unitEnd, unitEnd + 10))) return null;
  // 可获3万元-5万元资金支持, 最高奖励50万元: what one applicant may receive, not a figure to reach.
  if (unit === '元' && GRANT_BEFORE_RE.test(norm.slice(Math.max(0, s - 6), s))) return null;
  // 落实90条措施, 贯彻“十条”意见: the count in an existing policy's name, not a figure to reach.
  // 把提振信心的90条措施落到实处: the same.
  if (
    unit === '条' &&
    POLICY_AFTER_RE.test(norm.slice(unitEnd, unitEnd + 4)) &&
    (CARRY_OUT_BEFORE_RE.test(norm.slice(Math.max(0, s - 12), s)) || (/^[把将]/.test(clauseBefore(norm, s, ctx.floor ?? 0)) && CARRIED_OUT_AFTER_RE.test(clauseAfter(norm, unitEnd, limit))))
  )
    return null;
  // 市发改委等8个部门: the count of a list of units, not a figure to reach.
  if (norm.charCodeAt(s - 1) === DENG && UNITS_COUNTED_RE.test(norm.slice(unitEnd, unitEnd + 6))) return null;
  // 协兴村4栋、9栋: buildings named by their number after the place, not a count of buildings.
  if (unit === '栋' && buildingNumber(norm, s, floor)) return null;
  // 14个街道各建成一处: the places that each do the task, not a figure to reach.
  if (unit === '个' && EACH_PLACE_RE.test(norm.slice(unitEnd, unitEnd + 6))) return null;
  // 从…这6个方面发力: a count of the areas a text names, never a figure to reach.
  if (unit === '个' && norm.startsWith('方面', unitEnd)) return null;
  return buildTarget(ctx, s, unitEnd, first.value, max, fullUnit, approx, 0.9);
}

/**
 * 培育产值过百亿元企业3家, 实施10亿元以上项目20个: a sum right before 企业/项目/产业… says which
 * enterprises or projects are meant, it is no figure to reach (项目资金 is money, though).
 */
/** The clause before s (back to 。 ; , or 40 characters, not before floor). */
function clauseBefore(norm: string, s: number, floor: number): string {
  let j = s;
  while (j > floor && s - j < 40 && !CLAUSE_END.has(norm.charCodeAt(j - 1))) j--;
  return norm.slice(j, s);
}

/** The clause after e (up to 。 ; , or `max` characters, not beyond limit). */
function clauseAfter(norm: string, e: number, limit: number, max = 40): string {
  let j = e;
  while (j < limit && j - e < max && !CLAUSE_END.has(norm.charCodeAt(j))) j++;
  return norm.slice(e, j);
}
const CLAUSE_END = new CodeSet(codesOf('。;,!?\n'));

/** Whether the clause from `at` (backwards when step is -1, not past bound, at most max characters) holds one of `codes`: a cheap test before a pattern. */
function clauseHolds(norm: string, at: number, bound: number, step: 1 | -1, max: number, codes: CodeSet): boolean {
  for (let k = 0, i = step < 0 ? at - 1 : at; k < max && (step < 0 ? i >= bound : i < bound); k++, i += step) {
    const c = norm.charCodeAt(i);
    if (CLAUSE_END.has(c)) return false;
    if (codes.has(c)) return true;
  }
  return false;
}
/** Whether s stands inside a bracket that opens with a score ((1分,…), (0.5分,…)). */
function inScoreNote(norm: string, s: number, floor: number): boolean {
  for (let i = s - 1; i >= floor && s - i <= 40; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x29) return false;
    if (c === 0x28) return isDigitCode(norm.charCodeAt(i + 1)) && SCORE_NOTE_RE.test(norm.slice(i, i + 7));
  }
  return false;
}
const SCORE_NOTE_RE = /^\([0-9.]{1,4}分/;
const ZHONG = 0x4e2d; // 中 (not 中心)
/** 这8项, 上述3项: whether a word pointing back at the lines above stands right before s. */
function countedBefore(norm: string, s: number): boolean {
  const a = norm.charCodeAt(s - 1);
  if (a === 0x8fd9 || a === 0x6b64 || a === 0x8be5) return true; // 这 此 该
  const b = norm.charCodeAt(s - 2);
  // 上述 上列 上面 以上
  return (b === 0x4e0a && (a === 0x8ff0 || a === 0x5217 || a === 0x9762)) || (b === 0x4ee5 && a === 0x4e0a);
}

/** 可获…, 每多投…另增…, 同一企业…: whether the clause before s (40 characters at most) states an entitlement. */
function entitlementBefore(norm: string, s: number, floor: number): boolean {
  for (let i = s - 1; i > floor && s - i <= 40; i--) {
    const c = norm.charCodeAt(i - 1);
    if (CLAUSE_END.has(norm.charCodeAt(i))) return false;
    const d = norm.charCodeAt(i);
    if (c === 0x53ef ? ENTITLE_AFTER_KE.has(d) : c === 0x6bcf ? d === 0x591a : c === 0x53e6 ? d === 0x589e : c === 0x540c && d === 0x4e00) return true; // 可获 可享 可申 可认; 每多; 另增; 同一
  }
  return false;
}
/** 获 享 申 认: after 可 in 可获, 可享受, 可申请, 可认定. */
const ENTITLE_AFTER_KE = new CodeSet(codesOf('获享申认'));
/** Units a scoring rule counts in (少1项扣0.1分), what one applicant is entitled to (1名), and a plant's capacity (25万吨). */
const SCORED_UNITS = new Set(['项', '次', '个', '分', '篇', '份']);
const ENTITLED_UNITS = new Set(['名', '人', '个', '家', '项', '套', '次']);
const CAPACITY_LAST = new CodeSet(codesOf('吨瓦时米箱亩件台辆头只安'));
const CONDITION_FIRST = new CodeSet(codesOf('的及以'));
const DENG_SET = new CodeSet([0x7b49]);
const DEPARTMENT_FIRST = new CodeSet(codesOf('部机'));
const OVER_BEFORE = new CodeSet(codesOf('超过'));
const QUALIFIED_CLASS_RE = /^(?:及以上|以上)?的[^。;,、0-9]{0,6}(?:企业|项目|产业|集群|园区)/;
const CONDITION_AFTER_RE = /^(?:及以上|以上)?的[,;]/;
const NAMED_PROJECTS_RE = /^[^。;,、]{1,12}(?:(?:、|和|与).*)?等(?:一批)?(?:重点|重大)?项目/;
const CARRIED_OUT_AFTER_RE = /落到实处|落实|落地|兑现|执行/;
const DEPARTMENTS_COUNTED_RE = /^[^。;,、0-9]{0,8}?(?:部门|机关)/;

/** How far before a figure 从 or 由 is looked for. */
const FROM_REACH = 16;
/** 从 and 由: where a change is said to start. */
const FROM_BEFORE = new CodeSet(codesOf('从由'));
/** 增加到, 调高至, 下降到… in the figure's clause after it. */
const CHANGE_TO_RE = /^[^,。;:]{0,20}?(?:调高|上调|下调|调整|增加|提高|提升|增长|扩大|下降|降低|减少|压减|压缩|上升|达)(?:到|至)/;

/** Whether the figure [s, e) follows 从 or 由 (with no 至/到 between) and comes before a change to (增加到…) in its clause: where a change starts. */
function changesFrom(norm: string, s: number, e: number, floor: number): boolean {
  for (let j = s - 1; j >= floor && s - j <= FROM_REACH; j--) {
    const c = norm.charCodeAt(j);
    if (c === 0x2c || c === 0x3002 || c === 0x3b || c === 0x81f3 || c === 0x5230) return false; // , 。 ; 至 到
    if (FROM_BEFORE.has(c)) return CHANGE_TO_RE.test(norm.slice(e, e + 24));
  }
  return false;
}

function sizesAClass(norm: string, e: number): boolean {
  return CLASS_AFTER_SUM_RE.test(norm.slice(e, e + 10));
}
const DENG = 0x7b49; // 等
const QIAN = 0x524d; // 前
const DE = 0x7684; // 的
const FANG = 0x623f; // 房
const BARE_SCALED_AFTER_RE = /^(?:以上|以下|左右|以内)/;
/** “十四五”规划88项重大工程: the count of a named plan's own projects, not a figure to reach. */
const PLAN_COUNT_BEFORE_RE = /(?:规划|纲要|”计划)$/;
const GRANT_BEFORE_RE = /(?:可获得?|可享受|可申请|可领取|最高(?:可)?(?:获得?|给予|奖励|补助|补贴|资助)?)(?:不超过)?$/;
const POLICY_AFTER_RE = /^(?:措施|政策|举措|意见|规定|硬措施|新政)/;
const CARRY_OUT_BEFORE_RE = /(?:落实|贯彻|执行|兑现|用好|落地|细化|宣传)(?:好|新)?(?:省|市|县|区)?[^。;,、0-9]{0,6}$/;
const UNITS_COUNTED_RE = /^(?:省|市|县|区)?(?:直|级)?(?:有关|相关|成员)?(?:部门|单位|成员单位)/;
const CLASS_AFTER_SUM_RE = /^(?:及以上|以上)?(?:的)?(?:级)?(?:[0-9]{1,4}强)?(?:龙头|重点|重大|工业|制造业|产业|服务业|农业|新建|续建|现代|先进|高端|高新技术|新兴|战略性新兴|外资|内资|招商){0,3}(?:企业|项目|产业|集群|园区)(?!资金|经费|投资)/;

/** 确定的, 提出的: what a count of indicators (22项主要指标) follows when it counts a plan's own. */
const COUNTED_INDICATORS_BEFORE = /(?:确定|提出|明确|规定|设定)的$/;
/** 对照…, 参照…: a clause naming what a task is measured against. */
const YARDSTICK_BEFORE_RE = /^(?:对照|参照|比照|依照)/;
/** 39项指标, 12条标准: a yardstick's count. */
const YARDSTICK_AFTER_RE = /^[^。;,]{0,2}(?:指标|标准|要求)/;
/** The denominator of a rate: 万元, 立方米, 千人, 人·年. */
/** /10万, /万, /1000: the base a rate is counted per (15/10万), a number and a power of ten. */
const PER_BASE_RE = /^\/(?:10{0,3}[万千]|1000|[万千])(?![0-9])/;
const RATE_DENOMINATOR_RE = /^(?:万|千|百|亿)?(?:元|人|吨|亩|户|平方米|立方米|千瓦时|公里|年|天|月|人·年)/;

/** Whether `. ` and a digit follow at `end`: the rest of a decimal broken by a space. */
function brokenDecimalAt(norm: string, end: number, limit: number): boolean {
  return end + 2 < limit && norm.charCodeAt(end) === 0x2e && norm.charCodeAt(end + 1) === 0x20 && isDigitCode(norm.charCodeAt(end + 2));
}

function quantity(norm: string, s: number, end: number, value: number): Quantity {
  const [mult, len] = multiplierAt(norm, end);
  return { value: round(value * mult), end: end + len, scaled: len > 0, approx: false };
}

/** 第二, 数十, 几个, 每三年, 这两项 (the two just named): no count after these. */
const NO_COUNT_AFTER = new CodeSet(codesOf('第数几多若每前后近届这此该'));
const ZHI = 0x81f3; // 至
const DAO = 0x5230; // 到
const CN_UNITS_LONGEST_FIRST = wordList([...CN_UNITS].sort((a, b) => b.length - a.length));
/** 大 of 三十大标志工程 (BIG_COUNT_RE). */
const DA = 0x5927;

function allDigits(norm: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (numeralKind(norm.charCodeAt(i)) !== 1) return false;
  return true;
}

function chineseTarget(ctx: TargetContext, s: number, end: number, limit: number): Target | null {
  const { norm } = ctx.src;
  // At the very start of the text, or after 第数几多若每前后近届: no count.
  if (s === 0) return null;
  const prev = norm.charCodeAt(s - 1);
  if (NO_COUNT_AFTER.has(prev)) return null;
  // Slogans: 一核两副三带四区, 三区一村, 接二连三.
  const n1 = norm.charCodeAt(end);
  const connector = n1 === ZHI || n1 === DAO;
  // Without a range, what follows the numerals must start a unit (or 大…工程): most runs (一是, 进一步) end here.
  if (!connector && n1 !== DA && !CN_UNITS_LONGEST_FIRST.first.has(n1)) return null;
  if (!connector && isCjk(n1) && numeralKind(n1) === 0 && numeralKind(norm.charCodeAt(end + 1)) !== 0) return null;
  if (isCjk(prev) && numeralKind(prev) === 0 && numeralKind(norm.charCodeAt(s - 2)) !== 0) return null;
  // Digit strings without 十/百/千 (一二三产业) are not counts.
  if (end - s > 1 && allDigits(norm, s, end)) return null;
  const run = norm.slice(s, end);
  const value = chineseToNumber(run);
  if (value === null || value < 2) return null;
  // 百家企业结对, 千企万人, 万人助万企: a lone 百, 千 or 万 names a campaign, it counts nothing.
  if (end - s === 1 && value >= 100) return null;
  let j = end;
  let max: number | null = null;
  if ((norm.charCodeAt(j) === ZHI || norm.charCodeAt(j) === DAO) && numeralKind(norm.charCodeAt(j + 1)) !== 0) {
    let k = j + 1;
    while (k < limit && k - j < 8 && numeralKind(norm.charCodeAt(k)) !== 0) k++;
    const v2 = chineseToNumber(norm.slice(j + 1, k));
    if (v2 !== null && v2 > value) {
      max = v2;
      j = k;
    }
  }
  const big = norm.charCodeAt(j) === DA ? BIG_COUNT_RE.exec(norm.slice(j, j + 8)) : null;
  if (big) {
    // 三十大标志工程: a count of 30 projects named as a programme.
    const spanEnd = j + big[0].length;
    return buildTarget(ctx, s, spanEnd, value, max, '项', false, 0.6, (big[1] ?? '').length > 0 ? big[1] ?? null : null);
  }
  const unit = unitAt(norm, j, CN_UNITS_LONGEST_FIRST);
  if (!unit) return null;
  // 三个月, 两个季度: durations, not counts.
  if (unit === '个' && (norm.startsWith('月', j + 1) || norm.startsWith('季度', j + 1) || norm.startsWith('小时', j + 1))) return null;
  // 协兴村4栋、9栋: buildings named by their number after the place, not a count of buildings.
  if (unit === '栋' && buildingNumber(norm, s, ctx.floor ?? 0)) return null;
  // 二套房, 三套房: a kind of home (the buyer's second), not a count of homes.
  if (unit === '套' && (norm.charCodeAt(j + 1) === FANG || norm.startsWith('住房', j + 1))) return null;
  // 对西苑小区、金鑫二小区、宏昌小区三所老旧小区…: the count of the names just listed, no target.
  if (countsTheList(norm, s, value, ctx.floor ?? 0)) return null;
  // Small Chinese counts (三条, 四个) are as often descriptive as they are targets.
  const confidence = value < 10 && max === null ? 0.6 : 0.8;
  if (unit === '元' && sizesAClass(norm, j + unit.length)) return null;
  return buildTarget(ctx, s, j + unit.length, value, max, unit, false, confidence);
}

/** Whether the figure at s follows a place's name (新政二社, 协兴村) or another building's number (4栋、): a building's number. */
function buildingNumber(norm: string, s: number, floor: number): boolean {
  if (s - 1 < floor) return false;
  const c = norm.charCodeAt(s - 1);
  if (PLACE_LAST.has(c)) return true;
  return c === 0x3001 && s - 2 >= floor && norm.charCodeAt(s - 2) === 0x680b; // 、 after 栋
}
const PLACE_LAST = new CodeSet(codesOf('村社区街路巷苑园'));
/** 街道各, 乡镇均: the places counted each do the task. */
const EACH_PLACE_RE = /^(?:街道|乡镇|镇|县区|县|区|村|社区|部门|单位)(?:各|均|都)/;

/** Whether the names listed right before s (A、B、C) are `value` in number: a count that sums them up. */
function countsTheList(norm: string, s: number, value: number, floor: number): boolean {
  if (value > 12) return false;
  let marks = 0;
  let last = -1;
  for (let i = s - 1; i >= floor && s - i <= 80; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x3001) {
      marks++; // 、
      if (last < 0) last = i;
    } else if (LIST_END.has(c)) break;
  }
  // 依托京广、沪昆、渝长厦高铁打造三条高铁经济带: a verb after the last name makes the count a target.
  // 清淨家園及捍衛國土等六項行動: a last name joined by 及 is one more.
  const tail = marks > 0 ? norm.slice(last + 1, s) : '';
  const joined = LAST_JOINED_RE.test(tail) ? 1 : 0;
  return marks > 0 && marks + 1 + joined === value && !LIST_THEN_VERB_RE.test(tail);
}
/** What ends the list a count may sum up (a name's bracket does not: 湘西经开区(qū)两个). */
const LIST_END = new CodeSet(codesOf('。;!?,:“”《》\n\r'));
/** 及, 和, 与 before the last name of a list. */
const LAST_JOINED_RE = /以及|及|和|与/;
const LIST_THEN_VERB_RE = /打造|建设|建成|形成|培育|实施|推进|完成|新建|改造|开展|建立|发展|提升|创建|争创|申报|达到/;

/**
 * A unit of measure in the document's own script (個, 萬噸 stay traditional); full-width forms
 * stay folded (％ is %), as units are compared by the ledger.
 */
function asWritten(src: SourceText, s: number, e: number, unit: string): string {
  if (s < 0 || src.norm.slice(s, e) !== unit) return unit;
  const written = src.original.slice(s, e);
  for (let i = 0; i < unit.length; i++) {
    if (written.charCodeAt(i) !== unit.charCodeAt(i) && written.charCodeAt(i) < 0x3400) return unit;
  }
  return written;
}

/** Length of the longest of `words` that `text` ends with, or 0. */
function longestEnding(text: string, words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (w.length > n && text.endsWith(w)) n = w.length;
  return n;
}

function buildTarget(
  ctx: TargetContext,
  s: number,
  e: number,
  value: number,
  max: number | null,
  unit: string,
  approx: boolean,
  baseConfidence: number,
  subjectOverride: string | null = null,
): Target {
  const { norm, original } = ctx.src;
  let comparator: Comparator = max !== null ? 'range' : '=';
  if (comparator === '=') {
    const before = norm.slice(Math.max(0, s - 6), s).replace(/\s+$/, '');
    const after = norm.slice(e, e + 3);
    // The longest word wins: 不超过 is ≤ although it ends with 超过, 不低于 is ≥ although it ends with 低于.
    const greater = longestEnding(before, GREATER_BEFORE);
    const less = longestEnding(before, LESS_BEFORE);
    // 达到60%左右: the 左右 right after the figure says about, whatever word came before it.
    if (after.startsWith('左右') && !approx) comparator = '≈';
    else if (greater > less || GREATER_AFTER.some((w) => after.startsWith(w)) || approx) comparator = '>=';
    else if (less > 0 || LESS_AFTER.some((w) => after.startsWith(w))) comparator = '<=';
    else if (after.startsWith('左右') || /(?:大约|约为|约|近)$/.test(before)) comparator = '≈';
  }
  let subject = subjectOverride ?? subjectAfter(ctx.src, e);
  let confidence = approx ? Math.min(baseConfidence, 0.7) : baseConfidence;
  if (subject === null) subject = subjectBefore(ctx.src, s, ctx.floor ?? 0);
  else if (DESCRIPTIVE_RE.test(subject)) confidence = Math.min(confidence, 0.6);
  const raw = original.slice(s, e);
  const unitAsWritten = asWritten(ctx.src, e - unit.length, e, unit);
  const scope = scopeBefore(ctx, s);
  if (scope && subject?.startsWith(scope) && subject.length > scope.length + 1) subject = subject.slice(scope.length);
  const target: Target = {
    raw,
    value,
    max,
    unit: unitAsWritten,
    comparator,
    subject,
    scope,
    year: yearBefore(norm, s, ctx.floor ?? 0) ?? ctx.planYear,
    confidence,
    span: [s, e],
  };
  if (confidence < 0.7) {
    ctx.warnings.push(warning('target_uncertain', subject ? { raw, subject } : { raw }, [s, e]));
  }
  return target;
}

const PHRASE_END = new CodeSet(codesOf('。;!?,:、()“”《》\n\r\t|'));
const SENTENCE_END = new CodeSet(codesOf('。;!?\n\r'));
const DIRECTION = new CodeSet(codesOf('东南西北中部'));
const PLACE_END = new CodeSet(codesOf('市县区州'));

function subjectAfter(src: SourceText, e: number): string | null {
  const { norm, original } = src;
  let j = e;
  while (j < norm.length && j - e < 24 && !PHRASE_END.has(norm.charCodeAt(j))) j++;
  let text = norm.slice(e, j);
  const lead = /^(?:及以上|以上|以内|以下|之内|左右)/.exec(text);
  if (lead) {
    text = text.slice(lead[0].length);
    e += lead[0].length;
  }
  // 1-2座的标准: the figure qualifies what follows 的; what it counts is named before it.
  if (text.startsWith('的')) return null;
  let cut = text.length;
  for (const w of SUBJECT_CUT) {
    const k = text.indexOf(w, 2);
    if (k >= 0 && k < cut) cut = k;
  }
  text = text.slice(0, cut);
  const trimmed = text.replace(SUBJECT_TRIM_END, '');
  if (trimmed.length < 2) return null;
  return original.slice(e, e + trimmed.length).trim() || null;
}

const LEADING_NOISE = /^(?:[0-9]{4}年|全年|年内|每年|力争|确保|其中|累计|全省|推动|支持|指导|推进|督促)+/;
const TRAILING_COMPARATOR = new RegExp(
  `(?:${[...GREATER_BEFORE, ...LESS_BEFORE, '为', '约', '共', '总计', '合计', '原则上', '分别', '均', '应', '要', '需', '须']
    .sort((a, b) => b.length - a.length)
    .join('|')})+\\s*$`,
);

function subjectBefore(src: SourceText, s: number, floor: number): string | null {
  const { norm, original } = src;
  let j = s;
  while (j > floor && s - j < 30 && !PHRASE_END.has(norm.charCodeAt(j - 1))) j--;
  const text = norm.slice(j, s);
  const lead = LEADING_NOISE.exec(text);
  const from = j + (lead ? lead[0].length : 0);
  const tail = TRAILING_COMPARATOR.exec(norm.slice(from, s));
  const to = tail ? s - tail[0].length : s;
  const subject = original.slice(from, to).trim();
  return subject.length >= 2 ? subject : null;
}

function sentenceStart(norm: string, s: number, max: number, floor: number): number {
  let j = s;
  while (j > floor && s - j < max && !SENTENCE_END.has(norm.charCodeAt(j - 1))) j--;
  return j;
}

/**
 * The place named nearest before the figure in its clause (指导长沙市完成…, 支持长沙建设…):
 * a name ending in 市/县/区/州 that the registry knows, or a bare prefecture name (长沙) that
 * it knows as an alias and that is not the start of a longer name (长沙县 is a county).
 */
function scopeBefore(ctx: TargetContext, s: number): string | null {
  const { norm } = ctx.src;
  // Within the figure's own clause: 推动长沙县完成5个,湘西北地区建成2个 puts no place on 2个.
  let from = sentenceStart(norm, s, 40, ctx.floor ?? 0);
  for (let k = s - 1; k >= from; k--) {
    if (norm.charCodeAt(k) === 0x2c) {
      from = k + 1;
      break;
    }
  }
  for (let k = s - 1; k >= from; k--) {
    if (PLACE_END.has(norm.charCodeAt(k))) {
      for (let len = 2; len <= 7 && k + 1 - len >= from; len++) {
        const name = norm.slice(k + 1 - len, k + 1);
        if (!isCjk(name.charCodeAt(0))) break;
        const place = ctx.resolver.place(name);
        if (place) return place;
      }
    }
    const bare = barePlaceEndingAt(ctx, from, k);
    if (bare) return bare;
  }
  return null;
}

/** A bare place name (长沙, 张家界) ending at k and not continued by 市/县/区/州 or a CJK letter of a longer name. */
function barePlaceEndingAt(ctx: TargetContext, from: number, k: number): string | null {
  const { norm } = ctx.src;
  const next = norm.charCodeAt(k + 1);
  // 长沙县 is a county, 湘西北 a direction.
  if (PLACE_END.has(next) || DIRECTION.has(next)) return null;
  for (let len = 2; len <= 3 && k + 1 - len >= from; len++) {
    const start = k + 1 - len;
    const name = norm.slice(start, k + 1);
    if (!allCjk(name)) break;
    const place = ctx.resolver.place(name);
    if (place && place.startsWith(name) && place.length > name.length) return place;
  }
  return null;
}

function allCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCjk(s.charCodeAt(i))) return false;
  return true;
}

function yearBefore(norm: string, s: number, floor: number): number | null {
  const from = sentenceStart(norm, s, 200, floor);
  const text = norm.slice(from, s);
  const re = /([0-9]{4})年/g;
  let m: RegExpExecArray | null;
  let year: number | null = null;
  while ((m = re.exec(text)) !== null) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) year = y;
  }
  return year;
}
