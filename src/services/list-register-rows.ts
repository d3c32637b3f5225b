import { sql } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';
import { jsonNumber, jsonText, jsonWhole } from '../db/json-fields.js';
import { sortIndexTerm, sortKeyOrder } from '../db/register-indexes.js';
import type { Database } from '../db/schema.js';
import { fail } from '../domain/errors.js';
import { authorize, can } from '../domain/policy.js';
import { fieldByName } from '../domain/register-definition.js';
import { currentValues, parseDate } from '../domain/register-values.js';
import type { RowValues } from '../domain/register-values.js';
import type { ServiceContext } from './support/context.js';
import { cachePerDatabase, dataVersion } from './support/data-version.js';
import { loadRegister, rowValues } from './support/register-store.js';
import type { LoadedRegister } from './support/register-store.js';

export interface RowQuery {
  page?: number | undefined;
  pageSize?: number | undefined;
  /** A field name, or omitted for the order rows were added in. */
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  /** Substring anywhere in the row. */
  q?: string | undefined;
  /** A unit id: rows of that 市州 or 县市区. */
  region?: number | undefined;
  /** Exact values by field name (enum, region, boolean as 是/否, text, numbers). */
  filters?: Record<string, string> | undefined;
  /**
   * Inclusive ranges by field name, for date, number and integer fields (`f.<field>.from`,
   * `f.<field>.to`): dates as YYYY-MM-DD (or any form an import accepts), numbers as numbers.
   */
  ranges?: Record<string, { from?: string | undefined; to?: string | undefined }> | undefined;
}

export interface RegisterRowView {
  id: number;
  values: RowValues;
  version: number;
  canEdit: boolean;
}

type RowsQuery = SelectQueryBuilder<Database, 'register_rows', object>;

/**
 * The filtered rows of a register, as a query both the page and the export use. With
 * `sortIndex`, a query sorted by a field over the whole register (no region) finds the
 * register's rows by the field's sort index (see db/register-indexes.ts); a region's rows are
 * fewer, found on the region's own index and sorted.
 */
export async function filteredRows(ctx: ServiceContext, register: LoadedRegister, query: RowQuery, options: { sortIndex?: boolean } = {}): Promise<RowsQuery> {
  const bySortIndex = options.sortIndex === true && query.sort !== undefined && query.sort !== 'id' && query.region === undefined;
  let q: RowsQuery = bySortIndex
    ? ctx.db.selectFrom('register_rows').where(sortIndexTerm(ctx.dialect, register.id))
    : ctx.db.selectFrom('register_rows').where('register_id', '=', register.id);
  if (query.region !== undefined) {
    // One column per kind of region, so the filter runs on its own index (an OR of the two
    // columns would scan the whole register).
    const unit = await ctx.db.selectFrom('units').select('kind').where('id', '=', query.region).executeTakeFirst();
    q = q.where(unit?.kind === 'county' ? 'county_id' : 'prefecture_id', '=', query.region);
  }
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`${jsonWhole(ctx.dialect, 'data')} LIKE ${needle} ESCAPE '\\'`);
  }
  for (const [name, raw] of Object.entries(query.filters ?? {})) {
    const field = fieldByName(register.definition, name);
    if (!field) throw fail('cell_unknown_field', { field: name });
    let value = raw.trim();
    if (field.type === 'boolean') {
      const yes = ['是', 'true', '1', 'yes'].includes(value.toLowerCase());
      value = ctx.dialect === 'postgres' ? String(yes) : yes ? '1' : '0';
    }
    q = q.where(jsonText(ctx.dialect, 'data', name), '=', value);
  }
  for (const [name, range] of Object.entries(query.ranges ?? {})) {
    const field = fieldByName(register.definition, name);
    if (!field) throw fail('cell_unknown_field', { field: name });
    if (field.type !== 'date' && field.type !== 'number' && field.type !== 'integer') throw fail('register_filter_not_range', { field: name });
    for (const [bound, raw] of [['>=', range.from], ['<=', range.to]] as const) {
      if (raw === undefined || raw.trim() === '') continue;
      if (field.type === 'date') {
        const date = parseDate(raw);
        if (date === null) throw fail('register_filter_bad_bound', { field: name, value: raw });
        // Stored dates are YYYY-MM-DD text: the text order is the calendar's.
        q = q.where(jsonText(ctx.dialect, 'data', name), bound, date);
      } else {
        const n = Number(raw.trim());
        if (!Number.isFinite(n)) throw fail('register_filter_bad_bound', { field: name, value: raw });
        q = q.where(jsonNumber(ctx.dialect, 'data', name), bound, n);
      }
    }
  }
  return q;
}

