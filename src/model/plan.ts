/**
 * The plan model: the parser's output contract (issue 3), which domain rules, services and
 * the web app read. It lives below both `parse/` and `domain/` so neither imports the other
 * for it. Every span is `[start, end)` in JavaScript string offsets into the decoded text,
 * and `text.slice(start, end) === raw` wherever a fact carries `raw`, with one exception: a fact
 * joined from a table's cell that wraps over lines — of a table drawn with box characters
 * (parse/box-table.ts) or aligned by spaces (parse/layout-table.ts: 市财 ⏎ 政局) — has the joined
 * characters as its raw (市财政局), and its span runs from its first character to just past its last,
 * over the text between them (see joinedFromCell in model/plan-spans.ts).
 */
import type { Span } from './span.js';

/**
 * lead: the first-listed or 牵头 unit; cooperate: 配合 and the other listed units;
 * localities: collective phrases (各市州政府, 各地, 各省级有关部门) standing for many units.
 */
export type ResponsibleRole = 'lead' | 'cooperate' | 'localities';

export interface Responsible {
  raw: string;
  unit: string | null;
  role: ResponsibleRole;
  /** Members of a collective phrase when the registry knows them; otherwise empty. */
  expands: string[];
  span: Span;
}

/** `≈`: about (20%左右, 约20%). */
export type Comparator = '=' | '>=' | '<=' | '≈' | 'range';

export interface Target {
  raw: string;
  value: number;
  /** Upper bound of a range (`1-2个` → value 1, max 2); null otherwise. */
  max: number | null;
  /** Unit of measure as written (套, 个, %, 个百分点 …). */
  unit: string;
  comparator: Comparator;
  /** What is counted, in the document's words; null when it cannot be told. */
  subject: string | null;
  /** Where: a place the registry knows (长沙市), or null for the plan's whole area. */
  scope: string | null;
  year: number | null;
  /** 0–1; below 0.7 the parser also emits a `target_uncertain` warning. */
  confidence: number;
  span: Span;
}

export interface ParsedSection {
  /** The numeral as written, without its 、 (二) or the 第…部分 wrapper. */
  number: string;
  /** 1-based position among the plan's sections. */
  ordinal: number;
  title: string;
  /** The heading line. */
  span: Span;
}

/** How often repeated work is done; `ongoing` for 长期坚持, 持续推进. */
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'ongoing';

/** An item's 完成时限 (or 时间节点, 频次) as a division table states it. */
export interface Schedule {
  /** The cell as written: 2021年底前, 每季度, 长期坚持. */
  raw: string;
  /** ISO date (YYYY-MM-DD) the item is due: the last day of the period named (2021年底前 → 2021-12-31). */
  due: string | null;
  frequency: Frequency | null;
  span: Span;
}

export interface ParsedItem {
  /** Marker as written without its trailing 、 or . — (一), 1, (1); '' for unnumbered tasks. */
  number: string;
  /** 1-based position among all items of the plan. */
  ordinal: number;
  /** Ordinal of the enclosing section, or null when the plan has no sections. */
  section: number | null;
  /** Text up to the first 。, without the number. */
  title: string;
  /** The item's text without its number marker. */
  text: string;
  /** The whole item, number marker included. */
  span: Span;
  responsible: Responsible[];
  targets: Target[];
  /** The item's sentences (ending at 。;!? or a line end), without its number and without a closing responsibility bracket. */
  clauses: Clause[];
  /** Deadline or frequency from a division table's 完成时限 or 频次 column, or from a 完成时限: label in the item's text; absent when the plan states none. */
  schedule?: Schedule;
}

export interface Clause {
  text: string;
  span: Span;
}

export interface Contact {
  name: string;
  phones: string[];
  faxes: string[];
}

export interface CoverLetter {
  title: string | null;
  issuer: string | null;
  /** ISO date (YYYY-MM-DD) of issue. */
  date: string | null;
  /** ISO date (YYYY-MM-DD) by which replies are due. */
  deadline: string | null;
  recipients: string[];
  contacts: Contact[];
  emails: string[];
  attachments: string[];
}

/**
 * What the parser could not settle by itself. A warning is stored as a code with parameters
 * and rendered in the reader's language (the web app's catalogue); `message` is the
 * parser's own zh-CN rendering, for the CLI and for readers of the JSON.
 */
export const WARNING_CODES = [
  'unit_corrected',
  'unit_unknown',
  'responsibility_missing',
  'responsibility_unclear',
  'responsibility_carried',
  /** 责任领导/责任处室: people or offices inside a unit, not units; left out. */
  'responsibility_not_unit',
  /** 同上, (与"…"分工相同): the referenced item is not in the document. */
  'responsibility_reference_unresolved',
  'target_uncertain',
  'numbering_irregular',
  'title_missing',
  'no_structure',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Facts a warning names, as written in the document (raw names, numbers) or as ordinals.
 * `reason` narrows a code where it has several causes, and picks the message variant:
 * - unit_unknown: `other_province` (a 省… name in another province's document), `level_unstated`
 *   (a bare 发展改革委 in a national, city or county document; `level` says which);
 * - unit_corrected: `level_assumed` (a bare name read as the registry's province's unit);
 * - responsibility_carried: `limit` (too many carried units: items after this carry none).
 */
export type WarningParams = Record<string, string | number>;

export interface ParseWarning {
  code: WarningCode;
  params: WarningParams;
  /** zh-CN rendering, e.g. `单位名称已纠正:省卫建委 → 省卫健委`. */
  message: string;
  span: Span;
}

export interface ParsedPlan {
  title: string;
  letter: CoverLetter | null;
  sections: ParsedSection[];
  items: ParsedItem[];
  warnings: ParseWarning[];
}
