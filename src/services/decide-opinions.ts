import type { z } from 'zod';
import { decisionInput } from '../contract/consultations.js';
import { decisionNeedsReason } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { validateInput } from './support/validate-input.js';
import { notifyUnits } from './support/notify-units.js';
import { recordReplyEvent } from './support/reply-events.js';

export type DecisionInput = z.input<typeof decisionInput>;

/**
 * The office decides opinions — one, or a selection at once: 采纳 / 部分采纳 / 不采纳, with a
 * reason unless adopted. Only opinions of sealed replies can be decided; each decision is
 * audited with what it replaced. With `consultationId` (the batch route), every opinion must
 * belong to that consultation, or nothing is written.
 *
 * Everything is checked inside the transaction that writes, and the replies' rows are taken
 * first with `UPDATE … WHERE status = 'sealed'`: a withdrawal that wins the race leaves the
 * row count short (409 `reply_withdrawn`); one that comes second finds the decisions.
 */
export async function decideOpinions(
  opinionIds: number[],
  input: DecisionInput,
  ctx: ServiceContext,
  options: { consultationId?: number } = {},
): Promise<{ decided: number }> {
  authorize(ctx.actor, 'consultation.manage');
  const data = validateInput(decisionInput, input);
  const reason = data.reason?.trim() ? data.reason.trim() : null;
  if (decisionNeedsReason(data.disposition) && reason === null) throw fail('decision_reason_required');
  const ids = [...new Set(opinionIds)];
  if (ids.length === 0) throw fail('opinions_required');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const send = await inTransaction(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('opinions')
      .innerJoin('replies', 'replies.id', 'opinions.reply_id')
      .select(['opinions.id', 'opinions.reply_id', 'opinions.disposition', 'opinions.decision_reason', 'replies.status', 'replies.consultation_id', 'replies.unit_id'])
      .where('opinions.id', 'in', ids)
      .execute();
    if (rows.length !== ids.length) throw fail('opinions_not_found');
    if (options.consultationId !== undefined) {
      const others = rows.filter((r) => r.consultation_id !== options.consultationId).map((r) => r.id);
      if (others.length > 0) throw fail('opinion_not_in_consultation', { ids: others.join(', ') }, { opinionIds: others });
    }
    if (rows.some((r) => r.status === 'withdrawn')) throw fail('reply_withdrawn');
    if (rows.some((r) => r.status !== 'sealed')) throw fail('opinion_not_sealed');
    const replyIds = [...new Set(rows.map((r) => r.reply_id))];
    const held = await trx
      .updateTable('replies')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', 'in', replyIds)
      .where('status', '=', 'sealed')
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) !== replyIds.length) throw fail('reply_withdrawn');
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
    await recordReplyEvent(trx, ctx.actor, ctx.clock, replyIds, 'decide', data.disposition);
    // Each unit whose opinions were decided is told, once per consultation.
    const sends: (() => Promise<number>)[] = [];
    const groups = new Map<string, { unitId: number; consultationId: number; count: number }>();
    for (const r of rows) {
      const key = `${r.consultation_id}:${r.unit_id}`;
      const group = groups.get(key) ?? { unitId: r.unit_id, consultationId: r.consultation_id, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    for (const g of groups.values()) {
      const c = await trx.selectFrom('consultations').select('title').where('id', '=', g.consultationId).executeTakeFirstOrThrow();
      sends.push(await notifyUnits(trx, ctx, [g.unitId], g.consultationId, { code: 'opinions.decided', params: { title: c.title, count: g.count } }));
    }
    return async () => {
      for (const s of sends) await s();
    };
  });
  await send();
  return { decided: ids.length };
}
