import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError, errors } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { decodeUpload } from './read-upload.js';
import { parsePlan } from '../parse/parse-plan.js';
import { PARSER_VERSION } from '../parse/version.js';
import { appendAudit } from './audit-trail.js';
import { inTransaction, nowIso } from './context.js';
import type { ServiceContext } from './context.js';
import { planRegistry } from './plan-resolver.js';
import { PLAN } from './plan-rows.js';

export interface CreatePlanVersionInput {
  bytes: Uint8Array;
  filename: string;
  mediaType?: string;
}

/**
 * The office's revision of a plan: edited text or an uploaded revised file, parsed again,
 * stored as the next version (the previous ones stay, for the redline and the record).
 */
export async function createPlanVersion(planId: number, input: CreatePlanVersionInput, ctx: ServiceContext): Promise<{ id: number; version: number; items: number; warnings: number }> {
  authorize(ctx.actor, 'plan.edit');
  const plan = await ctx.db.selectFrom('plans').select(['id', 'current_version', 'title']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw errors.notFound(PLAN);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const same = await ctx.db.selectFrom('plan_versions').select(['plan_id', 'number']).where('sha256', '=', sha256).executeTakeFirst();
  if (same) {
    throw new AppError(
      'conflict',
      same.plan_id === planId
        ? { zh: `内容与第 ${same.number} 版相同，没有修改`, en: `Same as version ${same.number}: nothing changed` }
        : { zh: `该文件已是另一计划（${same.plan_id}）的第 ${same.number} 版`, en: `This file is already version ${same.number} of plan ${same.plan_id}` },
      { planId: same.plan_id, version: same.number },
    );
  }
  const filename = path.basename(input.filename || 'revision.txt').slice(0, 200);
  const decoded = await decodeUpload(input.bytes, { maxBytes: ctx.config.maxUploadBytes, filename });
  const registry = await planRegistry(ctx.db);
  const parsed = parsePlan(decoded.text, { resolver: registry.resolver });
  if (parsed.items.length === 0) {
    throw new AppError('validation_failed', { zh: '修改稿中没有找到任何条目', en: 'The revision has no items' });
  }
  const number = plan.current_version + 1;
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const id = await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('plan_versions')
      .values({
        plan_id: planId,
        number,
        status: 'draft',
        filename,
        media_type: input.mediaType ?? 'text/plain',
        encoding: decoded.encoding,
        sha256,
        byte_size: input.bytes.length,
        source: Buffer.from(input.bytes),
        text: decoded.text,
        parsed: JSON.stringify(parsed),
        parser_version: PARSER_VERSION,
        created_by: userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('plans')
      .set({ current_version: number, title: parsed.title || plan.title, updated_at: at })
      .where('id', '=', planId)
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.version.create',
      entity: 'plan',
      entityId: planId,
      detail: { version: number, filename, sha256, items: parsed.items.length, warnings: parsed.warnings.length },
    });
    return row.id;
  });
  return { id, version: number, items: parsed.items.length, warnings: parsed.warnings.length };
}
