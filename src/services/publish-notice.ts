import type { Disposition } from '../domain/consultation.js';
import { AppError } from '../domain/errors.js';
import { dispositionLabel } from '../office/consultation-text.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { clauseLabeller, loadVersionById } from './support/plan-rows.js';

export interface PublicNotice {
  consultationId: number;
  planTitle: string;
  title: string;
  deadline: string;
  publishedAt: string;
  consulted: number;
  opinions: { item: string; unit: string; content: string; disposition: string; reason: string | null }[];
}

/** Publishes the adoption notice (意见采纳情况): opinions and decisions, without internal notes. */
export async function publishNotice(consultationId: number, ctx: ServiceContext): Promise<{ publishedAt: string }> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultation(ctx.db, consultationId);
  const undecided = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('replies.consultation_id', '=', consultationId)
    .where('replies.status', '=', 'sealed')
    .where('opinions.disposition', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(undecided.n) > 0) {
    throw new AppError('conflict', { zh: `还有 ${undecided.n} 条意见未处理，不能公开`, en: `${undecided.n} opinions are still undecided` });
  }
  const at = c.publishedAt ?? nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('consultations').set({ published_at: at, updated_at: nowIso(ctx) }).where('id', '=', consultationId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'consultation.publish', entity: 'consultation', entityId: consultationId, detail: { publishedAt: at } });
  });
  return { publishedAt: at };
}

/** The published notice, readable without an account; 404 until it is published. */
export async function getPublicNotice(consultationId: number, ctx: ServiceContext): Promise<PublicNotice> {
  const c = await loadConsultation(ctx.db, consultationId);
  if (!c.publishedAt) throw new AppError('not_found', { zh: '该征求意见的采纳情况尚未公开', en: 'This consultation’s outcome is not published' });
  const version = await loadVersionById(ctx.db, c.versionId);
  const clauseOf = clauseLabeller(version.parsed);
  const rows = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .select(['opinions.item_ordinal', 'units.short_name', 'opinions.content', 'opinions.disposition', 'opinions.decision_reason'])
    .where('replies.consultation_id', '=', consultationId)
    .where('replies.status', '=', 'sealed')
    .orderBy('opinions.item_ordinal')
    .orderBy('units.sort_order')
    .orderBy('opinions.position')
    .execute();
  const consulted = await ctx.db
    .selectFrom('consultation_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  return {
    consultationId,
    planTitle: c.planTitle,
    title: c.title,
    deadline: c.deadline,
    publishedAt: c.publishedAt,
    consulted: Number(consulted.n),
    opinions: rows.map((r) => ({
      item: clauseOf(r.item_ordinal),
      unit: r.short_name,
      content: r.content,
      disposition: dispositionLabel(r.disposition as Disposition | null),
      reason: r.decision_reason,
    })),
  };
}
