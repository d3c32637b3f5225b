import type { Writable } from 'node:stream';
import { authorize } from '../domain/policy.js';
import type { StoredValue } from '../domain/register-values.js';
import { writeRegisterWorkbook } from '../office/register-xlsx.js';
import type { RegionLists } from '../office/register-xlsx.js';
import type { ServiceContext } from './support/context.js';
import { filteredRows } from './list-register-rows.js';
import type { RowQuery } from './list-register-rows.js';
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

/** Rows of a filtered view, read in pages of 1,000 by id so memory stays flat. */
async function* pagedRows(ctx: ServiceContext, register: LoadedRegister, query: RowQuery): AsyncGenerator<Record<string, StoredValue>> {
  let after = 0;
  const rows = await filteredRows(ctx, register, query);
  for (;;) {
    const page = await rows.select(['id', 'data']).where('id', '>', after).orderBy('id').limit(1000).execute();
    for (const r of page) yield rowValues(r.data);
    if (page.length < 1000) return;
    after = page[page.length - 1]!.id;
  }
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
