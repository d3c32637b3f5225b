import { fail } from '../domain/errors.js';
import { batchEntryOf } from '../domain/ledger-seal-payload.js';
import { sm3 } from '../model/sm3.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import { verifyPayload } from '../security/seal.js';
import type { ServiceContext } from './support/context.js';
import { mayReadReport } from './get-round.js';
import { loadTask } from './support/ledger-rows.js';
import { loadReportView, reportPayloadOf } from './support/report-rows.js';
import { loadUnitTree } from './support/unit-tree.js';
import { findKeyById } from './support/unit-keys.js';

export interface ReportSealVerification {
  valid: boolean;
  reportId: number;
  algorithm: string | null;
  keyId: string | null;
  sealedAt: string | null;
  signatory: string | null;
  reason: 'not_sealed' | 'unknown_key' | 'key_of_other_unit' | 'signature_mismatch' | null;
}

/** Rebuilds a submitted report's payload from its rows and checks the unit's signature. */
export async function verifyReportSeal(reportId: number, ctx: ServiceContext): Promise<ReportSealVerification> {
  const report = await loadReportView(ctx.db, reportId, ctx.clock.now());
  const task = await loadTask(ctx.db, report.taskId);
  const tree = await loadUnitTree(ctx.db);
  if (!mayReadReport(ctx.actor, tree, { unitId: report.unitId, sealed: report.status !== 'draft', taskOwnerUnitId: task.ownerUnitId, leadUnitId: task.leadUnitId })) {
    throw fail('report_not_found');
  }
  const row = await ctx.db.selectFrom('reports').select(['submitted_by', 'submitted_at', 'algorithm', 'key_id', 'signature', 'seal_batch_id']).where('id', '=', reportId).executeTakeFirstOrThrow();
  const signer = row.submitted_by === null ? null : await ctx.db.selectFrom('users').select(['id', 'login']).where('id', '=', row.submitted_by).executeTakeFirst();
  const base = { reportId, algorithm: row.algorithm, keyId: row.key_id, sealedAt: row.submitted_at, signatory: signer?.login ?? null };
  if (!row.signature || !row.submitted_at || !signer || !row.key_id || !isSealAlgorithm(row.algorithm)) return { ...base, valid: false, reason: 'not_sealed' };
  const key = await findKeyById(ctx, row.key_id);
  if (!key) return { ...base, valid: false, reason: 'unknown_key' };
  if (key.unitId !== report.unitId || key.algorithm !== row.algorithm) return { ...base, valid: false, reason: 'key_of_other_unit' };
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', report.unitId).executeTakeFirstOrThrow();
  const payload = reportPayloadOf(report, {
    unitCode: unit.code,
    signatory: { id: signer.id, login: signer.login },
    sealedAt: row.submitted_at,
    algorithm: row.algorithm,
    keyId: row.key_id,
  });
  if (row.seal_batch_id === null) {
    const valid = verifyPayload(payload, row.signature, key);
    return { ...base, valid, reason: valid ? null : 'signature_mismatch' };
  }
  // Sealed with the unit's other reports of the round: the payload's digest must be this
  // report's entry in the manifest, and the manifest's signature must hold.
  const batch = await ctx.db.selectFrom('report_seal_batches').selectAll().where('id', '=', row.seal_batch_id).executeTakeFirst();
  const entry = batch ? batchEntryOf(batch.manifest, reportId) : null;
  const valid =
    batch !== undefined &&
    entry !== null &&
    batch.unit_id === report.unitId &&
    batch.round_id === report.roundId &&
    batch.signature === row.signature &&
    batch.key_id === row.key_id &&
    batch.algorithm === row.algorithm &&
    entry.roundId === report.roundId &&
    entry.unitId === report.unitId &&
    entry.taskId === report.taskId &&
    entry.revision === report.revision &&
    entry.sealedAt === row.submitted_at &&
    entry.keyId === row.key_id &&
    entry.algorithm === row.algorithm &&
    entry.signatoryId === signer.id &&
    entry.digest === sm3(payload) &&
    verifyPayload(batch.manifest, batch.signature, key);
  return { ...base, valid, reason: valid ? null : 'signature_mismatch' };
}
