/**
 * Output contract of the plan parser (issue 3). Every span is `[start, end)` in JavaScript
 * string offsets into the decoded text, and `text.slice(start, end) === raw` wherever a
 * fact carries `raw`.
 */
export type Span = [number, number];

/** What a registry says about a unit name found in a document. */
export interface UnitMatch {
  /** The registry's canonical short name, e.g. 省住房城乡建设厅. */
  canonical: string;
  /** Set when the name in the text was a known mistake or a near miss (省卫建委). */
  correctedFrom?: string;
  /** The name was a known variant spelling rather than the unit's own name. */
  variant?: boolean;
}

/** The parser's only view of the organisation registry. */
export interface UnitResolver {
  /** Canonical unit for a name as written, or null when the registry does not know it. */
  resolve(name: string): UnitMatch | null;
  /** Member units of a collective phrase such as 各市州政府, or null when unknown. */
  expandLocality(phrase: string): string[] | null;
  /** Canonical name of a place (长沙市) the registry knows as a government, else null. */
  place(name: string): string | null;
}

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

export type Comparator = '=' | '>=' | '<=' | 'range';

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

export const WARNING_CODES = [
  'unit_corrected',
  'unit_unknown',
  'responsibility_missing',
  'responsibility_unclear',
  'responsibility_carried',
  'target_uncertain',
  'numbering_irregular',
  'title_missing',
  'no_structure',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ParseWarning {
  code: WarningCode;
  /** Chinese message naming the fact, e.g. `单位名称已纠正:省卫建委 → 省卫健委`. */
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

export interface ParseOptions {
  resolver: UnitResolver;
}
