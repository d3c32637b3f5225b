import { fail } from '../domain/errors.js';
import { authorize, can, unitPath } from '../domain/policy.js';
import type { UnitTree } from '../domain/policy.js';
import { checkAllocation } from '../domain/rollup.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { governmentRoot, indicatorFigures } from './support/indicator-figures.js';
import type { IndicatorFigures } from './support/indicator-figures.js';
import { childrenOf, loadUnitTree } from './support/unit-tree.js';

export interface AllocationResult {
  indicatorId: number;
  /** The unit whose share is being divided (the province, or a 市州 for its counties). */
  levelUnitId: number;
  /** What may be shared out at this level: the target, or the level's own allocation. */
  target: number;
  allocated: number;
  remainder: number;
  allocations: { unitId: number; value: number }[];
}

interface Level {
  indicatorId: number;
  levelUnitId: number;
  /** null: the indicator's target is the bound. */
  boundByAllocation: boolean;
  target: number;
}

async function levelOf(indicatorId: number, ctx: ServiceContext, tree: UnitTree): Promise<Level & { ownerUnitId: number }> {
  const ind = await ctx.db
    .selectFrom('indicators')
    .leftJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['indicators.id', 'indicators.target', 'tasks.owner_unit_id'])
    .where('indicators.id', '=', indicatorId)
    .executeTakeFirst();
  if (!ind || ind.owner_unit_id === null) throw fail('indicator_not_found');
  if (ind.target === null) throw fail('indicator_without_target');
  const planRoot = governmentRoot(ind.owner_unit_id, tree) ?? ind.owner_unit_id;
  const officeOf = ctx.actor.kind === 'user' ? ctx.actor.officeOf : undefined;
  const levelUnitId = officeOf ?? planRoot;
  return { indicatorId, levelUnitId, boundByAllocation: levelUnitId !== planRoot, target: ind.target, ownerUnitId: ind.owner_unit_id };
}

async function available(trx: Tx, level: Level): Promise<number> {
  if (!level.boundByAllocation) return level.target;
  const own = await trx
    .selectFrom('indicator_allocations')
    .select('value')
    .where('indicator_id', '=', level.indicatorId)
    .where('unit_id', '=', level.levelUnitId)
    .executeTakeFirst();
  if (!own) throw fail('no_allocation');
  return own.value;
}

/**
 * Divides an indicator's target among the units directly below the actor's level: the
 * province among the 市州, a 市州 among its 县市区 (bounded by its own share). The total may
 * not exceed what the level holds, and a unit's share may not drop below what it has already
 * passed down; both are checked inside the transaction, after taking the indicator's row.
 */
