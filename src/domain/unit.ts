/** Kinds of organisational unit in the registry. */
export const UNIT_KINDS = ['office', 'province', 'department', 'prefecture', 'county', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit as the rest of the system sees it (API shape). */
export interface Unit {
  id: number;
  /** Stable ASCII code: a GB/T 2260 division code for governments, an abbreviation for departments. */
  code: string;
  /** Full official name, e.g. 湖南省住房和城乡建设厅. */
  name: string;
  /** Short name as documents use it, e.g. 省住房城乡建设厅. */
  shortName: string;
  /** Other names and known variants (including common mistakes such as 省住建厅). */
  aliases: string[];
  kind: UnitKind;
  parentId: number | null;
  /** GB/T 2260 code for administrative divisions, null for departments and offices. */
  divisionCode: string | null;
  /** Member of the plan's leading group (成员单位). */
  member: boolean;
}

/**
 * A unit as registry data (import/export files, seed data): ids are database-specific,
 * so the parent is named by its code.
 */
export interface UnitRecord {
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
  /** Names seen in documents that should be written otherwise (省卫建委 for 省卫健委): accepted
   * like aliases, but a parser that meets one warns and names the correction. */
  variants?: string[];
  kind: UnitKind;
  parentCode: string | null;
  divisionCode: string | null;
  /** Member of the plan's leading group (成员单位). */
  member?: boolean;
}

export interface RegistryFile {
  format: 'luoshi-registry';
  version: 1;
  units: UnitRecord[];
}

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}
