import { createHash } from 'node:crypto';
import path from 'node:path';
import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import type { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { decodeUpload } from './support/read-upload.js';
import { parsePlan } from '../parse/parse-plan.js';
import { PARSER_VERSION } from '../parse/version.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { placeNamedBy, planPlace, planRegistry } from './support/plan-resolver.js';

export interface ImportPlanInput {
  bytes: Uint8Array;
  filename: string;
  mediaType?: string;
  /** GB/T 2260 code of the 市州/县市区 whose registry resolves names (default: the importing unit's, if it is one). */
  place?: string;
}

export interface ImportPlanResult {
  id: number;
  title: string;
  version: number;
  items: number;
  warnings: number;
}

const OFFICE_KINDS = new Set(['office']);
const MEDIA_TYPES: Partial<Record<string, string>> = {
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Reads a work plan (txt/md in UTF-8 or GB18030, a web page saved as html, docx, or a 分工表 as xlsx), parses it and
 * stores it as a new plan with version 1 (draft): original bytes, decoded text and parse.
 * A plan of a 市州/县市区 (the `place` asked for, the importing unit's own, or the one of the
 * province its title or issuer opens with) resolves names against that place's registry, and keeps
 * the place for re-parses and revisions. The same bytes
 * imported twice are refused with a pointer to the plan that has them.
 */
export async function importPlan(input: ImportPlanInput, ctx: ServiceContext): Promise<ImportPlanResult> {
  authorize(ctx.actor, 'plan.import');
  const filename = path.basename(input.filename || 'plan.txt').slice(0, 200);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await findImported(ctx, sha256);
  if (existing) throw existing;
  const decoded = await decodeUpload(input.bytes, { maxBytes: ctx.config.maxUploadBytes, filename });
  const dbRegistry = await planRegistry(ctx.db);
  const actorUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : dbRegistry.units.find((u) => OFFICE_KINDS.has(u.kind))?.id;
  if (actorUnit === undefined) {
    throw fail('registry_no_office');
  }
  const asked = planPlace(input.place, dbRegistry.units.find((u) => u.id === actorUnit));
  let registry = asked === null ? dbRegistry : await planRegistry(ctx.db, asked);
  let parsed = parsePlan(decoded.text, { resolver: registry.resolver });
  // A plan whose title names a 市州 or 县市区 of the province (长沙市2024年…) is read with that place's registry.
  const named = asked === null ? placeNamedBy(parsed, dbRegistry.units.find((u) => u.kind === 'province')?.code) : null;
  if (named !== null) {
    registry = await planRegistry(ctx.db, named);
    parsed = parsePlan(decoded.text, { resolver: registry.resolver });
  }
  const place = asked ?? named;
  if (parsed.items.length === 0 && parsed.sections.length === 0) {
    throw fail('plan_no_structure');
  }
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const title = parsed.title || filename;
  const at = nowIso(ctx);
  const id = await inTransaction(ctx, async (trx) => {
    const plan = await trx
      .insertInto('plans')
      .values({ title, owner_unit_id: actorUnit, place, current_version: 1, created_by: userId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_versions')
      .values({
        plan_id: plan.id,
        number: 1,
        status: 'draft',
        filename,
        media_type: input.mediaType ?? MEDIA_TYPES[decoded.encoding] ?? 'text/plain',
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
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.import',
      entity: 'plan',
      entityId: plan.id,
      detail: {
        title,
        filename,
        sha256,
        encoding: decoded.encoding,
        place,
        bytes: input.bytes.length,
        sections: parsed.sections.length,
        items: parsed.items.length,
        warnings: parsed.warnings.length,
      },
    });
    return plan.id;
  }).catch(onUniqueViolation('plan_versions', async () => alreadyImported(ctx, sha256)));
  return { id, title, version: 1, items: parsed.items.length, warnings: parsed.warnings.length };
}

/** The `plan_already_imported` conflict when a plan version already holds these bytes. */
async function findImported(ctx: ServiceContext, sha256: string): Promise<AppError | null> {
  const existing = await ctx.db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select(['plans.id', 'plans.title', 'plan_versions.number'])
    .where('plan_versions.sha256', '=', sha256)
    .executeTakeFirst();
  if (!existing) return null;
  return fail(
    'plan_already_imported',
    { title: existing.title, plan: existing.id, version: existing.number },
    { planId: existing.id, version: existing.number },
  );
}

/** After a unique violation on the file's hash: the same bytes were imported at the same moment. */
async function alreadyImported(ctx: ServiceContext, sha256: string): Promise<Error> {
  return (await findImported(ctx, sha256)) ?? fail('conflict');
}
