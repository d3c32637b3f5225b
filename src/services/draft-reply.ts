import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { isRecipient, loadConsultation } from './support/consultation-rows.js';
import { loadVersionById } from './support/plan-rows.js';
import { loadReply, replyInput, settleOpinions, writeOpinions } from './support/reply-rows.js';
import type { ReplyView } from './support/reply-rows.js';
import { validateInput } from './support/validate-input.js';

export type DraftReplyInput = Parameters<typeof replyInput.parse>[0];

/**
 * A recipient unit's reporter starts its reply: 无意见, or opinions anchored to items (and
 * optionally to a quoted passage). The draft is private to the unit until it is sealed.
 */
export async function draftReply(consultationId: number, input: DraftReplyInput, ctx: ServiceContext): Promise<ReplyView> {
  const c = await loadConsultation(ctx.db, consultationId);
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', { zh: '只有成员单位的账号可以反馈', en: 'Only a unit account can reply' });
  const unitId = ctx.actor.unitId;
  authorize(ctx.actor, 'reply.draft', { unitId });
  if (!(await isRecipient(ctx.db, consultationId, unitId))) {
    throw new AppError('forbidden', { zh: '本单位不在此次征求意见范围内', en: 'Your unit is not consulted here' });
  }
  if (c.closedAt !== null) throw new AppError('conflict', { zh: '征求意见已结束，不再接收反馈', en: 'The consultation is closed' });
  const data = validateInput(replyInput, input);
  const version = await loadVersionById(ctx.db, c.versionId);
  const settled = settleOpinions(data, version.parsed, version.text);
  const current = await ctx.db
    .selectFrom('replies')
    .select(['id', 'status'])
    .where('consultation_id', '=', consultationId)
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['draft', 'sealed'])
    .executeTakeFirst();
  if (current) {
    throw new AppError(
      'conflict',
      current.status === 'draft'
        ? { zh: '本单位已有反馈草稿，请修改该草稿', en: 'Your unit already has a draft reply; edit it' }
        : { zh: '本单位已签发反馈；如需更改，请签发人先撤回', en: 'Your unit has sealed its reply; the signatory must withdraw it first' },
      { replyId: current.id },
    );
  }
  const id = await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('replies')
      .values({
        consultation_id: consultationId,
        unit_id: unitId,
        status: 'draft',
        no_opinion: settled.noOpinion ? 1 : 0,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: at,
        updated_at: at,
        sealed_by: null,
        sealed_at: null,
        algorithm: null,
        key_id: null,
        signature: null,
        withdrawn_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeOpinions(trx, row.id, settled.opinions);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.draft',
      entity: 'reply',
      entityId: row.id,
      detail: { consultationId, unitId, noOpinion: settled.noOpinion, opinions: settled.opinions.length },
    });
    return row.id;
  });
  return loadReply(ctx.db, id);
}
