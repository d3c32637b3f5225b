import { can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';

/** The office's list of consultations, or a unit's inbox: those sent to it, own status only. */
export async function listConsultations(ctx: ServiceContext, options: { planId?: number } = {}): Promise<ConsultationState[]> {
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
  const out: ConsultationState[] = [];
  for (const { id } of ids) {
    const state = await loadConsultationState(ctx.db, ctx.clock, id);
    out.push(manager ? state : { ...state, recipients: state.recipients.filter((r) => r.unitId === ownUnit) });
  }
  return out;
}
