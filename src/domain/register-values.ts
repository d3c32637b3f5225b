import type { ErrorCode, ErrorParams } from './errors.js';
import type { FieldDefinition, RegionLevel, RegisterDefinition } from './register-definition.js';
import { regionField } from './register-definition.js';

/**
 * Row validation for registers: one function used by the page's edits, the API and every
 * imported spreadsheet row, so a value is accepted or refused the same way wherever it comes
 * from. Values arrive loosely typed (a cell can hold a number, a string, a date or nothing)
 * and leave in one stored form per type:
 *
 * text, attachment → string · number, integer → number · date → 'YYYY-MM-DD' ·
 * enum → one of the values · region → the registry's unit name · boolean → true/false.
 */
export type CellInput = string | number | boolean | Date | null | undefined;
export type StoredValue = string | number | boolean | null;
export type RowValues = Record<string, StoredValue>;

export interface RegionRef {
  id: number;
  name: string;
  parentId: number | null;
}

/** Finds a unit of the given level by its name, short name or alias. */
export type RegionResolver = (name: string, level: RegionLevel) => RegionRef | null;

export interface CellIssue {
  field: string;
  code: ErrorCode;
  params: ErrorParams;
  value: StoredValue;
}

export interface ValidRow {
  values: RowValues;
  /** The unique key's values as canonical JSON (register_rows.row_key). */
  key: string;
  prefectureId: number | null;
  countyId: number | null;
}

const DEFAULT_MAX_LENGTH = 500;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是', '×']);

/** How a raw input is shown back in an error: dates as YYYY-MM-DD, blanks as null. */
export function displayValue(input: CellInput): StoredValue {
  if (input === undefined || input === null) return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : isoDate(input);
  if (typeof input === 'string') return input.length > 200 ? `${input.slice(0, 200)}…` : input;
  return input;
}

function isoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function isBlank(input: CellInput): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The text itself when it is already a valid YYYY-MM-DD (what exports and most cells hold), else null. */
function canonicalDate(text: string): string | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    if (i < 4) year = year * 10 + d;
    else if (i < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  // Years before 100 take the slow path, which reads them as Date.UTC does (the same answer as before).
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : null;
}

