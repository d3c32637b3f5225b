import type { z } from 'zod';
import { openConsultationInput } from '../contract/consultations.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState, presentConsultation } from './support/consultation-rows.js';
import type { ConsultationView } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { loadVersion } from './support/plan-rows.js';
import { validateInput } from './support/validate-input.js';

export type OpenConsultationInput = z.input<typeof openConsultationInput>;

/**
 * Sends a plan version out for comment. Defaults come from the document itself: the
 * deadline and contact from its cover letter, the recipients from the leading group's
 * member units.
 */
export async function openConsultation(planId: number, input: OpenConsultationInput, ctx: ServiceContext): Promise<ConsultationView> {
  authorize(ctx.actor, 'consultation.manage');
  const data = validateInput(openConsultationInput, input);
  const version = await loadVersion(ctx.db, planId, data.version);
  const letter = version.parsed.letter;
  const deadline = data.deadline ?? letter?.deadline ?? null;
  if (!deadline) {
    throw fail('deadline_required');
  }
  let recipients = data.recipientUnitIds;
  if (!recipients) {
    recipients = (await ctx.db.selectFrom('units').select('id').where('member', '=', 1).orderBy('sort_order').execute()).map((u) => u.id);
    if (recipients.length === 0) {
      throw fail('recipients_required');
    }
  }
  const unique = [...new Set(recipients)];
  const found = await ctx.db.selectFrom('units').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    throw fail('recipients_not_found');
  }
  const contact =
    data.contact ??
    [
      ...(letter?.contacts ?? []).map((c) => [c.name, ...c.phones, ...c.faxes.map((f) => `${f}（传真）`)].join(' ')),
      ...(letter?.emails ?? []),
    ].join('；');
  const title = data.title ?? letter?.title ?? `关于征求《${version.parsed.title}》意见的函`;
  const at = nowIso(ctx);
  const { id, send } = await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('consultations')
      .values({
        plan_id: planId,
        version_id: version.id,
        title,
        deadline,
        contact,
        instructions: data.instructions ?? '请注明签发人并加盖单位公章（电子签章）后反馈。',
        reminder_days: data.reminderDays ?? 3,
        missing_as_no_opinion: data.missingAsNoOpinion === false ? 0 : 1,
        closed_at: null,
        published_at: null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consultation_recipients')
      .values(unique.map((unitId) => ({ consultation_id: row.id, unit_id: unitId })))
      .execute();
    // A draft out for comment: the plan's stage moves on (never back from final or published).
    await trx.updateTable('plans').set({ stage: 'consultation' }).where('id', '=', planId).where('stage', '=', 'draft').execute();
    const send = await notifyUnits(trx, ctx, unique, row.id, {
      code: 'consultation.opened',
      params: { title, deadline, contact },
    });
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'consultation.open',
      entity: 'consultation',
      entityId: row.id,
      detail: { planId, version: version.number, title, deadline, recipients: unique, contact },
    });
    return { id: row.id, send };
  });
  await send();
  return presentConsultation(await loadConsultationState(ctx.db, ctx.clock, id), ctx.actor);
}