export async function allocateIndicator(indicatorId: number, input: { allocations: { unitId: number; value: number }[] }, ctx: ServiceContext): Promise<AllocationResult> {
  const tree = await loadUnitTree(ctx.db);
  const level = await levelOf(indicatorId, ctx, tree);
  authorize(ctx.actor, 'indicator.allocate', { scopePath: level.boundByAllocation ? unitPath(level.levelUnitId, tree) : unitPath(level.ownerUnitId, tree) });
  const children = new Set(childrenOf(level.levelUnitId, tree));
  const names = new Map((await ctx.db.selectFrom('units').select(['id', 'short_name']).execute()).map((u) => [u.id, u.short_name]));
  const seen = new Set<number>();
  for (const a of input.allocations) {
    if (!children.has(a.unitId) || seen.has(a.unitId)) throw fail('allocation_outside_jurisdiction', { unit: names.get(a.unitId) ?? String(a.unitId) });
    seen.add(a.unitId);
  }
  const at = nowIso(ctx);
  return inTransaction(ctx, async (trx) => {
    // Serialises every allocation of this indicator, at every level.
    await trx.updateTable('indicators').set({ updated_at: at }).where('id', '=', indicatorId).execute();
    const bound = await available(trx, level);
    await trx.deleteFrom('indicator_allocations').where('indicator_id', '=', indicatorId).where('unit_id', 'in', [...children, -1]).execute();
    const rows = input.allocations.filter((a) => a.value > 0);
    if (rows.length > 0) {
      await trx
        .insertInto('indicator_allocations')
        .values(rows.map((a) => ({ indicator_id: indicatorId, unit_id: a.unitId, value: a.value, updated_at: at })))
        .execute();
    }
    const check = checkAllocation(
      bound,
      rows.map((r) => r.value),
    );
    if (check.excess > 0) {
      throw fail('over_allocated', { allocated: check.allocated, target: bound, excess: check.excess }, { allocated: check.allocated, target: bound, excess: check.excess });
    }
    // Every unit of this level, not only those sent: a unit left out now holds 0, and may not
    // hold less than it has already passed down to its own units.
    const given = new Map(rows.map((r) => [r.unitId, r.value]));
    for (const unitId of children) {
      const below = childrenOf(unitId, tree);
      if (below.length === 0) continue;
      const sub = await trx.selectFrom('indicator_allocations').select('value').where('indicator_id', '=', indicatorId).where('unit_id', 'in', below).execute();
      const suballocated = Math.round(sub.reduce((a, s) => a + s.value, 0) * 1e6) / 1e6;
      const value = given.get(unitId) ?? 0;
      if (suballocated > value + 1e-9) {
        throw fail('allocation_below_suballocated', { unit: names.get(unitId) ?? String(unitId), suballocated, value }, { unitId, suballocated, value });
      }
    }
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'indicator.allocate',
      entity: 'indicator',
      entityId: indicatorId,
      detail: { levelUnitId: level.levelUnitId, available: bound, allocations: rows },
    });
    return {
      indicatorId,
      levelUnitId: level.levelUnitId,
      target: bound,
      allocated: check.allocated,
      remainder: check.remainder,
      allocations: rows.map((r) => ({ unitId: r.unitId, value: r.value })),
    };
  });
}

export interface IndicatorPage extends IndicatorFigures {
  /** The actor's level: what it may divide and among whom. */
  level: { unitId: number; available: number | null; childUnitIds: number[]; allocated: number; remainder: number | null; canAllocate: boolean };
}

/** One indicator with its allocations and actuals by unit (the allocation page). */
export async function getIndicator(indicatorId: number, ctx: ServiceContext): Promise<IndicatorPage> {
  authorize(ctx.actor, 'task.read');
  const tree = await loadUnitTree(ctx.db);
  const ind = await ctx.db
    .selectFrom('indicators')
    .leftJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['indicators.id', 'indicators.task_id', 'tasks.owner_unit_id', 'tasks.lead_unit_id'])
    .where('indicators.id', '=', indicatorId)
    .executeTakeFirst();
  if (!ind || ind.owner_unit_id === null) throw fail('indicator_not_found');
  const [figures] = await indicatorFigures(ctx.db, [indicatorId], tree, () => ind.lead_unit_id, ind.owner_unit_id);
  const planRoot = governmentRoot(ind.owner_unit_id, tree) ?? ind.owner_unit_id;
  const officeOf = ctx.actor.kind === 'user' ? ctx.actor.officeOf : undefined;
  const levelUnitId = officeOf ?? planRoot;
  const childUnitIds = childrenOf(levelUnitId, tree).filter((id) => ['prefecture', 'county'].includes(tree.get(id)?.kind ?? ''));
  const allocations = new Map(figures!.units.map((u) => [u.unitId, u.allocated ?? 0]));
  const allocated = Math.round(childUnitIds.reduce((a, id) => a + (allocations.get(id) ?? 0), 0) * 1e6) / 1e6;
  const avail = levelUnitId === planRoot ? figures!.target : (allocations.get(levelUnitId) ?? null);
  const canAllocate =
    avail !== null && can(ctx.actor, 'indicator.allocate', { scopePath: levelUnitId === planRoot ? unitPath(ind.owner_unit_id, tree) : unitPath(levelUnitId, tree) });
  return {
    ...figures!,
    level: { unitId: levelUnitId, available: avail, childUnitIds, allocated, remainder: avail === null ? null : Math.round((avail - allocated) * 1e6) / 1e6, canAllocate },
  };
}
