/**
 * Name normalisation for registry lookups. Pure string functions; the Registry decides
 * what to do with the keys.
 */

/** NFKC folds full-width letters/digits/space to half-width; then every kind of space goes. */
export function cleanName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
}

/** How documents of one province refer to it: 湖南省公安厅 is written 省公安厅 inside Hunan. */
export interface ProvinceFold {
  /** 湖南省, 广西壮族自治区, 北京市. */
  provinceName: string;
  /** The word that stands for the province inside its own documents: 省, 自治区 or 市 (州, 县, 区, 旗 for a local registry). */
  levelWord: string;
}

export function provinceFold(provinceName: string): ProvinceFold {
  const name = cleanName(provinceName).replace(/人民政府$/u, '');
  // A city's or a county's registry folds its own name the same way (成都市发改委 ≡ 市发改委).
  const levelWord = name.endsWith('自治区')
    ? '自治区'
    : name.endsWith('市')
      ? '市'
      : name.endsWith('州')
        ? '州'
        : name.endsWith('县')
          ? '县'
          : name.endsWith('区')
            ? '区'
            : name.endsWith('旗')
              ? '旗'
              : '省';
  return { provinceName: name, levelWord };
}

const GOVERNMENT_SUFFIX = /(人民政府|政府)$/u;

function stripPrefix(name: string, fold: ProvinceFold | null): string {
  if (!fold) return name;
  if (name.startsWith(fold.provinceName)) return name.slice(fold.provinceName.length);
  if (name.startsWith(fold.levelWord)) return name.slice(fold.levelWord.length);
  return name;
}

/**
 * Drops 人民政府/政府 at the end. A bare 政府 is kept unless a province prefix was removed
 * before it (省政府 names the province; 政府 alone names nobody).
 */
function stripSuffix(name: string, prefixRemoved: boolean): string {
  const stripped = name.replace(GOVERNMENT_SUFFIX, '');
  return stripped === '' && !prefixRemoved ? name : stripped;
}

/**
 * The canonical key: 湖南省公安厅, 省公安厅 and 公安厅 share 公安厅; 长沙市人民政府, 长沙市政府
 * and 湖南省长沙市 share 长沙市; 湖南省人民政府, 省政府 and 湖南省 share '' (the province).
 */
export function canonicalKey(name: string, fold: ProvinceFold | null): string {
  const clean = cleanName(name);
  const unprefixed = stripPrefix(clean, fold);
  return stripSuffix(unprefixed, unprefixed !== clean);
}

/**
 * The key without removing a prefix. Lets 市场监管局 still find 市市场监管局 in a
 * municipality, where the level word 市 is also the first character of real names.
 */
export function suffixOnlyKey(name: string): string {
  return stripSuffix(cleanName(name), false);
}

/**
 * True when a and b differ by at most one insertion, deletion, substitution or swap of two
 * adjacent characters. Works on code points, so CJK extension characters count as one.
 */
export function withinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: readonly string[], from: number) => x.slice(from).join('\u0000');
  if (a.length === b.length) {
    if (rest(a, i + 1) === rest(b, i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2); // swap
  }
  return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
}
