import { can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationStates } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';

/**
 * The office's list of consultations, or a unit's inbox: those sent to it, own status only.
 * Three queries whatever the number of consultations (see loadConsultationStates).
 */
export async function listConsultations(ctx: ServiceContext, options: { planId?: number } = {}): Promise<ConsultationState[]> {
  const manager = can(ctx.actor, 'consultation.manage');
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  if (!manager && ownUnit === undefined) return [];
  return loadConsultationStates(ctx.db, ctx.clock, {
    ...(options.planId !== undefined && { planId: options.planId }),
    ...(!manager && { recipientUnitId: ownUnit! }),
  });
}
