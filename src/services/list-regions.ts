import type { ServiceContext } from './support/context.js';

/** The administrative divisions (province, 市州, 县市区) by id and name: public facts. */
export async function listRegions(ctx: ServiceContext): Promise<{ id: number; name: string; kind: string; divisionCode: string | null }[]> {
  const rows = await ctx.db
    .selectFrom('units')
    .select(['id', 'short_name', 'kind', 'division_code'])
    .where('kind', 'in', ['province', 'prefecture', 'county'])
    .where('division_code', 'is not', null)
    .orderBy('division_code')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.short_name, kind: r.kind, divisionCode: r.division_code }));
}
