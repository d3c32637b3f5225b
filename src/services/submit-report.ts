import { deadlineInstant } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import type { SealAlgorithm } from '../domain/reply-seal-payload.js';
import { describeSeal, signPayload } from '../security/seal.js';
import { serverSecret } from '../security/server-secret.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadReportView, reportPayloadOf } from './support/report-rows.js';
import type { ReportView } from './support/report-rows.js';
import { loadRoundTaskFor, responsibleUnit } from './support/round-task.js';
import { ensureUnitKey } from './support/unit-keys.js';

export interface ReportSeal {
  algorithm: SealAlgorithm;
  algorithmLabel: string;
  keyId: string;
  signature: string;
  sealedAt: string;
  late: boolean;
}

/**
 * The unit's 签发人 submits its report: the report is sealed with the unit's key (the same
 * machinery as consultation replies) and can no longer change. Only a draft can be
 * submitted: the claim is a conditional update, so two signatories cannot both seal it.
 */
export async function submitReport(
  roundId: number,
  taskId: number,
  options: { algorithm?: string | undefined },
  ctx: ServiceContext,
): Promise<{ report: ReportView; seal: ReportSeal }> {
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  const actor = ctx.actor;
  authorize(actor, 'report.submit', { unitId: actor.unitId });
  const { round, task } = await loadRoundTaskFor(ctx.db, roundId, taskId, actor.unitId);
  responsibleUnit(task, actor.unitId);
  if (task.status === 'closed') throw fail('task_closed');
  const algorithm = options.algorithm ?? ctx.config.sealAlgorithm;
  if (!isSealAlgorithm(algorithm)) throw fail('validation_failed');
  const row = await ctx.db
    .selectFrom('reports')
    .select(['id', 'status'])
    .where('round_id', '=', roundId)
    .where('task_id', '=', taskId)
    .where('unit_id', '=', actor.unitId)
    .executeTakeFirst();
  if (!row) throw fail('report_not_found');
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', actor.unitId).executeTakeFirstOrThrow();
  const sealedAt = nowIso(ctx);
  const signatory = { id: actor.userId, login: actor.login };
  const seal = await inTransaction(ctx, async (trx) => {
    const claimed = await trx.updateTable('reports').set({ status: 'submitting' }).where('id', '=', row.id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('report_not_draft', { status: row.status });
    const draft = await loadReportView(trx, row.id, ctx.clock.now());
    const key = await ensureUnitKey(trx, ctx, actor.unitId, algorithm);
    const payload = reportPayloadOf(draft, { unitCode: unit.code, signatory, sealedAt, algorithm, keyId: key.keyId });
    const signature = signPayload(payload, key, serverSecret(ctx.config));
    await trx
      .updateTable('reports')
      .set({
        status: 'submitted',
        submitted_by: signatory.id,
        submitted_at: sealedAt,
        first_submitted_at: draft.firstSubmittedAt ?? sealedAt,
        algorithm,
        key_id: key.keyId,
        signature,
        reviewed_at: null,
        reviewed_by: null,
        updated_at: sealedAt,
      })
      .where('id', '=', row.id)
      .execute();
    const late = new Date(draft.firstSubmittedAt ?? sealedAt).getTime() > deadlineInstant(round.dueDate).getTime();
    await appendAudit(trx, actor, ctx.clock, {
      action: 'report.submit',
      entity: 'report',
      entityId: row.id,
      detail: { roundId, taskId, unitId: actor.unitId, revision: draft.revision, algorithm, keyId: key.keyId, signature, late },
    });
    return { algorithm, algorithmLabel: describeSeal(algorithm).zh, keyId: key.keyId, signature, sealedAt, late };
  });
  return { report: await loadReportView(ctx.db, row.id, ctx.clock.now()), seal };
}
