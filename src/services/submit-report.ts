import { sql } from 'kysely';
import { deadlineInstant } from '../domain/consultation.js';
import { reportBatchManifest } from '../domain/ledger-seal-payload.js';
import { sm3 } from '../model/sm3.js';
import { fail } from '../domain/errors.js';
import { reportTimeliness } from '../domain/lights.js';
import { authorize } from '../domain/policy.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import type { SealAlgorithm } from '../domain/reply-seal-payload.js';
import { describeSeal, signPayload } from '../security/seal.js';
import { serverSecret } from '../security/server-secret.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadRound } from './support/ledger-rows.js';
import { loadReportView, loadReportViews, reportPayloadOf } from './support/report-rows.js';
import type { ReportView } from './support/report-rows.js';
import { loadRoundTaskFor, responsibleUnit } from './support/round-task.js';
import { ensureUnitKey } from './support/unit-keys.js';
import type { UnitKey } from './support/unit-keys.js';
import { defaultSealAlgorithm } from './support/seal-default.js';

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
  const algorithm = options.algorithm ?? (await defaultSealAlgorithm(ctx));
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
  const sealed = await inTransaction(ctx, async (trx) => {
    const claimed = await trx.updateTable('reports').set({ status: 'submitting' }).where('id', '=', row.id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('report_not_draft', { status: row.status });
    const draft = await loadReportView(trx, row.id, ctx.clock.now());
    const key = await ensureUnitKey(trx, ctx, actor.unitId, algorithm);
    const done = await sealDraft(trx, ctx, draft, round.dueDate, { unitCode: unit.code, signatory, sealedAt, algorithm, key });
    await appendAudit(trx, actor, ctx.clock, {
      action: 'report.submit',
      entity: 'report',
      entityId: row.id,
      detail: { roundId, taskId, unitId: actor.unitId, revision: draft.revision, algorithm, keyId: key.keyId, signature: done.seal.signature, late: done.seal.late },
    });
    return done;
  });
  return sealed;
}

interface SealContext {
  unitCode: string;
  signatory: { id: number; login: string };
  sealedAt: string;
  algorithm: SealAlgorithm;
  key: UnitKey;
}

/**
 * Seals one claimed draft (status 'submitting') inside the caller's transaction: signs the
 * canonical payload of the stored report with the unit's key and stores the seal. Returns
 * the report as it now stands (the draft with the columns just set, not read back) and its seal.
 */
async function sealDraft(trx: Tx, ctx: ServiceContext, draft: ReportView, dueDate: string, c: SealContext): Promise<{ report: ReportView; seal: ReportSeal }> {
  const payload = reportPayloadOf(draft, { unitCode: c.unitCode, signatory: c.signatory, sealedAt: c.sealedAt, algorithm: c.algorithm, keyId: c.key.keyId });
  const signature = signPayload(payload, c.key, serverSecret(ctx.config));
  const firstSubmittedAt = draft.firstSubmittedAt ?? c.sealedAt;
  await trx
    .updateTable('reports')
    .set({
      status: 'submitted',
      submitted_by: c.signatory.id,
      submitted_at: c.sealedAt,
      first_submitted_at: firstSubmittedAt,
      algorithm: c.algorithm,
      key_id: c.key.keyId,
      signature,
      reviewed_at: null,
      reviewed_by: null,
      updated_at: c.sealedAt,
    })
    .where('id', '=', draft.id)
    .execute();
  return sealedView(ctx, draft, dueDate, c, signature);
}

/** The report as it stands once sealed (the draft with the columns just set, not read back), and its seal. */
function sealedView(ctx: ServiceContext, draft: ReportView, dueDate: string, c: SealContext, signature: string): { report: ReportView; seal: ReportSeal } {
  const firstSubmittedAt = draft.firstSubmittedAt ?? c.sealedAt;
  const late = new Date(firstSubmittedAt).getTime() > deadlineInstant(dueDate).getTime();
  const report: ReportView = {
    ...draft,
    status: 'submitted',
    submittedBy: c.signatory.login,
    submittedAt: c.sealedAt,
    firstSubmittedAt,
    seal: { algorithm: c.algorithm, keyId: c.key.keyId, signature },
    reviewedAt: null,
    updatedAt: c.sealedAt,
    timeliness: reportTimeliness(dueDate, firstSubmittedAt, ctx.clock.now()),
  };
  return { report, seal: { algorithm: c.algorithm, algorithmLabel: describeSeal(c.algorithm).zh, keyId: c.key.keyId, signature, sealedAt: c.sealedAt, late } };
}

/** Most drafts one signatory may seal in one request (a unit's tasks in a round). */
export const SUBMIT_BATCH_LIMIT = 500;

/**
 * The unit's 签发人 seals its drafts of a round together (all of them, or the tasks given)
 * with one signature (批量签发): each report's payload is the one submitReport would sign;
 * the signatory signs one manifest listing every report with the SM3 digest of its payload
 * (domain/ledger-seal-payload.ts, migration 0013), so each report still verifies on its own.
 * One transaction, one UPDATE for the reports, one audit event naming the batch and its
 * signature. All or nothing: a task given that is closed or has no draft refuses the batch
 * with the same error as submitting it alone; the claim is one conditional update, so a
 * report another signatory is sealing at the same moment makes this batch fail, not both.
 */
