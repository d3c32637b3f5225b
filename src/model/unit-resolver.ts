/**
 * The parser's only view of the organisation registry. The parser takes one as an argument;
 * the catalog implements it over a Registry, tests over plain lists.
 */
/** What a registry says about a unit name found in a document. */
export interface UnitMatch {
  /** The registry's canonical short name, e.g. 省住房城乡建设厅. */
  canonical: string;
  /** Set when the name in the text was a known mistake or a near miss (省卫建委). */
  correctedFrom?: string;
  /** The name was a known variant spelling rather than the unit's own name. */
  variant?: boolean;
}

export interface UnitResolver {
  /** Canonical unit for a name as written, or null when the registry does not know it. */
  resolve(name: string): UnitMatch | null;
  /** Member units of a collective phrase such as 各市州政府, or null when unknown. */
  expandLocality(phrase: string): string[] | null;
  /** Canonical name of a place (长沙市) the registry knows as a government, else null. */
  place(name: string): string | null;
}
