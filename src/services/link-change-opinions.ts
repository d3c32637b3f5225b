import { z } from 'zod';
import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getRedline } from './get-redline.js';
import type { RedlineView } from './get-redline.js';
import { loadVersion } from './support/plan-rows.js';
import { validateInput } from './support/validate-input.js';

export const linkInput = z.object({
  changeKey: z.string().min(1).max(200),
  opinionIds: z.array(z.number().int().positive()).max(500),
  from: z.number().int().positive().optional(),
});

/** Says which opinions a change of the new version answers (replacing the change's links). */
export async function linkChangeOpinions(planId: number, versionNumber: number, input: z.input<typeof linkInput>, ctx: ServiceContext): Promise<RedlineView> {
  authorize(ctx.actor, 'plan.edit');
  const data = validateInput(linkInput, input);
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const view = await getRedline(planId, { to: versionNumber, ...(data.from !== undefined && { from: data.from }) }, ctx);
  const change = view.changes.find((c) => c.key === data.changeKey);
  if (!change || change.kind === 'equal') {
    throw fail('change_not_found');
  }
  const known = new Set(view.opinions.map((o) => o.id));
  const unknown = data.opinionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw fail('opinions_not_of_version', {}, { unknown });
  }
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('plan_change_links').where('version_id', '=', version.id).where('change_key', '=', data.changeKey).execute();
    if (data.opinionIds.length > 0) {
      await trx
        .insertInto('plan_change_links')
        .values(
          [...new Set(data.opinionIds)].map((opinionId) => ({
            version_id: version.id,
            change_key: data.changeKey,
            opinion_id: opinionId,
            created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
            created_at: nowIso(ctx),
          })),
        )
        .execute();
    }
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.change.link',
      entity: 'plan',
      entityId: planId,
      detail: { version: versionNumber, changeKey: data.changeKey, kind: change.kind, opinionIds: data.opinionIds, was: change.opinionIds },
    });
  }).catch(onUniqueViolation('plan_change_links', () => fail('change_links_conflict')));
  return getRedline(planId, { to: versionNumber, from: view.from }, ctx);
}
