import { AppError, fail, messagesOf } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { currentValues, sameValues, validateRow } from '../domain/register-values.js';
import type { CellInput, RowValues } from '../domain/register-values.js';
import { computeRegisterRollups } from './support/compute-register-rollups.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import type { RegisterRowView } from './list-register-rows.js';
import { loadRegister, openChange, regionResolver, rowValues } from './support/register-store.js';

export interface UpdateRowInput {
  /** The fields to change, by name; others keep their values. null clears a field. */
  values: Record<string, string | number | boolean | null>;
  /** The version the editor saw: a later change by someone else is a conflict, not overwritten. */
  version?: number | undefined;
}

/**
 * Edits one row with the same validation as an import. The editor must hold the row's
 * region both before and after the edit (a 市州 cannot move a row out of its region, nor into
 * another's). Audited with before and after; the roll-ups of the regions touched follow.
 */
export async function updateRegisterRow(registerId: number, rowId: number, input: UpdateRowInput, ctx: ServiceContext): Promise<RegisterRowView> {
  authorize(ctx.actor, 'register.read');
  const register = await loadRegister(ctx.db, registerId);
  const { resolve } = await regionResolver(ctx.db);
  return inTransaction(ctx, async (trx) => {
    const current = await trx
      .selectFrom('register_rows')
      .select(['id', 'data', 'version', 'prefecture_id', 'county_id'])
      .where('id', '=', rowId)
      .where('register_id', '=', registerId)
      .executeTakeFirst();
    if (!current) throw fail('register_row_not_found');
    authorize(ctx.actor, 'register.row.write', { regionIds: [current.prefecture_id, current.county_id] });
    if (input.version !== undefined && input.version !== current.version) throw fail('register_row_changed');
    const before = rowValues(current.data);
    // Only the fields the definition has now: a removed field's stored value is dropped here.
    const merged: Record<string, CellInput> = { ...currentValues(register.definition, before), ...input.values };
    const { row, issues } = validateRow(register.definition, merged, resolve);
    if (!row) {
      const text = (lang: 'zh' | 'en') => issues.map((i) => `${i.field}: ${messagesOf(i.code, i.params)[lang]}`).join('; ');
      throw new AppError(
        'register_row_invalid',
        { zh: messagesOf('register_row_invalid', { issues: text('zh') }).zh, en: messagesOf('register_row_invalid', { issues: text('en') }).en },
        { issues: issues.map((i) => ({ field: i.field, code: i.code, value: i.value })) },
      );
    }
    authorize(ctx.actor, 'register.row.write', { regionIds: [row.prefectureId, row.countyId] });
    const view = (values: RowValues, version: number): RegisterRowView => ({ id: rowId, values, version, canEdit: true });
    if (sameValues(register.definition, before, row.values)) return view(currentValues(register.definition, before), current.version);
    const clash = await trx
      .selectFrom('register_rows')
      .select('id')
      .where('register_id', '=', registerId)
      .where('row_key', '=', row.key)
      .where('id', '!=', rowId)
      .executeTakeFirst();
    if (clash) throw fail('register_key_taken', { key: JSON.parse(row.key).join(' / ') });
    const at = nowIso(ctx);
    const result = await trx
      .updateTable('register_rows')
      .set({ data: JSON.stringify(row.values), row_key: row.key, prefecture_id: row.prefectureId, county_id: row.countyId, version: current.version + 1, updated_at: at })
      .where('id', '=', rowId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw fail('register_row_changed');
    const changed = register.definition.fields.map((f) => f.name).filter((n) => (before[n] ?? null) !== (row.values[n] ?? null));
    const change = await openChange(trx, ctx.actor, ctx.clock, registerId, 'edit');
    await change.add([{ rowId, before, after: row.values }]);
    await change.close(
      { rowId, fields: changed },
      {
        before: Object.fromEntries(changed.map((n) => [n, before[n] ?? null])),
        after: Object.fromEntries(changed.map((n) => [n, row.values[n] ?? null])),
      },
    );
    const touched = [current.prefecture_id, row.prefectureId].filter((p): p is number => p !== null);
    await computeRegisterRollups(trx, ctx.dialect, register, at, touched);
    return view(row.values, current.version + 1);
  });
}
