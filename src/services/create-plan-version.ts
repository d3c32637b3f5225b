import { createHash } from 'node:crypto';
import path from 'node:path';
import { isUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import type { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { decodeUpload } from './support/read-upload.js';
import { parsePlan } from '../parse/parse-plan.js';
import { PARSER_VERSION } from '../parse/version.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { placeOfPlan, planRegistry } from './support/plan-resolver.js';

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
  const plan = await ctx.db.selectFrom('plans').select(['id', 'title']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw fail('plan_not_found');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const same = await sameFile(ctx.db, sha256);
  if (same) throw sameFileConflict(same, planId);
  const filename = path.basename(input.filename || 'revision.txt').slice(0, 200);
  const decoded = await decodeUpload(input.bytes, { maxBytes: ctx.config.maxUploadBytes, filename });
  const registry = await planRegistry(ctx.db, await placeOfPlan(ctx.db, planId));
  const parsed = parsePlan(decoded.text, { resolver: registry.resolver });
  if (parsed.items.length === 0) throw fail('revision_no_items');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  try {
    return await inTransaction(ctx, async (trx) => {
      const at = nowIso(ctx);
      // The next number is taken inside the transaction, by an atomic increment that holds
      // the plan's row: two revisions saved at once get consecutive numbers, never the same.
      const bumped = await trx
        .updateTable('plans')
        .set((eb) => ({ current_version: eb('current_version', '+', 1), title: parsed.title || plan.title, updated_at: at }))
        .where('id', '=', planId)
        .returning('current_version')
        .executeTakeFirst();
      if (!bumped) throw fail('plan_not_found');
      const number = bumped.current_version;
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
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'plan.version.create',
        entity: 'plan',
        entityId: planId,
        detail: { version: number, filename, sha256, items: parsed.items.length, warnings: parsed.warnings.length },
      });
      return { id: row.id, version: number, items: parsed.items.length, warnings: parsed.warnings.length };
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'plan_versions')) throw error;
    // The same file saved twice at once (sha256 index), or, as a last line, a number taken.
    const clash = await sameFile(ctx.db, sha256);
    if (clash) throw sameFileConflict(clash, planId);
    const current = await ctx.db.selectFrom('plans').select('current_version').where('id', '=', planId).executeTakeFirst();
    throw fail('version_conflict', { version: current?.current_version ?? 0 });
  }
}

async function sameFile(db: ServiceContext['db'], sha256: string): Promise<{ plan_id: number; number: number } | undefined> {
  return db.selectFrom('plan_versions').select(['plan_id', 'number']).where('sha256', '=', sha256).executeTakeFirst();
}

function sameFileConflict(same: { plan_id: number; number: number }, planId: number): AppError {
  const details = { planId: same.plan_id, version: same.number };
  return same.plan_id === planId
    ? fail('version_unchanged', { version: same.number }, details)
    : fail('version_of_other_plan', { version: same.number, plan: same.plan_id }, details);
}
