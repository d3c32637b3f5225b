import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Unit } from '../domain/unit.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadUnit } from './support/unit-rows.js';
import { cleanAliases, createUnitInput } from './support/unit-input.js';
import type { CreateUnitInput } from './support/unit-input.js';
import { validateInput } from './support/validate-input.js';

export async function createUnit(input: CreateUnitInput, ctx: ServiceContext): Promise<Unit> {
  authorize(ctx.actor, 'unit.create');
  const data = validateInput(createUnitInput, input);
  const id = await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('units').select('id').where('code', '=', data.code).executeTakeFirst();
    if (clash) {
      throw fail('unit_code_taken', { code: data.code });
    }
    if (data.parentId !== null) {
      const parent = await trx.selectFrom('units').select('id').where('id', '=', data.parentId).executeTakeFirst();
      if (!parent) {
        throw fail('parent_unit_not_found');
      }
    }
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('units')
      .values({
        code: data.code,
        name: data.name,
        short_name: data.shortName,
        kind: data.kind,
        parent_id: data.parentId,
        division_code: data.divisionCode,
        member: data.member ? 1 : 0,
        sort_order: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const aliases = cleanAliases(data.aliases, data.name, data.shortName);
    if (aliases.length > 0) {
      await trx
        .insertInto('unit_aliases')
        .values(aliases.map((alias) => ({ unit_id: row.id, alias, variant: 0 })))
        .execute();
    }
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'unit.create',
      entity: 'unit',
      entityId: row.id,
      detail: { ...data, aliases },
    });
    return row.id;
  }).catch(onUniqueViolation('units', () => fail('unit_code_taken', { code: data.code })));
  return (await loadUnit(ctx.db, id))!;
}
