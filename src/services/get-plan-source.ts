import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadVersion } from './support/plan-rows.js';

/** The original file of a plan version, as uploaded. */
export async function getPlanSource(planId: number, ctx: ServiceContext, versionNumber?: number): Promise<{ bytes: Buffer; filename: string; mediaType: string }> {
  authorize(ctx.actor, 'plan.read');
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const row = await ctx.db.selectFrom('plan_versions').select(['source', 'media_type']).where('id', '=', version.id).executeTakeFirstOrThrow();
  return { bytes: Buffer.from(row.source), filename: version.filename, mediaType: row.media_type };
}
