// Pure helpers between a register's stored values and the page: how a value is shown, and
// what an edit form sends back. Kept out of JSX so they can be tested.

export type StoredValue = string | number | boolean | null;

export interface FieldLike {
  name: string;
  type: string;
}

/** The text a cell shows: booleans as 是/否 (or Yes/No), blanks as a dash. */
export function displayValue(value: StoredValue | undefined, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}

/** The changed fields of an edit, in the stored forms (empty inputs clear the field). */
export function changedValues(fields: readonly FieldLike[], before: Record<string, StoredValue>, form: Record<string, unknown>): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const f of fields) {
    if (!(f.name in form)) continue;
    let v = form[f.name] as StoredValue | undefined;
    if (v === undefined || v === '') v = null;
    if (typeof v === 'string') v = v.trim();
    if ((before[f.name] ?? null) !== v) out[f.name] = v;
  }
  return out;
}

/** The fields changed between two versions of a row (for its history). */
export function diffFields(before: Record<string, StoredValue> | null, after: Record<string, StoredValue> | null): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names].filter((n) => (before?.[n] ?? null) !== (after?.[n] ?? null));
}
