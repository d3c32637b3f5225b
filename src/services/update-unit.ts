import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Unit } from '../domain/unit.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadUnit } from './support/unit-rows.js';
import { cleanAliases, updateUnitInput } from './support/unit-input.js';
import type { UpdateUnitInput } from './support/unit-input.js';
import { validateInput } from './support/validate-input.js';

async function assertNoCycle(trx: Tx, unitId: number, parentId: number): Promise<void> {
  let current: number | null = parentId;
  for (let depth = 0; current !== null && depth < 100; depth++) {
    if (current === unitId) {
      throw fail('parent_unit_cycle');
    }
    const row: { parent_id: number | null } | undefined = await trx
      .selectFrom('units')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) throw fail('parent_unit_not_found');
    current = row.parent_id;
  }
}

export async function updateUnit(id: number, patch: UpdateUnitInput, ctx: ServiceContext): Promise<Unit> {
  authorize(ctx.actor, 'unit.update');
  const data = validateInput(updateUnitInput, patch);
  await inTransaction(ctx, async (trx) => {
    const before = await loadUnit(trx, id);
    if (!before) throw fail('unit_not_found');
    if (data.code !== undefined && data.code !== before.code) {
      const clash = await trx.selectFrom('units').select('id').where('code', '=', data.code).executeTakeFirst();
      if (clash) throw fail('unit_code_taken', { code: data.code });
    }
    if (data.parentId !== undefined && data.parentId !== null) await assertNoCycle(trx, id, data.parentId);
    const member = data.member === undefined ? {} : { member: data.member ? 1 : 0 };
    await trx
      .updateTable('units')
      .set({
        ...(data.code !== undefined && { code: data.code }),
        ...(data.name !== undefined && { name: data.name }),
        ...(data.shortName !== undefined && { short_name: data.shortName }),
        ...(data.kind !== undefined && { kind: data.kind }),
        ...(data.parentId !== undefined && { parent_id: data.parentId }),
        ...(data.divisionCode !== undefined && { division_code: data.divisionCode }),
        ...member,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .execute();
    if (data.aliases !== undefined) {
      const aliases = cleanAliases(data.aliases, data.name ?? before.name, data.shortName ?? before.shortName);
      const variants = new Set(
        (await trx.selectFrom('unit_aliases').select('alias').where('unit_id', '=', id).where('variant', '=', 1).execute()).map(
          (r) => r.alias,
        ),
      );
      await trx.deleteFrom('unit_aliases').where('unit_id', '=', id).execute();
      if (aliases.length > 0) {
        await trx
          .insertInto('unit_aliases')
          .values(aliases.map((alias) => ({ unit_id: id, alias, variant: variants.has(alias) ? 1 : 0 })))
          .execute();
      }
    }
    const changed = Object.fromEntries(
      Object.entries(data).filter(([k, v]) => JSON.stringify((before as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v)),
    );
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      detail: { before: was, after: changed },
    });
  }).catch(onUniqueViolation('units', () => fail('unit_code_taken', { code: data.code ?? '' })));
  return (await loadUnit(ctx.db, id))!;
}
