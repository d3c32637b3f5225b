import { canonicalJson } from '../model/canonical-json.js';
import type { ParsedItem, ParseWarning } from '../model/plan.js';
import { sm3 } from '../model/sm3.js';

/**
 * Which parser warnings a person has checked (审核), and which item each one is about.
 *
 * A check is stored against the warning's key, not its position in the list: the list is
 * rebuilt by every re-parse, and a better parser may add or drop warnings before it. The key
 * is the warning's code, its span in the version's text (which never changes: a new text is
 * a new version) and a digest of its parameters — so parsing the same text again gives the
 * same key for the same finding, and a check made before the re-parse still applies; a
 * warning that says something else about the same passage (another canonical unit name, say)
 * is a new warning, to be checked again. Two warnings with the same key say the same thing
 * about the same passage, and are checked together.
 */

/** `code.start.end.digest`: letters, digits, underscores and dots only, so it fits in a URL path (contract: `warningParams`). */
export function warningKey(warning: Pick<ParseWarning, 'code' | 'span'> & { params?: ParseWarning['params'] }): string {
  const digest = sm3(canonicalJson(warning.params ?? {})).slice(0, 12);
  return `${warning.code}.${warning.span[0]}.${warning.span[1]}.${digest}`;
}

/**
 * The item a warning is about: the one its parameters name (`item`, an ordinal), else the
 * one whose text holds the warning's passage; null for warnings about the whole document
 * (no title, no structure) or the cover letter.
 */
export function warningItem(items: readonly Pick<ParsedItem, 'ordinal' | 'span'>[], warning: Pick<ParseWarning, 'span'> & { params?: ParseWarning['params'] }): number | null {
  const named = warning.params?.item;
  if (typeof named === 'number' && items.some((i) => i.ordinal === named)) return named;
  const [start, end] = warning.span;
  if (end <= start) return null;
  const holder = items.find((i) => i.span[0] <= start && end <= i.span[1]);
  return holder?.ordinal ?? null;
}