/** An Excel serial day (1900 date system) as YYYY-MM-DD, by arithmetic on the civil calendar. */
function serialDate(serial: number): string {
  // Days since 1970-01-01, then Howard Hinnant's civil-from-days.
  const z = serial - 25_569 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A calendar date from the forms clerks type: 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日, or an Excel serial day. */
export function parseDate(input: CellInput): string | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : isoDate(input);
  if (typeof input === 'number') {
    // Excel serial days (1900 date system), for cells that lost their date format.
    if (!Number.isInteger(input) || input < 1 || input > 2_958_465) return null;
    return serialDate(input);
  }
  if (typeof input !== 'string') return null;
  const canonical = canonicalDate(input);
  if (canonical !== null) return canonical;
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(input);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

function parseNumber(input: CellInput): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  const text = input.trim().replace(/[,，\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const patterns = new Map<string, RegExp>();

/** A field's pattern compiled once (an import tests it on every row). */
function patternOf(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    if (patterns.size < 1000) patterns.set(pattern, re);
  }
  return re;
}

const SLOW = Symbol('slow');

/**
 * The stored value when the input is already in its stored form (a number in range, a trimmed
 * text within its limit, a canonical date, a listed enum value): what almost every imported cell
 * is. Anything else is SLOW and goes through coerceValue, which gives the same answer or the
 * reason for a refusal; this only spares the work and the objects of the general path.
 */
function storedAlready(field: FieldDefinition, input: CellInput): StoredValue | typeof SLOW {
  if (input === null || input === undefined) return field.required ? SLOW : null;
  switch (field.type) {
    case 'text':
    case 'attachment':
    case 'region':
      return typeof input === 'string' && input.length > 0 && field.pattern === undefined && input.length <= (field.maxLength ?? DEFAULT_MAX_LENGTH) && input.trim().length === input.length ? input : SLOW;
    case 'enum':
      return typeof input === 'string' && input.length > 0 && input.trim().length === input.length && field.values?.includes(input) ? input : SLOW;
    case 'number':
    case 'integer':
      if (typeof input !== 'number' || !Number.isFinite(input) || (field.type === 'integer' && !Number.isInteger(input))) return SLOW;
      return (field.min !== undefined && input < field.min) || (field.max !== undefined && input > field.max) ? SLOW : input;
    case 'date': {
      const d = typeof input === 'string' ? canonicalDate(input) : null;
      if (d === null) return SLOW;
      const year = Number(d.slice(0, 4));
      return (field.minYear !== undefined && year < field.minYear) || (field.maxYear !== undefined && year > field.maxYear) ? SLOW : d;
    }
    case 'boolean':
      return typeof input === 'boolean' ? input : SLOW;
    default: {
      const unreachable: never = field.type;
      return unreachable;
    }
  }
}

const knownFields = new WeakMap<RegisterDefinition, Set<string>>();

type FieldResult = { ok: true; value: StoredValue } | { ok: false; code: ErrorCode; params?: ErrorParams };

/** One value against its field (regions excepted: they need the registry, see validateRow). */
export function coerceValue(field: FieldDefinition, input: CellInput): FieldResult {
  if (isBlank(input)) return field.required ? { ok: false, code: 'cell_required' } : { ok: true, value: null };
  switch (field.type) {
    case 'text':
    case 'attachment': {
      const text = (input instanceof Date ? isoDate(input) : String(input)).trim();
      const max = field.maxLength ?? DEFAULT_MAX_LENGTH;
      if (text.length > max) return { ok: false, code: 'cell_too_long', params: { max } };
      if (field.pattern !== undefined && !patternOf(field.pattern).test(text)) {
        return { ok: false, code: 'cell_pattern_mismatch', params: { pattern: field.pattern } };
      }
      return { ok: true, value: text };
    }
    case 'number':
    case 'integer': {
      const n = parseNumber(input instanceof Date ? null : input);
      if (n === null || typeof input === 'boolean') return { ok: false, code: field.type === 'integer' ? 'cell_not_integer' : 'cell_not_number' };
      if (field.type === 'integer' && !Number.isInteger(n)) return { ok: false, code: 'cell_not_integer' };
      if (field.min !== undefined && n < field.min) return { ok: false, code: 'cell_below_min', params: { min: field.min } };
      if (field.max !== undefined && n > field.max) return { ok: false, code: 'cell_above_max', params: { max: field.max } };
      return { ok: true, value: n };
    }
    case 'date': {
      const d = typeof input === 'boolean' ? null : parseDate(input);
      if (d === null) return { ok: false, code: 'cell_not_date' };
      const year = Number(d.slice(0, 4));
      if ((field.minYear !== undefined && year < field.minYear) || (field.maxYear !== undefined && year > field.maxYear)) {
        return { ok: false, code: 'cell_date_out_of_range', params: { min: field.minYear ?? '', max: field.maxYear ?? '' } };
      }
      return { ok: true, value: d };
    }
    case 'enum': {
      const text = String(input instanceof Date ? isoDate(input) : input).trim();
      if (!field.values?.includes(text)) return { ok: false, code: 'cell_not_in_list', params: { values: (field.values ?? []).join('、') } };
      return { ok: true, value: text };
    }
    case 'boolean': {
      if (typeof input === 'boolean') return { ok: true, value: input };
      const word = String(input instanceof Date ? '' : input).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, code: 'cell_not_boolean' };
    }
    case 'region': {
      // Resolved against the registry by validateRow; here only its text.
      const text = String(input instanceof Date ? '' : input).trim();
      return text ? { ok: true, value: text } : { ok: false, code: 'cell_required' };
    }
    default: {
      const unreachable: never = field.type;
      return unreachable;
    }
  }
}

/**
 * Validates one row's values against the definition. Fields the definition does not list
 * are refused (an edit naming a column that does not exist is a mistake, not a no-op); a
 * county must lie in the row's prefecture.
 */
export function validateRow(
  definition: RegisterDefinition,
  input: Record<string, CellInput>,
  resolve: RegionResolver,
): { row: ValidRow | null; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const values: RowValues = {};
  let known = knownFields.get(definition);
  if (!known) knownFields.set(definition, (known = new Set(definition.fields.map((f) => f.name))));
  for (const name in input) {
    if (!known.has(name)) issues.push({ field: name, code: 'cell_unknown_field', params: { field: name }, value: displayValue(input[name]) });
  }
  const regions: Partial<Record<RegionLevel, RegionRef>> = {};
  for (const field of definition.fields) {
    const raw = input[field.name];
    let value = storedAlready(field, raw);
    if (value === SLOW) {
      const result = coerceValue(field, raw);
      if (!result.ok) {
        issues.push({ field: field.name, code: result.code, params: result.params ?? {}, value: displayValue(raw) });
        continue;
      }
      value = result.value;
    }
    if (field.type === 'region' && typeof value === 'string' && field.level) {
      const unit = resolve(value, field.level);
      if (!unit) {
        issues.push({ field: field.name, code: field.level === 'prefecture' ? 'cell_unknown_prefecture' : 'cell_unknown_county', params: {}, value: displayValue(raw) });
        continue;
      }
      regions[field.level] = unit;
      values[field.name] = unit.name;
    } else {
      values[field.name] = value;
    }
  }
  const prefecture = regions.prefecture;
  const county = regions.county;
  if (prefecture && county && county.parentId !== prefecture.id) {
    const countyField = regionField(definition, 'county')!;
    issues.push({ field: countyField.name, code: 'cell_county_outside_prefecture', params: { prefecture: prefecture.name }, value: county.name });
  }
  if (issues.length > 0) return { row: null, issues };
  return {
    row: {
      values,
      key: rowKey(definition, values),
      prefectureId: prefecture?.id ?? (county ? county.parentId : null),
      countyId: county?.id ?? null,
    },
    issues,
  };
}

/**
 * A stored row's values for the fields the definition has now. A field removed from the
 * definition keeps its value in the stored row (and in the row's history) until the row is
 * next written, when it is dropped; meanwhile it is neither shown, validated nor merged into
 * an edit, so removing a field never makes a row impossible to edit.
 */
export function currentValues(definition: RegisterDefinition, stored: RowValues): RowValues {
  const values: RowValues = {};
  for (const f of definition.fields) if (f.name in stored) values[f.name] = stored[f.name]!;
  return values;
}

export function rowKey(definition: RegisterDefinition, values: RowValues): string {
  return JSON.stringify(definition.uniqueKey.map((k) => values[k] ?? null));
}

/** True when two rows hold the same values (the stored forms, in field order). */
export function sameValues(definition: RegisterDefinition, a: RowValues, b: RowValues): boolean {
  return definition.fields.every((f) => (a[f.name] ?? null) === (b[f.name] ?? null));
}
