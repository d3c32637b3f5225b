import { z } from 'zod';
import { decisionNeedsReason } from '../domain/consultation.js';
import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { validateInput } from './support/validate-input.js';

export const decisionInput = z.object({
  disposition: z.enum(['adopted', 'partly_adopted', 'rejected']),
  reason: z.string().trim().max(5000).optional(),
});
export type DecisionInput = z.input<typeof decisionInput>;

/**
 * The office decides opinions — one, or a selection at once: 采纳 / 部分采纳 / 不采纳, with a
 * reason unless adopted. Only opinions of sealed replies can be decided; each decision is
 * audited with what it replaced.
 */
export async function decideOpinions(opinionIds: number[], input: DecisionInput, ctx: ServiceContext): Promise<{ decided: number }> {
  authorize(ctx.actor, 'consultation.manage');
  const data = validateInput(decisionInput, input);
  const reason = data.reason?.trim() ? data.reason.trim() : null;
  if (decisionNeedsReason(data.disposition) && reason === null) {
    throw new AppError('validation_failed', { zh: '部分采纳或不采纳时须说明理由', en: 'Give a reason unless the opinion is adopted' });
  }
  const ids = [...new Set(opinionIds)];
  if (ids.length === 0) throw new AppError('validation_failed', { zh: '请选择意见', en: 'Choose opinions' });
  const rows = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .select(['opinions.id', 'opinions.disposition', 'opinions.decision_reason', 'replies.status', 'replies.consultation_id'])
    .where('opinions.id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw new AppError('not_found', { zh: '部分意见不存在', en: 'Some opinions do not exist' });
  if (rows.some((r) => r.status !== 'sealed')) {
    throw new AppError('conflict', { zh: '只能处理已签发反馈中的意见', en: 'Only opinions of sealed replies can be decided' });
  }
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('opinions')
      .set({ disposition: data.disposition, decision_reason: reason, decided_by: userId, decided_at: nowIso(ctx) })
      .where('id', 'in', ids)
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'opinion.decide',
      entity: 'opinion',
      entityId: ids.length === 1 ? ids[0]! : null,
      detail: {
        disposition: data.disposition,
        reason,
        opinions: rows.map((r) => ({ id: r.id, was: r.disposition, wasReason: r.decision_reason, consultationId: r.consultation_id })),
      },
    });
  });
  return { decided: ids.length };
}
