import { z } from 'zod';
import { fail } from '../domain/errors.js';
import { applyEdits, spanFits } from '../domain/plan-edits.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getPlan } from './get-plan.js';
import type { PlanView } from './get-plan.js';
import { planRegistry } from './support/plan-resolver.js';
import { loadEdits, loadVersion } from './support/plan-rows.js';
import { validateInput } from './support/validate-input.js';

const responsiblePatch = z.strictObject({
  unitId: z.number().int().positive().nullable().optional(),
  role: z.enum(['lead', 'cooperate', 'localities']).optional(),
});
const targetPatch = z.strictObject({
  value: z.number().finite().optional(),
  max: z.number().finite().nullable().optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  comparator: z.enum(['=', '>=', '<=', 'range']).optional(),
  subject: z.string().trim().max(200).nullable().optional(),
  scope: z.string().trim().max(100).nullable().optional(),
  year: z.number().int().min(1900).max(2200).nullable().optional(),
});

export const editPlanFactInput = z.object({
  op: z.enum(['update', 'remove', 'add']),
  itemOrdinal: z.number().int().positive(),
  kind: z.enum(['responsible', 'target']),
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
  /** update: the fields to change; add: the new fact's fields. */
  values: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().positive().optional(),
});
export type EditPlanFactInput = z.input<typeof editPlanFactInput>;

/**
 * Corrects one fact of a parsed plan (unit, role, value, unit of measure, comparator …),
 * removes a wrong one, or adds one the parser missed from a selected passage. The edit is
 * stored on top of the parse and audited; the parse itself is never changed.
 */
export async function editPlanFact(planId: number, input: EditPlanFactInput, ctx: ServiceContext): Promise<PlanView> {
  authorize(ctx.actor, 'plan.edit');
  const data = validateInput(editPlanFactInput, input);
  const version = await loadVersion(ctx.db, planId, data.version);
  const span: [number, number] = [data.span[0], data.span[1]];
  if (!spanFits(version.text, span)) {
    throw fail('span_outside_document');
  }
  const current = applyEdits(version.parsed, (await loadEdits(ctx.db, version.id)).map((s) => s.edit), version.text);
  const item = current.items.find((i) => i.ordinal === data.itemOrdinal);
  if (!item) throw fail('item_not_found', { item: data.itemOrdinal });
  const facts: { span: [number, number] }[] = data.kind === 'responsible' ? item.responsible : item.targets;
  const exists = facts.some((f) => f.span[0] === span[0] && f.span[1] === span[1]);
  if (data.op !== 'add' && !exists) {
    throw fail('fact_not_found');
  }
  if (data.op === 'add' && (span[0] < item.span[0] || span[1] > item.span[1])) {
    throw fail('span_outside_item');
  }

  let stored: Record<string, unknown> = {};
  if (data.op !== 'remove') {
    if (data.kind === 'responsible') {
      const patch = validateInput(responsiblePatch, data.values ?? {});
      let unit: string | null | undefined;
      if (patch.unitId !== undefined) {
        const registry = await planRegistry(ctx.db);
        unit = patch.unitId === null ? null : (registry.units.find((u) => u.id === patch.unitId)?.shortName ?? undefined);
        if (unit === undefined) throw fail('fact_unit_unknown');
      }
      if (data.op === 'add' && patch.role === undefined) {
        throw fail('fact_role_required');
      }
      stored = { ...(unit !== undefined && { unit }), ...(patch.role !== undefined && { role: patch.role }) };
    } else {
      const patch = validateInput(targetPatch, data.values ?? {});
      if (data.op === 'add' && (patch.value === undefined || patch.unit === undefined)) {
        throw fail('fact_target_incomplete');
      }
      stored = patch;
    }
    if (Object.keys(stored).length === 0) {
      throw fail('nothing_to_change');
    }
  }

  await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('plan_edits')
      .values({
        version_id: version.id,
        op: data.op,
        item_ordinal: data.itemOrdinal,
        kind: data.kind,
        span_start: span[0],
        span_end: span[1],
        data: JSON.stringify(stored),
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: nowIso(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('plans').set({ updated_at: nowIso(ctx) }).where('id', '=', planId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: `plan.fact.${data.op}`,
      entity: 'plan',
      entityId: planId,
      detail: {
        editId: row.id,
        version: version.number,
        itemOrdinal: data.itemOrdinal,
        kind: data.kind,
        span,
        raw: version.text.slice(span[0], span[1]),
        values: stored,
      },
    });
  });
  return getPlan(planId, ctx, version.number);
}
