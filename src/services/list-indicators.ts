import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface IndicatorView {
  id: number;
  key: string | null;
  name: string;
  unit: string;
  /** task (a plan's target), register (a register's roll-up) or manual (entered statistics). */
  source: string;
  comparator: string | null;
  target: number | null;
  year: number | null;
  registerId: number | null;
  planId: number | null;
  public: boolean;
  updatedAt: string;
}

export interface IndicatorValue {
  unitId: number;
  period: string;
  value: number;
  target?: number;
  source: string;
}

type Row = {
  id: number;
  key: string | null;
  name: string;
  unit: string;
  source: string;
  comparator: string | null;
  target: number | null;
  year: number | null;
  register_id: number | null;
  plan_id: number | null;
  public: number;
  updated_at: string;
};

function view(r: Row): IndicatorView {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    unit: r.unit,
    source: r.source,
    comparator: r.comparator,
    target: r.target === null ? null : Number(r.target),
    year: r.year,
    registerId: r.register_id,
    planId: r.plan_id,
    public: r.public === 1,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = ['id', 'key', 'name', 'unit', 'source', 'comparator', 'target', 'year', 'register_id', 'plan_id', 'public', 'updated_at'] as const;

/** Indicators, all of them for signed-in users, the published ones for the public pages. */
export async function listIndicators(ctx: ServiceContext, opts: { publicOnly?: boolean } = {}): Promise<IndicatorView[]> {
  if (!opts.publicOnly) authorize(ctx.actor, 'indicator.read');
  let q = ctx.db.selectFrom('indicators').select(COLUMNS).orderBy('id');
  if (opts.publicOnly) q = q.where('public', '=', 1);
  return (await q.execute()).map(view);
}

export async function getIndicator(id: number, ctx: ServiceContext, opts: { publicOnly?: boolean } = {}): Promise<IndicatorView> {
  if (!opts.publicOnly) authorize(ctx.actor, 'indicator.read');
  const row = await ctx.db.selectFrom('indicators').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row || (opts.publicOnly && row.public !== 1)) throw fail('indicator_not_found');
  return view(row);
}

// When several sources give a figure for the same unit and period, the reported one wins,
// then the register's roll-up, then a figure entered by hand.
const PRIORITY = ['report', 'rollup', 'manual', 'import'];

/**
 * The register roll-up link of an indicator (a rule's `feeds`): the plan's indicator a roll-up
 * feeds, or the roll-up that feeds a plan's indicator. Register indicators are few (one per
 * rule), so their rules are read and matched here.
 */
export async function rollupLink(ctx: ServiceContext, indicator: IndicatorView): Promise<{ feeds: IndicatorView | null; fedBy: IndicatorView | null }> {
  const rules = await ctx.db.selectFrom('indicators').select([...COLUMNS, 'rule']).where('source', '=', 'register').execute();
  const feedsOf = (rule: string | null): number | string | undefined => (rule === null ? undefined : (JSON.parse(rule) as { feeds?: number | string }).feeds);
  if (indicator.source === 'register') {
    const feeds = feedsOf(rules.find((r) => r.id === indicator.id)?.rule ?? null);
    if (feeds === undefined) return { feeds: null, fedBy: null };
    const row = await ctx.db.selectFrom('indicators').select(COLUMNS).where(typeof feeds === 'number' ? 'id' : 'key', '=', feeds).where('source', '!=', 'register').executeTakeFirst();
    return { feeds: row ? view(row) : null, fedBy: null };
  }
  const by = rules.find((r) => {
    const feeds = feedsOf(r.rule);
    return feeds !== undefined && (feeds === indicator.id || (indicator.key !== null && feeds === indicator.key));
  });
  return { feeds: null, fedBy: by ? view(by) : null };
}

/**
 * An indicator's values by region (`level`: the province, the 市州 or the 县市区) for one period or
 * all, each with the unit's target where one is set (its allocation, or the indicator's own
 * target for the province).
 */
export async function getIndicatorValues(
  id: number,
  query: { period?: string | undefined; level?: 'province' | 'prefecture' | 'county' | undefined },
  ctx: ServiceContext,
  opts: { publicOnly?: boolean } = {},
): Promise<IndicatorValue[]> {
  const indicator = await getIndicator(id, ctx, opts);
  const level = query.level ?? 'prefecture';
  const link = await rollupLink(ctx, indicator);
  let q = ctx.db
    .selectFrom('indicator_values')
    .innerJoin('units', 'units.id', 'indicator_values.unit_id')
    .select(['indicator_values.unit_id', 'indicator_values.period', 'indicator_values.value', 'indicator_values.source'])
    .where('indicator_values.indicator_id', '=', id)
    .where('units.kind', '=', level);
  if (query.period) q = q.where('indicator_values.period', '=', query.period);
  // A plan's indicator fed by a register roll-up takes its figures by region from the register
  // (reports keep their own figures; they are not the indicator's actuals then).
  if (link.fedBy !== null) q = q.where('indicator_values.source', '!=', 'report');
  const rows = await q.orderBy('indicator_values.period').orderBy('units.division_code').execute();
  // A roll-up that feeds a plan's indicator shows that indicator's targets: one set of targets.
  const targetsOf = link.feeds ?? indicator;
  const allocations = new Map(
    (await ctx.db.selectFrom('indicator_allocations').select(['unit_id', 'value']).where('indicator_id', '=', targetsOf.id).execute()).map((a) => [a.unit_id, Number(a.value)]),
  );
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const k = `${r.unit_id}|${r.period}`;
    const had = chosen.get(k);
    if (!had || PRIORITY.indexOf(r.source) < PRIORITY.indexOf(had.source)) chosen.set(k, r);
  }
  return [...chosen.values()].map((r) => {
    const inYear = targetsOf.year === null || String(targetsOf.year) === r.period.slice(0, 4);
    const target = !inYear ? undefined : level === 'province' ? (targetsOf.target ?? undefined) : allocations.get(r.unit_id);
    return { unitId: r.unit_id, period: r.period, value: Number(r.value), source: r.source, ...(target !== undefined && { target }) };
  });
}
