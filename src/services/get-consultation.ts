import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { isRecipient, loadConsultation, loadConsultationState, presentConsultation } from './support/consultation-rows.js';
import type { ConsultationView } from './support/consultation-rows.js';

/**
 * The office sees every recipient's status; a recipient unit sees the consultation with
 * its own entry only (whether others have replied is the office's business).
 */
export async function getConsultation(id: number, ctx: ServiceContext): Promise<ConsultationView> {
  await loadConsultation(ctx.db, id); // 404 before 403: ids are not secrets
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  const recipient = ownUnit !== undefined && (await isRecipient(ctx.db, id, ownUnit));
  authorize(ctx.actor, 'consultation.read', recipient ? { unitId: ownUnit } : {});
  return presentConsultation(await loadConsultationState(ctx.db, ctx.clock, id), ctx.actor);
}
