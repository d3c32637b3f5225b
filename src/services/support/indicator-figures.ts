import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UnitTree } from '../../domain/policy.js';
import { rollUp } from '../../domain/rollup.js';

const GOVERNMENTS = new Set(['province', 'prefecture', 'county']);

export interface UnitFigure {
  unitId: number;
  allocated: number | null;
  /** The unit's own latest reported value. */
  own: number | null;
  /** Own value, or the roll-up of the units below it. */
  actual: number | null;
}

export interface IndicatorFigures {
  id: number;
  taskId: number | null;
  subject: string;
  unit: string;
  comparator: string | null;
  target: number | null;
  year: number | null;
  raw: string | null;
  span: [number, number] | null;
  /** The plan-wide actual: the localities' roll-up when any locality reported, else the lead's own figure. */
  actual: number | null;
  allocated: number;
  remainder: number | null;
  /** Every unit with an allocation or a figure. */
  units: UnitFigure[];
}

/** The nearest government at or above a unit (the province for departments and offices). */
export function governmentRoot(unitId: number, tree: UnitTree): number | null {
  let current: number | null = unitId;
  for (let i = 0; current !== null && i < 32; i += 1) {
    const node = tree.get(current);
    if (!node) return null;
    if (GOVERNMENTS.has(node.kind)) return current;
    current = node.parentId;
  }
  return null;
}

/**
 * Targets, allocations and actuals of indicators. A unit's latest value is the one of its
 * latest period; actuals roll up county → city → province (domain/rollup.ts).
 */
export async function indicatorFigures(
  db: Kysely<Database>,
  indicatorIds: number[],
  tree: UnitTree,
  leadOf: (taskId: number | null) => number | null,
  rootUnitId: number,
): Promise<IndicatorFigures[]> {
  if (indicatorIds.length === 0) return [];
  const indicators = await db.selectFrom('indicators').selectAll().where('id', 'in', indicatorIds).orderBy('id').execute();
  const allocations = await db.selectFrom('indicator_allocations').select(['indicator_id', 'unit_id', 'value']).where('indicator_id', 'in', indicatorIds).execute();
  const values = await db
    .selectFrom('indicator_values')
    .select(['indicator_id', 'unit_id', 'period', 'value'])
    .where('indicator_id', 'in', indicatorIds)
    .where('source', '=', 'report')
    .execute();
  const root = governmentRoot(rootUnitId, tree);
  return indicators.map((ind) => {
    const latest = new Map<number, { period: string; value: number }>();
    for (const v of values) {
      if (v.indicator_id !== ind.id) continue;
      const seen = latest.get(v.unit_id);
      if (!seen || v.period > seen.period) latest.set(v.unit_id, { period: v.period, value: v.value });
    }
    const own = new Map([...latest].map(([unitId, v]) => [unitId, v.value]));
    const rolled = rollUp(own, tree);
    const allocated = new Map(allocations.filter((a) => a.indicator_id === ind.id).map((a) => [a.unit_id, a.value]));
    // Top-level localities: governments directly below the plan's own government.
    let localities: number | null = null;
    for (const [unitId, value] of rolled) {
      const node = tree.get(unitId);
      if (!node || !GOVERNMENTS.has(node.kind) || node.parentId !== root) continue;
      localities = (localities ?? 0) + value;
    }
    const lead = leadOf(ind.task_id);
    const actual = localities ?? (lead !== null ? (own.get(lead) ?? null) : null);
    const unitIds = new Set<number>([...allocated.keys(), ...own.keys(), ...[...rolled.keys()].filter((id) => GOVERNMENTS.has(tree.get(id)?.kind ?? '') && id !== root)]);
    const topAllocated = [...allocated].filter(([unitId]) => tree.get(unitId)?.parentId === root || !GOVERNMENTS.has(tree.get(unitId)?.kind ?? ''));
    const allocatedTotal = Math.round(topAllocated.reduce((a, [, v]) => a + v, 0) * 1e6) / 1e6;
    return {
      id: ind.id,
      taskId: ind.task_id,
      subject: ind.name,
      unit: ind.unit,
      comparator: ind.comparator,
      target: ind.target,
      year: ind.year,
      raw: ind.raw,
      span: ind.span_start !== null && ind.span_end !== null ? [ind.span_start, ind.span_end] : null,
      actual,
      allocated: allocatedTotal,
      remainder: ind.target === null ? null : Math.round((ind.target - allocatedTotal) * 1e6) / 1e6,
      units: [...unitIds].map((unitId) => ({
        unitId,
        allocated: allocated.get(unitId) ?? null,
        own: own.get(unitId) ?? null,
        actual: rolled.get(unitId) ?? null,
      })),
    };
  });
}
