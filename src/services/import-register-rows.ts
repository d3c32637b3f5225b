import { messagesOf } from '../domain/errors.js';
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import { authorize, can } from '../domain/policy.js';
import { regionField } from '../domain/register-definition.js';
import { sameValues, validateRow } from '../domain/register-values.js';
import type { RowValues, StoredValue, ValidRow } from '../domain/register-values.js';
import { readRegisterRows } from '../office/register-xlsx.js';
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
const BATCH = 1000;

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
  const seenKeys = new Map<string, number>();
  const expected = Math.max(0, (report.sheets.find((s) => s.state === 'visible')?.lastRow ?? 1) - 1);
  let read = 0;

  const reject = (row: number, values: Record<string, StoredValue>, errors: { column: string; code: ErrorCode; params: ErrorParams; value: StoredValue }[]) => {
    result.rejected++;
    const listed = errors.map((e) => ({ row, column: e.column, value: e.value, message: message(e.code, e.params) }));
    for (const e of listed) if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(e);
    if (rejectedRows.length < MAX_REJECTED_KEPT) rejectedRows.push({ row, values, errors: listed.map((e) => ({ column: e.column, message: e.message })) });
  };

  const work = async (trx: Tx | null) => {
    const at = nowIso(ctx);
    const change = trx ? await openChange(trx, ctx.actor, ctx.clock, register.id, 'import') : null;
    let batch: { row: number; valid: ValidRow; raw: Record<string, StoredValue>; outside: boolean }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      options.onProgress?.(read, Math.max(read, expected));
      // Looked up even when nothing will be written (a dry run, or an atomic import that has
      // already failed), so every row's answer — and every region error — is still given.
      const existing = await (trx ?? ctx.db)
        .selectFrom('register_rows')
        .select(['id', 'row_key', 'data', 'version', 'prefecture_id', 'county_id'])
        .where('register_id', '=', register.id)
        .where(
          'row_key',
          'in',
          current.map((b) => b.valid.key),
        )
        .execute();
      const byKey = new Map(existing.map((e) => [e.row_key, e]));
      const inserts: { register_id: number; row_key: string; data: string; prefecture_id: number | null; county_id: number | null; version: number; created_at: string; updated_at: string }[] = [];
      const insertedValues: RowValues[] = [];
      const updates: { id: number; version: number; valid: ValidRow; before: RowValues }[] = [];
      for (const { row, valid, raw, outside } of current) {
        const found = byKey.get(valid.key);
        const before = found ? rowValues(found.data) : null;
        if (found && before && sameValues(definition, before, valid.values)) {
          // Unchanged, whoever's region it is: a 市州 may send back the whole export it downloaded.
          result.unchanged++;
          continue;
        }
        if (outside || (found && !can(ctx.actor, 'register.row.write', { regionIds: [found.prefecture_id, found.county_id] }))) {
          const region = String((outside ? raw[prefectureField] : before?.[prefectureField]) ?? '');
          const code: ErrorCode = found ? 'row_out_of_region_changed' : 'row_out_of_region';
          reject(row, raw, [{ column: prefectureField, code, params: { region }, value: raw[prefectureField] ?? null }]);
          continue;
        }
        if (!found) {
          inserts.push({ register_id: register.id, row_key: valid.key, data: JSON.stringify(valid.values), prefecture_id: valid.prefectureId, county_id: valid.countyId, version: 1, created_at: at, updated_at: at });
          insertedValues.push(valid.values);
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
        await trx
          .updateTable('register_rows')
          .set({ data: JSON.stringify(u.valid.values), prefecture_id: u.valid.prefectureId, county_id: u.valid.countyId, version: u.version + 1, updated_at: at })
          .where('id', '=', u.id)
          .execute();
        changes.push({ rowId: u.id, before: u.before, after: u.valid.values });
      }
      result.updated += updates.length;
      if (inserts.length > 0) {
        const ids = await trx.insertInto('register_rows').values(inserts).returning('id').execute();
        ids.forEach((r, i) => changes.push({ rowId: r.id, before: null, after: insertedValues[i]!, afterJson: inserts[i]!.data }));
        result.added += inserts.length;
      }
      await change.add(changes);
    };

    for await (const sheetRow of readRegisterRows(options.bytes, report, definition)) {
      read++;
      const raw: Record<string, StoredValue> = {};
      for (const [k, v] of Object.entries(sheetRow.values)) raw[k] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
      for (const p of sheetRow.problems) raw[p.column] = p.value;
      const problems = sheetRow.problems.map((p) => ({ column: p.column, code: p.code as ErrorCode, params: { error: p.error ?? '' }, value: p.value }));
      const input = { ...sheetRow.values };
      for (const p of sheetRow.problems) delete input[p.column];
      const { row, issues } = validateRow(definition, input, resolve);
      const all = [...problems, ...issues.filter((i) => !sheetRow.problems.some((p) => p.column === i.field)).map((i) => ({ column: i.field, code: i.code, params: i.params, value: i.value }))];
      if (!row || all.length > 0) {
        reject(sheetRow.row, raw, all);
      } else {
        const first = seenKeys.get(row.key);
        if (first !== undefined) {
          reject(sheetRow.row, raw, [{ column: keyColumn, code: 'row_duplicate_key', params: { row: first, key: (JSON.parse(row.key) as unknown[]).join(' / ') }, value: raw[keyColumn] ?? null }]);
        } else {
          seenKeys.set(row.key, sheetRow.row);
          // A row of another region is refused only if it would change something (see flush).
          const outside = !can(ctx.actor, 'register.row.write', { regionIds: [row.prefectureId, row.countyId] });
          batch.push({ row: sheetRow.row, valid: row, raw, outside });
        }
      }
      if (batch.length >= BATCH || read % BATCH === 0) await flush();
    }
    await flush();
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

