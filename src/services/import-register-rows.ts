import type { Insertable } from 'kysely';
import { BulkInsert, ShapedQuery } from '../db/bulk-insert.js';
import type { Database } from '../db/schema.js';
import { messagesOf } from '../domain/errors.js';
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import { authorize, can } from '../domain/policy.js';
import { regionField } from '../domain/register-definition.js';
import { sameValues, validateRow } from '../domain/register-values.js';
import type { RowValues, StoredValue, ValidRow } from '../domain/register-values.js';
import { readRegisterRows } from '../office/register-xlsx.js';
import type { SheetRow } from '../office/register-xlsx.js';
import { DEFAULT_XLSX_LIMITS, inspectXlsx } from '../office/xlsx-guard.js';
import { computeRegisterRollups } from './support/compute-register-rollups.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadRegister, openChange, regionResolver, rowValues } from './support/register-store.js';
import type { RowChange } from './support/register-store.js';

export type ImportMode = 'atomic' | 'partial';

export interface ImportError {
  /** The row number as Excel shows it. */
  row: number;
  column: string;
  value: StoredValue;
  message: string;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
}

/** A rejected row with its values as sent, for the error workbook. */
export interface RejectedRow {
  row: number;
  values: Record<string, StoredValue>;
  errors: { column: string; message: string }[];
}

export interface ImportOptions {
  registerId: number;
  bytes: Buffer;
  mode: ImportMode;
  lang: 'zh' | 'en';
  /** Called every batch with the rows read so far and the sheet's declared size (progress bars). */
  onProgress?: (rowsRead: number, rowsExpected: number) => void;
  /** Called once every row is read, before the roll-ups and the commit. */
  onFinishing?: (rowsRead: number) => void;
  /** Validate only; never write (the error workbook). */
  dryRun?: boolean;
}

/** At most this many errors are listed; `rejected` still counts every bad row. */
export const MAX_LISTED_ERRORS = 1000;
const MAX_REJECTED_KEPT = 10_000;
/** Rows written per statement (a multi-row INSERT of 250 × 8 values stays well inside every placeholder limit). */
const WRITE_BATCH = 250;
/** Progress is reported every this many rows read. */
const PROGRESS_EVERY = 1000;
const NO_ISSUES: never[] = [];

type RowInsert = Omit<Insertable<Database['register_rows']>, 'id'> & Record<string, unknown>;
const ROW_COLUMNS = ['register_id', 'row_key', 'data', 'prefecture_id', 'county_id', 'version', 'created_at', 'updated_at'] as const;

/** A row's values as sent (dates as YYYY-MM-DD, unreadable cells as shown), for the error answer and workbook. */
function rawValues(sheetRow: SheetRow): Record<string, StoredValue> {
  const raw: Record<string, StoredValue> = {};
  for (const [k, v] of Object.entries(sheetRow.values)) raw[k] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
  for (const p of sheetRow.problems) raw[p.column] = p.value;
  return raw;
}

/** Whether the actor may write a row of this 市州 and 县市区, remembered per pair (an import asks 100,000 times). */
function regionCheck(ctx: ServiceContext): (prefectureId: number | null, countyId: number | null) => boolean {
  const known = new Map<number | null, Map<number | null, boolean>>();
  return (prefectureId, countyId) => {
    let counties = known.get(prefectureId);
    if (!counties) known.set(prefectureId, (counties = new Map()));
    let may = counties.get(countyId);
    if (may === undefined) {
      may = can(ctx.actor, 'register.row.write', { regionIds: [prefectureId, countyId] });
      counties.set(countyId, may);
    }
    return may;
  };
}

class Rollback extends Error {}

/** Checked before the upload is read, so a user who may not import never sends a body in. */
export function assertMayImport(ctx: ServiceContext): void {
  authorize(ctx.actor, 'register.import');
}

/**
 * Imports a register's rows from an .xlsx file: the file is inspected (size, zip bomb,
 * merged cells, hidden sheets) before anything is parsed, then streamed row by row;
 * each row is validated like an edit, checked against the importer's region, and upserted
 * by the unique key in batches. In atomic mode any error rolls everything back; in partial
 * mode the valid rows are written and the others listed. One change set and audit event
 * per import; roll-ups are recomputed in the same transaction.
 */
