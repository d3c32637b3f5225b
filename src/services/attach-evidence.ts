import { createHash } from 'node:crypto';
import { cleanFilename, sniffAttachment } from '../domain/attachment-type.js';
import { fail } from '../domain/errors.js';
import { authorize, unitPath } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { mayReadReport } from './get-round.js';
import { loadTask } from './support/ledger-rows.js';
import type { AttachmentView } from './support/report-rows.js';
import { loadUnitTree } from './support/unit-tree.js';

export interface UploadTarget {
  ownerKind: 'report' | 'task';
  ownerId: number;
  unitId: number;
}

/**
 * Who may attach where, checked before the upload is read: evidence for a report by its
 * unit's reporters while it is a draft (or returned), 销号 evidence for a task by the office
 * governing it.
 */
export async function authorizeUpload(target: { reportId?: number; taskId?: number }, ctx: ServiceContext): Promise<UploadTarget> {
  if (target.reportId !== undefined) {
    const report = await ctx.db.selectFrom('reports').select(['id', 'unit_id', 'status']).where('id', '=', target.reportId).executeTakeFirst();
    if (!report) throw fail('report_not_found');
    authorize(ctx.actor, 'report.draft', { unitId: report.unit_id });
    if (report.status !== 'draft' && report.status !== 'returned') throw fail('report_not_draft', { status: report.status });
    return { ownerKind: 'report', ownerId: report.id, unitId: report.unit_id };
  }
  const tree = await loadUnitTree(ctx.db);
  const task = await loadTask(ctx.db, target.taskId ?? -1);
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(task.ownerUnitId, tree) });
  return { ownerKind: 'task', ownerId: task.id, unitId: ctx.actor.kind === 'user' ? ctx.actor.unitId : task.ownerUnitId };
}

/** Stores an evidence file in the database after sniffing its type; audited. */
export async function storeAttachment(target: UploadTarget, file: { bytes: Buffer; filename: string }, ctx: ServiceContext): Promise<AttachmentView> {
  const type = sniffAttachment(file.bytes, file.filename);
  if (!type) throw fail('attachment_type');
  const filename = cleanFilename(file.filename, type.extension);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const at = nowIso(ctx);
  return inTransaction(ctx, async (trx) => {
    if (target.ownerKind === 'report') {
      // The report may have been submitted while the file was uploading.
      const still = await trx.selectFrom('reports').select('status').where('id', '=', target.ownerId).executeTakeFirst();
      if (!still || (still.status !== 'draft' && still.status !== 'returned')) throw fail('report_not_draft', { status: still?.status ?? '?' });
    }
    const row = await trx
      .insertInto('attachments')
      .values({
        owner_kind: target.ownerKind,
        owner_id: target.ownerId,
        unit_id: target.unitId,
        filename,
        media_type: type.mediaType,
        byte_size: file.bytes.length,
        sha256,
        bytes: file.bytes,
        uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'attachment.add',
      entity: target.ownerKind,
      entityId: target.ownerId,
      detail: { attachmentId: row.id, filename, mediaType: type.mediaType, byteSize: file.bytes.length, sha256 },
    });
    return { id: row.id, filename, mediaType: type.mediaType, byteSize: file.bytes.length, sha256, createdAt: at };
  });
}

async function ownerCheck(attachmentId: number, ctx: ServiceContext) {
  const row = await ctx.db.selectFrom('attachments').select(['id', 'owner_kind', 'owner_id', 'unit_id']).where('id', '=', attachmentId).executeTakeFirst();
  if (!row) throw fail('attachment_not_found');
  return row;
}

/** The file, for whoever may read what it is attached to. */
export async function readAttachment(attachmentId: number, ctx: ServiceContext): Promise<{ filename: string; mediaType: string; bytes: Buffer }> {
  const row = await ownerCheck(attachmentId, ctx);
  if (row.owner_kind === 'report') {
    const report = await ctx.db.selectFrom('reports').select(['unit_id', 'status', 'task_id']).where('id', '=', row.owner_id).executeTakeFirst();
    if (!report) throw fail('attachment_not_found');
    const task = await loadTask(ctx.db, report.task_id);
    const tree = await loadUnitTree(ctx.db);
    const sealed = report.status !== 'draft' && report.status !== 'submitting';
    if (!mayReadReport(ctx.actor, tree, { unitId: report.unit_id, sealed, taskOwnerUnitId: task.ownerUnitId, leadUnitId: task.leadUnitId })) {
      throw fail('attachment_not_found');
    }
  } else {
    authorize(ctx.actor, 'task.read');
  }
  const file = await ctx.db.selectFrom('attachments').select(['filename', 'media_type', 'bytes']).where('id', '=', attachmentId).executeTakeFirstOrThrow();
  return { filename: file.filename, mediaType: file.media_type, bytes: Buffer.from(file.bytes) };
}

/** Removes a file from a draft report (its unit) or from a task's evidence (the office). */
export async function removeAttachment(attachmentId: number, ctx: ServiceContext): Promise<{ deleted: true }> {
  const row = await ownerCheck(attachmentId, ctx);
  await authorizeUpload(row.owner_kind === 'report' ? { reportId: row.owner_id } : { taskId: row.owner_id }, ctx);
  await inTransaction(ctx, async (trx) => {
    if (row.owner_kind === 'report') {
      const still = await trx.selectFrom('reports').select('status').where('id', '=', row.owner_id).executeTakeFirst();
      if (!still || (still.status !== 'draft' && still.status !== 'returned')) throw fail('report_not_draft', { status: still?.status ?? '?' });
    }
    await trx.deleteFrom('attachments').where('id', '=', attachmentId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'attachment.remove', entity: row.owner_kind === 'report' ? 'report' : 'task', entityId: row.owner_id, detail: { attachmentId } });
  });
  return { deleted: true };
}
