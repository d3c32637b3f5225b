import { authorize, can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface PlanSummary {
  id: number;
  title: string;
  currentVersion: number;
  status: string;
  /** draft | consultation | final | published: `published` once the ledger was made from it. */
  stage: string;
  publishedVersion: number | null;
  ownerUnitId: number;
  ownerUnitName: string;
  items: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
}

/** What the actor may do with plans as a whole. */
export function allowedForPlans(ctx: ServiceContext): { import: boolean } {
  return { import: can(ctx.actor, 'plan.import') };
}

export async function listPlans(ctx: ServiceContext): Promise<PlanSummary[]> {
  authorize(ctx.actor, 'plan.read');
  const rows = await ctx.db
    .selectFrom('plans')
    .innerJoin('plan_versions', (j) => j.onRef('plan_versions.plan_id', '=', 'plans.id').onRef('plan_versions.number', '=', 'plans.current_version'))
    .innerJoin('units', 'units.id', 'plans.owner_unit_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.current_version',
      'plan_versions.status',
      'plans.stage',
      'plans.published_version',
      'plans.owner_unit_id',
      'units.short_name',
      'plan_versions.parsed',
      'plans.created_at',
      'plans.updated_at',
    ])
    .orderBy('plans.id', 'desc')
    .execute();
  return rows.map((r) => {
    const parsed = JSON.parse(r.parsed) as { items: unknown[]; warnings: unknown[] };
    return {
      id: r.id,
      title: r.title,
      currentVersion: r.current_version,
      status: r.status,
      stage: r.stage,
      publishedVersion: r.published_version,
      ownerUnitId: r.owner_unit_id,
      ownerUnitName: r.short_name,
      items: parsed.items.length,
      warnings: parsed.warnings.length,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
