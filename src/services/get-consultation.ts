import { authorize, can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { isRecipient, loadConsultation, loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';

/**
 * The office sees every recipient's status; a recipient unit sees the consultation with
 * its own entry only (whether others have replied is the office's business).
 */
export async function getConsultation(id: number, ctx: ServiceContext): Promise<ConsultationState> {
  await loadConsultation(ctx.db, id); // 404 before 403: ids are not secrets
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  const recipient = ownUnit !== undefined && (await isRecipient(ctx.db, id, ownUnit));
  authorize(ctx.actor, 'consultation.read', recipient ? { unitId: ownUnit } : {});
  const state = await loadConsultationState(ctx.db, ctx.clock, id);
  if (can(ctx.actor, 'consultation.manage')) return state;
  return { ...state, recipients: state.recipients.filter((r) => r.unitId === ownUnit) };
}
