import type { Writable } from 'node:stream';
import { authorize, ownRegion, provincialOffice } from '../domain/policy.js';
import type { StoredValue } from '../domain/register-values.js';
import { writeRegisterWorkbook } from '../office/register-xlsx.js';
import type { RegionLists } from '../office/register-xlsx.js';
import type { ServiceContext } from './support/context.js';
import { filteredRows, sortedIds } from './list-register-rows.js';
import type { RowQuery } from './list-register-rows.js';
import { currentValues } from '../domain/register-values.js';
import { loadRegister, rowValues } from './support/register-store.js';
import type { LoadedRegister } from './support/register-store.js';

/** The names a region column's drop-down offers: the registry's 市州 and 县市区. */
export async function regionLists(ctx: ServiceContext): Promise<RegionLists> {
  const units = await ctx.db
    .selectFrom('units')
    .select(['short_name', 'kind'])
    .where('kind', 'in', ['prefecture', 'county'])
    .where('division_code', 'is not', null)
    .orderBy('division_code')
    .execute();
  return {
    prefectures: units.filter((u) => u.kind === 'prefecture').map((u) => u.short_name),
    counties: units.filter((u) => u.kind === 'county').map((u) => u.short_name),
  };
}

export async function registerForDownload(id: number, ctx: ServiceContext): Promise<{ register: LoadedRegister; regions: RegionLists }> {
  authorize(ctx.actor, 'register.read');
  return { register: await loadRegister(ctx.db, id), regions: await regionLists(ctx) };
}

/**
 * Rows of a filtered view in the rows page's order. Unsorted: read in pages of 1,000 by id, so
 * memory stays flat. Sorted by a field: the ids are read in that order first (a number each),
 * then the rows 1,000 at a time.
 */
async function* pagedRows(ctx: ServiceContext, register: LoadedRegister, query: RowQuery): AsyncGenerator<Record<string, StoredValue>> {
  const rows = await filteredRows(ctx, register, query);
  if (query.sort && query.sort !== 'id') {
    const ids = (await (await sortedIds(ctx, register, query)).execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const byId = new Map((await ctx.db.selectFrom('register_rows').select(['id', 'data']).where('id', 'in', chunk).execute()).map((r) => [r.id, r.data]));
      for (const id of chunk) if (byId.has(id)) yield currentValues(register.definition, rowValues(byId.get(id)));
    }
    return;
  }
  const desc = query.order === 'desc';
  let after: number | null = null;
  for (;;) {
    let page = rows.select(['id', 'data']);
    if (after !== null) page = page.where('id', desc ? '<' : '>', after);
    const found = await page.orderBy('id', desc ? 'desc' : 'asc').limit(1000).execute();
    for (const r of found) yield currentValues(register.definition, rowValues(r.data));
    if (found.length < 1000) return;
    after = found[found.length - 1]!.id;
  }
}

/**
 * What an export covers by default: a 市州's or 县市区's user (office, reporter or signatory
 * of that region) gets the rows of its own region unless it names a region or asks for all
 * (`all=true`); the provincial office and everyone else get every row.
 */
export async function exportQuery(ctx: ServiceContext, query: RowQuery, all: boolean): Promise<RowQuery> {
  if (all || query.region !== undefined || ctx.actor.kind !== 'user' || provincialOffice(ctx.actor)) return query;
  const region = ownRegion(ctx.actor);
  if (region === undefined) return query;
  const unit = await ctx.db.selectFrom('units').select('kind').where('id', '=', region).executeTakeFirst();
  return unit?.kind === 'prefecture' || unit?.kind === 'county' ? { ...query, region } : query;
}

/** The template (no rows) or the export of a filtered view, streamed to `out`. */
export async function writeRegisterFile(
  kind: 'template' | 'export',
  id: number,
  query: RowQuery,
  out: Writable,
  ctx: ServiceContext,
  lang: 'zh' | 'en',
): Promise<void> {
  const { register, regions } = await registerForDownload(id, ctx);
  await writeRegisterWorkbook(out, register.definition, regions, kind === 'export' ? pagedRows(ctx, register, query) : null, lang);
}
