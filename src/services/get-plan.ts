import { applyEdits } from '../domain/plan-edits.js';
import type { EditedPlan } from '../domain/plan-edits.js';
import { planAllowed } from '../domain/allowed.js';
import { authorize } from '../domain/policy.js';
import { isUncertain } from '../parse/target-phrase.js';
import type { ServiceContext } from './support/context.js';
import { planRegistry } from './support/plan-resolver.js';
import { loadEdits, loadVersion } from './support/plan-rows.js';
import type { StoredEdit } from './support/plan-rows.js';
import { reviewedWarnings } from './support/warning-checks.js';
import type { ReviewedWarning } from './support/warning-checks.js';

type Item = EditedPlan['items'][number];

export interface PlanView extends Omit<EditedPlan, 'items' | 'warnings'> {
  /** The parser's warnings, each with its key, its item and who checked it. */
  warnings: ReviewedWarning[];
  id: number;
  /** draft | consultation | final | published (the ledger's publication, migration 0007). */
  stage: string;
  publishedVersion: number | null;
  version: { number: number; status: string; filename: string; encoding: string; sha256: string; byteSize: number; parserVersion: string; createdAt: string };
  versions: { number: number; status: string; createdAt: string }[];
  text: string;
  items: (Omit<Item, 'responsible' | 'targets'> & {
    responsible: (Item['responsible'][number] & { unitId: number | null; expandsUnitIds: (number | null)[] })[];
    targets: (Item['targets'][number] & { uncertain: boolean })[];
  })[];
  edits: (StoredEdit['edit'] & { createdBy: string | null; createdAt: string })[];
  allowed: ReturnType<typeof planAllowed>;
}

/**
 * A plan as people see it: the parse of one version with the corrections applied, each
 * responsible unit with its registry id, in the parser's output shape.
 */
export async function getPlan(planId: number, ctx: ServiceContext, versionNumber?: number): Promise<PlanView> {
  authorize(ctx.actor, 'plan.read');
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const stored = await loadEdits(ctx.db, version.id);
  const edited = applyEdits(version.parsed, stored.map((s) => s.edit), version.text);
  const registry = await planRegistry(ctx.db);
  const plan = await ctx.db.selectFrom('plans').select(['stage', 'published_version']).where('id', '=', planId).executeTakeFirstOrThrow();
  const versions = await ctx.db
    .selectFrom('plan_versions')
    .select(['number', 'status', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
  return {
    id: planId,
    stage: plan.stage,
    publishedVersion: plan.published_version,
    ...edited,
    version: {
      number: version.number,
      status: version.status,
      filename: version.filename,
      encoding: version.encoding,
      sha256: version.sha256,
      byteSize: version.byteSize,
      parserVersion: version.parserVersion,
      createdAt: version.createdAt,
    },
    versions: versions.map((v) => ({ number: v.number, status: v.status, createdAt: v.created_at })),
    text: version.text,
    items: edited.items.map((item) => ({
      ...item,
      responsible: item.responsible.map((r) => ({
        ...r,
        unitId: registry.idOf(r.unit),
        expandsUnitIds: r.expands.map((name) => registry.idOf(name)),
      })),
      targets: item.targets.map((t) => ({ ...t, uncertain: isUncertain(t) })),
    })),
    warnings: await reviewedWarnings(ctx.db, version),
    edits: stored.map((s) => ({ ...s.edit, createdBy: s.createdBy, createdAt: s.createdAt })),
    allowed: planAllowed(ctx.actor),
  };
}
