import { can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationStates, presentConsultation } from './support/consultation-rows.js';
import type { ConsultationView } from './support/consultation-rows.js';

/**
 * The office's list of consultations, or a unit's inbox: those sent to it, own status only.
 * Three queries whatever the number of consultations (see loadConsultationStates).
 */
/** What the actor may do with consultations as a whole. */
export function allowedForConsultations(ctx: ServiceContext): { manage: boolean } {
  return { manage: can(ctx.actor, 'consultation.manage') };
}

export async function listConsultations(ctx: ServiceContext, options: { planId?: number } = {}): Promise<ConsultationView[]> {
  const manager = can(ctx.actor, 'consultation.manage');
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  if (!manager && ownUnit === undefined) return [];
  const states = await loadConsultationStates(ctx.db, ctx.clock, {
    ...(options.planId !== undefined && { planId: options.planId }),
    ...(!manager && { recipientUnitId: ownUnit! }),
  });
  return states.map((state) => presentConsultation(state, ctx.actor));
}