export async function submitReports(
  roundId: number,
  options: { taskIds?: number[] | undefined; algorithm?: string | undefined },
  ctx: ServiceContext,
): Promise<{ report: ReportView; seal: ReportSeal }[]> {
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  const actor = ctx.actor;
  authorize(actor, 'report.submit', { unitId: actor.unitId });
  const round = await loadRound(ctx.db, roundId);
  const algorithm = options.algorithm ?? (await defaultSealAlgorithm(ctx));
  if (!isSealAlgorithm(algorithm)) throw fail('validation_failed');
  const wanted = options.taskIds === undefined ? null : [...new Set(options.taskIds)];
  if (wanted !== null && wanted.length > SUBMIT_BATCH_LIMIT) throw fail('validation_failed');
  let query = ctx.db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reports.id', 'reports.task_id', 'reports.status', 'tasks.status as task_status'])
    .where('reports.round_id', '=', roundId)
    .where('reports.unit_id', '=', actor.unitId);
  if (wanted !== null) query = query.where('reports.task_id', 'in', wanted.length > 0 ? wanted : [-1]);
  else query = query.where('reports.status', '=', 'draft').where('tasks.status', '!=', 'closed');
  const rows = (await query.orderBy('reports.task_id').limit(SUBMIT_BATCH_LIMIT + 1).execute()).slice(0, SUBMIT_BATCH_LIMIT);
  if (wanted !== null) {
    const found = new Map(rows.map((r) => [r.task_id, r]));
    for (const taskId of wanted) {
      const r = found.get(taskId);
      if (!r) {
        // The same answers as one submission: not the unit's task, or no draft yet.
        const { task } = await loadRoundTaskFor(ctx.db, roundId, taskId, actor.unitId);
        responsibleUnit(task, actor.unitId);
        if (task.status === 'closed') throw fail('task_closed');
        throw fail('report_not_found');
      }
      if (r.task_status === 'closed') throw fail('task_closed');
    }
  }
  if (rows.length === 0) return [];
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', actor.unitId).executeTakeFirstOrThrow();
  const sealedAt = nowIso(ctx);
  const signatory = { id: actor.userId, login: actor.login };
  const ids = rows.map((r) => r.id);
  return inTransaction(ctx, async (trx) => {
    const claimed = await trx.updateTable('reports').set({ status: 'submitting' }).where('id', 'in', ids).where('status', '=', 'draft').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== ids.length) {
      const notDraft = rows.find((r) => r.status !== 'draft');
      throw fail('report_not_draft', { status: notDraft?.status ?? 'submitting' });
    }
    const drafts = await loadReportViews(trx, { ids }, ctx.clock.now());
    const key = await ensureUnitKey(trx, ctx, actor.unitId, algorithm);
    const c: SealContext = { unitCode: unit.code, signatory, sealedAt, algorithm, key };
    const meta = { unitCode: unit.code, signatory, sealedAt, algorithm, keyId: key.keyId };
    const manifest = reportBatchManifest({
      roundId,
      unit: { id: actor.unitId, code: unit.code },
      signatory,
      sealedAt,
      algorithm,
      keyId: key.keyId,
      reports: drafts.map((d) => ({ reportId: d.id, taskId: d.taskId, revision: d.revision, digest: sm3(reportPayloadOf(d, meta)) })),
    });
    const signature = signPayload(manifest, key, serverSecret(ctx.config));
    const batch = await trx
      .insertInto('report_seal_batches')
      .values({ round_id: roundId, unit_id: actor.unitId, signed_by: actor.userId, sealed_at: sealedAt, algorithm, key_id: key.keyId, manifest, signature })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('reports')
      .set({
        status: 'submitted',
        submitted_by: actor.userId,
        submitted_at: sealedAt,
        first_submitted_at: sql<string>`coalesce(first_submitted_at, ${sealedAt})`,
        algorithm,
        key_id: key.keyId,
        signature,
        seal_batch_id: batch.id,
        reviewed_at: null,
        reviewed_by: null,
        updated_at: sealedAt,
      })
      .where('id', 'in', ids)
      .where('status', '=', 'submitting')
      .execute();
    const done = drafts.map((draft) => sealedView(ctx, draft, round.dueDate, c, signature));
    await appendAudit(trx, actor, ctx.clock, {
      action: 'report.submit.batch',
      entity: 'round',
      entityId: roundId,
      detail: {
        unitId: actor.unitId,
        algorithm,
        keyId: key.keyId,
        sealBatchId: batch.id,
        manifestDigest: sm3(manifest),
        signature,
        reports: done.map((d) => ({ reportId: d.report.id, taskId: d.report.taskId, revision: d.report.revision, late: d.seal.late })),
      },
    });
    return done;
  });
}
