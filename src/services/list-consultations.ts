import { can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState, presentConsultation } from './support/consultation-rows.js';
import type { ConsultationView } from './support/consultation-rows.js';

/** The office's list of consultations, or a unit's inbox: those sent to it, own status only. */
/** What the actor may do with consultations as a whole. */
export function allowedForConsultations(ctx: ServiceContext): { manage: boolean } {
  return { manage: can(ctx.actor, 'consultation.manage') };
}

export async function listConsultations(ctx: ServiceContext, options: { planId?: number } = {}): Promise<ConsultationView[]> {
  const manager = can(ctx.actor, 'consultation.manage');
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  if (!manager && ownUnit === undefined) return [];
  let query = ctx.db.selectFrom('consultations').select('consultations.id').orderBy('consultations.id', 'desc');
  if (options.planId !== undefined) query = query.where('consultations.plan_id', '=', options.planId);
  if (!manager) {
    query = query
      .innerJoin('consultation_recipients', 'consultation_recipients.consultation_id', 'consultations.id')
      .where('consultation_recipients.unit_id', '=', ownUnit!);
  }
  const ids = await query.execute();
  const out: ConsultationView[] = [];
  for (const { id } of ids) {
    const state = await loadConsultationState(ctx.db, ctx.clock, id);
    out.push(presentConsultation(state, ctx.actor));
  }
  return out;
}
