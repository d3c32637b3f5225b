/** Chinese numeral conversion: 二十二 → 22, 两千 → 2000, 一百零五 → 105, 二〇二一 → 2021. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** 1 = digit, 2 = 十/百/千, 3 = 万/亿, by UTF-16 code unit: the parser asks this of every character. */
const KIND = new Uint8Array(0x10000);
for (const ch of Object.keys(DIGITS)) KIND[ch.charCodeAt(0)] = 1;
for (const ch of Object.keys(SMALL_UNITS)) KIND[ch.charCodeAt(0)] = 2;
for (const ch of Object.keys(BIG_UNITS)) KIND[ch.charCodeAt(0)] = 3;

/** 0 when the code unit is no Chinese numeral character, else its class (see KIND). */
export function numeralKind(code: number): number {
  return KIND[code] ?? 0;
}

export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && KIND[ch.charCodeAt(0)] !== 0;
}

export function isChineseDigit(ch: string): boolean {
  return ch.length === 1 && KIND[ch.charCodeAt(0)] === 1;
}

/** Value by code unit: the digit's value for KIND 1, the unit's for KIND 2 and 3. */
const VALUE = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(DIGITS)) VALUE[ch.charCodeAt(0)] = v;
for (const [ch, v] of Object.entries(SMALL_UNITS)) VALUE[ch.charCodeAt(0)] = v;
for (const [ch, v] of Object.entries(BIG_UNITS)) VALUE[ch.charCodeAt(0)] = v;

/**
 * Value of a Chinese numeral, or null when the string is not one. A string of bare digits
 * without any 十/百/千 (二〇二一) is read digit by digit, as years are written.
 */
export function chineseToNumber(s: string): number | null {
  if (s.length === 0 || s.length > 24) return null;
  let hasUnit = false;
  for (let i = 0; i < s.length; i++) {
    const k = KIND[s.charCodeAt(i)] ?? 0;
    if (k === 0) return null;
    if (k !== 1) hasUnit = true;
  }
  if (!hasUnit) {
    let v = 0;
    for (let i = 0; i < s.length; i++) v = v * 10 + (VALUE[s.charCodeAt(i)] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastBig = Infinity;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const k = KIND[code] ?? 0;
    const v = VALUE[code] ?? 0;
    if (k === 1) {
      if (digit !== null && digit !== 0 && v !== 0) return null; // 二三十: two digits in a row
      digit = v;
    } else if (k === 2) {
      section += (digit ?? 1) * v;
      digit = null;
    } else {
      if (v >= lastBig) return null;
      lastBig = v;
      total += (section + (digit ?? 0)) * v;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Integer from Arabic or Chinese digits, e.g. for dates written either way. */
export function toInteger(s: string): number | null {
  if (/^[0-9]{1,9}$/.test(s)) return Number(s);
  return chineseToNumber(s);
}