export async function importRegisterRows(options: ImportOptions, ctx: ServiceContext): Promise<{ result: ImportResult; rejectedRows: RejectedRow[] }> {
  assertMayImport(ctx);
  const report = await inspectXlsx(options.bytes, { ...DEFAULT_XLSX_LIMITS, maxBytes: ctx.config.maxUploadBytes });
  const register = await loadRegister(ctx.db, options.registerId);
  const { definition } = register;
  const { resolve } = await regionResolver(ctx.db);
  const lang = options.lang;
  const message = (code: ErrorCode, params: ErrorParams = {}) => messagesOf(code, params)[lang];
  const prefectureField = regionField(definition, 'prefecture')?.name ?? definition.fields[0]!.name;
  const keyColumn = definition.uniqueKey[0]!;

  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
  const rejectedRows: RejectedRow[] = [];
  // Every key read so far with its row, to refuse a key the file repeats (one entry per row: the
  // one thing an import keeps that grows with the file, besides the shared strings).
  const seenKeys = new Map<string, number>();
  const expected = Math.max(0, (report.sheets.find((s) => s.state === 'visible')?.lastRow ?? 1) - 1);
  let read = 0;
  const mayWrite = regionCheck(ctx);

  const reject = (row: number, values: Record<string, StoredValue>, errors: { column: string; code: ErrorCode; params: ErrorParams; value: StoredValue }[]) => {
    result.rejected++;
    const listed = errors.map((e) => ({ row, column: e.column, value: e.value, message: message(e.code, e.params) }));
    for (const e of listed) if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(e);
    if (rejectedRows.length < MAX_REJECTED_KEPT) rejectedRows.push({ row, values, errors: listed.map((e) => ({ column: e.column, message: e.message })) });
  };

  // Statements of a fixed shape, compiled once per batch size (src/db/bulk-insert.ts).
  const insertRows = new BulkInsert<RowInsert>(ctx.db, 'register_rows', ROW_COLUMNS, WRITE_BATCH, ['id', 'row_key']);
  const findRows = new ShapedQuery((n) =>
    ctx.db
      .selectFrom('register_rows')
      .select(['id', 'row_key', 'data', 'version', 'prefecture_id', 'county_id'])
      .where('register_id', '=', 0)
      .where('row_key', 'in', Array.from({ length: n }, () => '')),
  );
  const updateRow = new ShapedQuery(() =>
    ctx.db.updateTable('register_rows').set({ data: '', prefecture_id: null, county_id: null, version: 0, updated_at: '' }).where('id', '=', 0),
  );

  const work = async (trx: Tx | null) => {
    const at = nowIso(ctx);
    const change = trx ? await openChange(trx, ctx.actor, ctx.clock, register.id, 'import') : null;
    let batch: { sheetRow: SheetRow; valid: ValidRow; outside: boolean }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      // Looked up even when nothing will be written (a dry run, or an atomic import that has
      // already failed), so every row's answer — and every region error — is still given.
      const keys: unknown[] = [register.id];
      for (const b of current) keys.push(b.valid.key);
      const existing = await findRows.run<{ id: number; row_key: string; data: unknown; version: number; prefecture_id: number | null; county_id: number | null }>(trx ?? ctx.db, current.length, keys);
      const byKey = new Map(existing.map((e) => [e.row_key, e]));
      const inserts: RowInsert[] = [];
      const insertedValues = new Map<string, { values: RowValues; json: string }>();
      const updates: { id: number; version: number; valid: ValidRow; before: RowValues }[] = [];
      for (const { sheetRow, valid, outside } of current) {
        const found = byKey.get(valid.key);
        const before = found ? rowValues(found.data) : null;
        if (found && before && sameValues(definition, before, valid.values)) {
          // Unchanged, whoever's region it is: a 市州 may send back the whole export it downloaded.
          result.unchanged++;
          continue;
        }
        if (outside || (found && !can(ctx.actor, 'register.row.write', { regionIds: [found.prefecture_id, found.county_id] }))) {
          const raw = rawValues(sheetRow);
          const region = String((outside ? raw[prefectureField] : before?.[prefectureField]) ?? '');
          const code: ErrorCode = found ? 'row_out_of_region_changed' : 'row_out_of_region';
          reject(sheetRow.row, raw, [{ column: prefectureField, code, params: { region }, value: raw[prefectureField] ?? null }]);
          continue;
        }
        if (!found) {
          const data = JSON.stringify(valid.values);
          inserts.push({ register_id: register.id, row_key: valid.key, data, prefecture_id: valid.prefectureId, county_id: valid.countyId, version: 1, created_at: at, updated_at: at });
          insertedValues.set(valid.key, { values: valid.values, json: data });
        } else {
          updates.push({ id: found.id, version: found.version, valid, before: before! });
        }
      }
      if (!trx || !change || (options.mode === 'atomic' && result.rejected > 0)) {
        // Nothing is written; the counts say what would have been.
        result.added += inserts.length;
        result.updated += updates.length;
        return;
      }
      const changes: RowChange[] = [];
      for (const u of updates) {
        const data = JSON.stringify(u.valid.values);
        await updateRow.run(trx, 1, [data, u.valid.prefectureId, u.valid.countyId, u.version + 1, at, u.id]);
        changes.push({ rowId: u.id, before: u.before, after: u.valid.values, afterJson: data });
      }
      result.updated += updates.length;
      if (inserts.length > 0) {
        // Matched by key, not by position: the order of RETURNING is not promised.
        const ids = await insertRows.run<{ id: number; row_key: string }>(trx, inserts);
        for (const r of ids) {
          const inserted = insertedValues.get(r.row_key)!;
          changes.push({ rowId: Number(r.id), before: null, after: inserted.values, afterJson: inserted.json });
        }
        result.added += inserts.length;
      }
      await change.add(changes);
    };

    for await (const sheetRow of readRegisterRows(options.bytes, report, definition)) {
      read++;
      if (read % PROGRESS_EVERY === 0) options.onProgress?.(read, Math.max(read, expected));
      let input = sheetRow.values;
      let problems: { column: string; code: ErrorCode; params: ErrorParams; value: StoredValue }[] = NO_ISSUES;
      if (sheetRow.problems.length > 0) {
        problems = sheetRow.problems.map((p) => ({ column: p.column, code: p.code as ErrorCode, params: { error: p.error ?? '' }, value: p.value }));
        input = { ...sheetRow.values };
        for (const p of sheetRow.problems) delete input[p.column];
      }
      const { row, issues } = validateRow(definition, input, resolve);
      if (!row || problems.length > 0 || issues.length > 0) {
        const all = [...problems, ...issues.filter((i) => !sheetRow.problems.some((p) => p.column === i.field)).map((i) => ({ column: i.field, code: i.code, params: i.params, value: i.value }))];
        reject(sheetRow.row, rawValues(sheetRow), all);
      } else {
        const first = seenKeys.get(row.key);
        if (first !== undefined) {
          const raw = rawValues(sheetRow);
          reject(sheetRow.row, raw, [{ column: keyColumn, code: 'row_duplicate_key', params: { row: first, key: (JSON.parse(row.key) as unknown[]).join(' / ') }, value: raw[keyColumn] ?? null }]);
        } else {
          seenKeys.set(row.key, sheetRow.row);
          // A row of another region is refused only if it would change something (see flush).
          batch.push({ sheetRow, valid: row, outside: !mayWrite(row.prefectureId, row.countyId) });
        }
      }
      if (batch.length >= WRITE_BATCH) await flush();
    }
    await flush();
    if (read % PROGRESS_EVERY !== 0) options.onProgress?.(read, Math.max(read, expected));
    options.onFinishing?.(read);
    if (!trx || !change) return;
    if (options.mode === 'atomic' && result.rejected > 0) throw new Rollback();
    if (result.added + result.updated === 0) throw new Rollback(); // nothing to record
    await change.close({ mode: options.mode, added: result.added, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected });
    await computeRegisterRollups(trx, ctx.dialect, register, at);
  };

  if (options.dryRun) {
    await work(null);
    return { result, rejectedRows };
  }
  try {
    await inTransaction(ctx, work);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (options.mode === 'atomic' && result.rejected > 0) {
    // Nothing was written: say so in the counts.
    return { result: { ...result, added: 0, updated: 0, unchanged: 0 }, rejectedRows };
  }
  return { result, rejectedRows };
}

