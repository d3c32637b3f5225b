/**
 * Traditional → simplified characters, for matching only: the parser reads 牽頭單位 as 牵头单位
 * and 國土房管局 as 国土房管局, while every `raw` and span stays in the document's own characters.
 *
 * The data is OpenCC's (through opencc-js): its Hong Kong and Taiwan variant tables first
 * (爲/為, 眾/衆 to OpenCC's standard forms), then its traditional → simplified characters.
 * Only one-character-to-one-character entries within the Basic Multilingual Plane are used,
 * so a folded text has the same length as the original and every offset stays valid.
 * Phrase-level conversions are not needed for matching: unit names and role words fold
 * character by character.
 */
import { from, to } from 'opencc-js/preset/t2cn';

type Dict = string | readonly (readonly [string, string])[];

function entries(dict: Dict): [string, string][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  const out: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space < 0) continue;
    // Several candidates are separated by spaces: the first is OpenCC's default.
    const value = entry.slice(space + 1).split(' ')[0] ?? '';
    out.push([entry.slice(0, space), value]);
  }
  return out;
}

function single(s: string): number | null {
  return s.length === 1 ? s.charCodeAt(0) : null;
}

/** Code unit → folded code unit for every character OpenCC simplifies; unchanged otherwise. */
export function scriptFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const variants = [...(from.hk ?? []), ...(from.tw ?? [])].flat();
  const simplify = (to.cn ?? []).flat();
  const variantMap = new Map<number, number>();
  for (const dict of variants) {
    for (const [k, v] of entries(dict)) {
      const a = single(k);
      const b = single(v);
      if (a !== null && b !== null && !variantMap.has(a)) variantMap.set(a, b);
    }
  }
  for (const dict of simplify) {
    for (const [k, v] of entries(dict)) {
      const a = single(k);
      const b = single(v);
      if (a !== null && b !== null && a !== b) table[a] = b;
    }
  }
  // A regional variant folds to OpenCC's standard traditional form, then to its simplified one.
  for (const [a, b] of variantMap) table[a] = table[b] ?? b;
  return table;
}
