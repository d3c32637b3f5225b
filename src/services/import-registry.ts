import { validateRegistry } from '../catalog/registry-file.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { RegistryFile, UnitRecord } from '../domain/unit.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { cleanAliases } from './support/unit-input.js';

export interface ImportRegistryResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Parents before children, so each parent's id is known when its child is written. */
function parentsFirst(units: UnitRecord[], known: Map<string, number>): UnitRecord[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const done = new Set<string>();
  const out: UnitRecord[] = [];
  const visit = (u: UnitRecord, depth: number) => {
    if (done.has(u.code) || depth > 64) return;
    const parent = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    if (parent && !done.has(parent.code)) visit(parent, depth + 1);
    done.add(u.code);
    out.push(u);
  };
  for (const u of units) visit(u, 0);
  for (const u of out) {
    if (u.parentCode !== null && !byCode.has(u.parentCode) && !known.has(u.parentCode)) {
      throw fail('registry_parent_missing', { code: u.code, parent: u.parentCode });
    }
  }
  return out;
}

async function writeAliases(trx: Tx, unitId: number, aliases: string[], variants: Set<string>): Promise<void> {
  await trx.deleteFrom('unit_aliases').where('unit_id', '=', unitId).execute();
  if (aliases.length === 0) return;
  await trx
    .insertInto('unit_aliases')
    .values(aliases.map((alias) => ({ unit_id: unitId, alias, variant: variants.has(alias) ? 1 : 0 })))
    .execute();
}

/**
 * Creates or updates units by code from a registry file (JSON or xlsx, already decoded).
 * Units not in the file are left alone: importing never deletes.
 */
export async function importRegistry(
  file: RegistryFile,
  ctx: ServiceContext,
  options: { variants?: Iterable<string> } = {},
): Promise<ImportRegistryResult> {
  authorize(ctx.actor, 'unit.import');
  const registry = validateRegistry(file);
  const variants = new Set([...(options.variants ?? []), ...registry.units.flatMap((u) => u.variants ?? [])]);
  return inTransaction(ctx, async (trx) => {
    const existingRows = await trx.selectFrom('units').selectAll().execute();
    const existing = new Map(existingRows.map((r) => [r.code, r]));
    const ids = new Map(existingRows.map((r) => [r.code, r.id]));
    const aliasRows = await trx.selectFrom('unit_aliases').select(['unit_id', 'alias']).execute();
    const aliasesOf = new Map<number, string[]>();
    for (const a of aliasRows) aliasesOf.set(a.unit_id, [...(aliasesOf.get(a.unit_id) ?? []), a.alias]);

    const result: ImportRegistryResult = { created: 0, updated: 0, unchanged: 0 };
    const changes: { code: string; change: 'created' | 'updated' }[] = [];
    const at = nowIso(ctx);
    const order = new Map(registry.units.map((u, i) => [u.code, i]));
    for (const unit of parentsFirst(registry.units, ids)) {
      const values = {
        code: unit.code,
        name: unit.name,
        short_name: unit.shortName,
        kind: unit.kind,
        parent_id: unit.parentCode === null ? null : ids.get(unit.parentCode)!,
        division_code: unit.divisionCode,
        member: unit.member ? 1 : 0,
        sort_order: order.get(unit.code)!,
      };
      const aliases = cleanAliases([...unit.aliases, ...(unit.variants ?? [])], unit.name, unit.shortName);
      const before = existing.get(unit.code);
      if (!before) {
        const row = await trx
          .insertInto('units')
          .values({ ...values, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.set(unit.code, row.id);
        await writeAliases(trx, row.id, aliases, variants);
        result.created++;
        changes.push({ code: unit.code, change: 'created' });
        continue;
      }
      const same =
        before.name === values.name &&
        before.short_name === values.short_name &&
        before.kind === values.kind &&
        before.parent_id === values.parent_id &&
        before.division_code === values.division_code &&
        before.member === values.member &&
        [...(aliasesOf.get(before.id) ?? [])].sort().join('\n') === [...aliases].sort().join('\n');
      if (same) {
        if (before.sort_order !== values.sort_order) {
          await trx.updateTable('units').set({ sort_order: values.sort_order }).where('id', '=', before.id).execute();
        }
        result.unchanged++;
        continue;
      }
      await trx.updateTable('units').set({ ...values, updated_at: at }).where('id', '=', before.id).execute();
      await writeAliases(trx, before.id, aliases, variants);
      result.updated++;
      changes.push({ code: unit.code, change: 'updated' });
    }
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'unit.import',
      entity: 'registry',
      entityId: null,
      detail: { ...result, changes },
    });
    return result;
  });
}