/**
 * The filtered rows' ids in the page's order: by a field (then id), or by id. Sorted by a
 * field, the register's sort index for that field gives the order (db/register-indexes.ts):
 * the query names the register by the index's own term and orders by the index's very
 * expression. `reverse` reads the same order from the other end (deep pages, see
 * listRegisterRows).
 */
export async function sortedIds(ctx: ServiceContext, register: LoadedRegister, query: RowQuery, reverse = false) {
  let ids = (await filteredRows(ctx, register, query, { sortIndex: true })).select('id');
  const desc = (query.order === 'desc') !== reverse;
  if (query.sort && query.sort !== 'id') {
    if (!fieldByName(register.definition, query.sort)) throw fail('cell_unknown_field', { field: query.sort });
    ids = ids.orderBy(sortKeyOrder(ctx.dialect, query.sort, desc ? 'desc' : 'asc'));
  }
  return ids.orderBy('id', desc ? 'desc' : 'asc');
}

/**
 * How many rows a filter matches, kept under the data version (support/data-version.ts):
 * counting a million rows costs more than the page itself, and it changes only with a write.
 */
const totals = cachePerDatabase<number>(2000);

async function countRows(ctx: ServiceContext, register: LoadedRegister, base: RowsQuery, query: RowQuery): Promise<number> {
  const version = await dataVersion(ctx.db);
  const key = JSON.stringify([register.id, query.region ?? null, query.q?.trim() ?? '', query.filters ?? {}, query.ranges ?? {}]);
  const cache = totals(ctx.db);
  const known = cache.get(key, version);
  if (known !== undefined) return known;
  const count = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  cache.set(key, version, count);
  return count;
}

export async function listRegisterRows(id: number, query: RowQuery, ctx: ServiceContext): Promise<{ rows: RegisterRowView[]; total: number }> {
  authorize(ctx.actor, 'register.read');
  const register = await loadRegister(ctx.db, id);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, query.pageSize ?? 20));
  const base = await filteredRows(ctx, register, query);
  const total = await countRows(ctx, register, base, query);
  // Deferred join: the page's ids are chosen on the indexes alone (register_id, id),
  // (register_id, region, id) or a field's sort index, so a deep OFFSET skips index entries,
  // not JSON documents; only the page's own rows are then read whole. A page past the middle
  // is read from the other end, reversed: the last page costs what the first does, and no
  // page skips more than half the rows.
  const offset = (page - 1) * pageSize;
  const end = Math.min(offset + pageSize, total);
  let pageIds: number[];
  if (offset >= total) pageIds = [];
  else if (offset > total / 2) {
    const ids = await sortedIds(ctx, register, query, true);
    pageIds = (await ids.limit(end - offset).offset(total - end).execute()).map((r) => r.id).reverse();
  } else {
    pageIds = (await (await sortedIds(ctx, register, query)).limit(pageSize).offset(offset).execute()).map((r) => r.id);
  }
  const byId = new Map(
    pageIds.length === 0
      ? []
      : (await ctx.db.selectFrom('register_rows').select(['id', 'data', 'version', 'prefecture_id', 'county_id']).where('id', 'in', pageIds).execute()).map((r) => [r.id, r]),
  );
  const found = pageIds.map((rowId) => byId.get(rowId)).filter((r) => r !== undefined);
  return {
    total,
    rows: found.map((r) => ({
      id: r.id,
      values: currentValues(register.definition, rowValues(r.data)),
      version: r.version,
      canEdit: can(ctx.actor, 'register.row.write', { regionIds: [r.prefecture_id, r.county_id] }),
    })),
  };
}
