import { syncSortIndexes } from '../db/register-indexes.js';
import { AppError, fail, messagesOf } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { checkDefinition } from '../domain/register-definition.js';
import type { RegisterDefinition } from '../domain/register-definition.js';
import { currentValues, validateRow } from '../domain/register-values.js';
import type { StoredValue } from '../domain/register-values.js';
import { columnLetter } from '../office/register-xlsx.js';
import { appendAudit } from './support/audit-trail.js';
import { computeRegisterRollups, ensureRollupIndicators, fedIndicator } from './support/compute-register-rollups.js';
import type { Tx } from './support/context.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getRegister } from './get-register.js';
import type { RegisterView } from './get-register.js';
import { loadRegister, regionResolver, rowValues } from './support/register-store.js';

export interface InvalidRow {
  id: number;
  key: string;
  /** The row's line in an unfiltered, unsorted export (header on line 1, rows by id). */
  excelRow: number;
  issues: { column: string; excelColumn: string; value: StoredValue; message: string }[];
}

export interface RemovedField {
  name: string;
  rowsWithValue: number;
}

const MAX_LISTED = 1000;

function parseDefinition(input: unknown): RegisterDefinition {
  const { definition, issues } = checkDefinition(input);
  if (!definition) {
    throw new AppError('register_definition_invalid', {
      zh: messagesOf('register_definition_invalid', { issues: issues.map((i) => i.zh).join('；') }).zh,
      en: messagesOf('register_definition_invalid', { issues: issues.map((i) => i.en).join('; ') }).en,
    }, { issues });
  }
  return definition;
}

/** A rule's `feeds` must name an existing indicator that is not itself a register's roll-up. */
async function checkFeeds(trx: Tx, definition: RegisterDefinition): Promise<void> {
  for (const rule of definition.rollups) {
    if (rule.feeds !== undefined && (await fedIndicator(trx, rule.feeds)) === null) throw fail('register_rollup_feeds_unknown', { rule: rule.name, feeds: String(rule.feeds) });
  }
}

/** Adds a register from its definition: no code, just data. */
export async function createRegister(input: unknown, ctx: ServiceContext): Promise<RegisterView> {
  authorize(ctx.actor, 'register.define');
  const definition = parseDefinition(input);
  const id = await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('registers').select('id').where('key', '=', definition.key).executeTakeFirst();
    if (clash) throw fail('register_key_exists', { key: definition.key });
    await checkFeeds(trx, definition);
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('registers')
      .values({ key: definition.key, name: definition.name, definition: JSON.stringify(definition), builtin: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ensureRollupIndicators(trx, row.id, definition, at);
    await syncSortIndexes(trx, ctx.dialect, { id: row.id, fields: definition.fields.map((f) => f.name) });
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'register.create', entity: 'register', entityId: row.id, detail: { definition } });
    return row.id;
  });
  return getRegister(id, ctx);
}

/**
 * Changes a register's definition. Existing rows are checked against the new one and the
 * rows it no longer accepts are listed, each with its key and its cell in the export (their
 * values stay as they are until someone fixes them; an edit must then satisfy the new rules).
 * A removed field counts against no row: its values are ignored, and dropped when the row is
 * next written (see currentValues); the answer counts the rows that hold one. With `check`,
 * nothing is saved: the office sees the consequences first.
 */
export async function updateRegisterDefinition(
  id: number,
  input: unknown,
  options: { check: boolean; lang: 'zh' | 'en' },
  ctx: ServiceContext,
): Promise<{ register: RegisterView; invalidRows: InvalidRow[]; invalidCount: number; removedFields: RemovedField[] }> {
  authorize(ctx.actor, 'register.define');
  const before = await loadRegister(ctx.db, id);
  const definition = parseDefinition(input);
  if (definition.key !== before.key) throw fail('register_definition_invalid', { issues: 'key' });
  const { resolve } = await regionResolver(ctx.db);
  const invalidRows: InvalidRow[] = [];
  let invalidCount = 0;
  // Rows are read in id order, the order of an unfiltered, unsorted export: the n-th row read
  // is on line n + 1 of the sheet (the header is line 1).
  let excelRow = 1;
  const letters = new Map(definition.fields.map((f, i) => [f.name, columnLetter(i)]));
  const removed = new Map(before.definition.fields.filter((f) => !letters.has(f.name)).map((f) => [f.name, 0]));
  let after = 0;
  for (;;) {
    const page = await ctx.db.selectFrom('register_rows').select(['id', 'data']).where('register_id', '=', id).where('id', '>', after).orderBy('id').limit(2000).execute();
    for (const r of page) {
      excelRow++;
      const stored = rowValues(r.data);
      for (const [name, count] of removed) if (stored[name] !== undefined && stored[name] !== null && stored[name] !== '') removed.set(name, count + 1);
      const { issues } = validateRow(definition, currentValues(definition, stored), resolve);
      if (issues.length === 0) continue;
      invalidCount++;
      if (invalidRows.length < MAX_LISTED) {
        invalidRows.push({
          id: r.id,
          key: before.definition.uniqueKey.map((k) => (stored[k] === undefined || stored[k] === null ? '' : String(stored[k]))).join(' / '),
          excelRow,
          issues: issues.map((i) => ({ column: i.field, excelColumn: letters.get(i.field) ?? '', value: i.value, message: messagesOf(i.code, i.params)[options.lang] })),
        });
      }
    }
    if (page.length < 2000) break;
    after = page[page.length - 1]!.id;
  }
  const removedFields = [...removed].filter(([, n]) => n > 0).map(([name, rowsWithValue]) => ({ name, rowsWithValue }));
  if (!options.check) {
    await inTransaction(ctx, async (trx) => {
      await checkFeeds(trx, definition);
      const at = nowIso(ctx);
      await trx.updateTable('registers').set({ name: definition.name, definition: JSON.stringify(definition), updated_at: at }).where('id', '=', id).execute();
      // A field added gets its sort index, a field removed loses it (ADR 0004).
      await syncSortIndexes(trx, ctx.dialect, { id, fields: definition.fields.map((f) => f.name) });
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'register.define',
        entity: 'register',
        entityId: id,
        detail: { before: before.definition, after: definition, invalidRows: invalidCount },
      });
      await computeRegisterRollups(trx, ctx.dialect, { id, definition }, at);
    });
  }
  return { register: await getRegister(id, ctx), invalidRows, invalidCount, removedFields };
}
