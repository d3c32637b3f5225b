import { authorize } from '../domain/policy.js';
import type { RegistryFile } from '../domain/unit.js';
import type { ServiceContext } from './support/context.js';
import { loadUnits } from './support/unit-rows.js';

/** The whole registry as a file that importRegistry reads back (parents named by code). */
export async function exportRegistry(ctx: ServiceContext): Promise<RegistryFile> {
  authorize(ctx.actor, 'unit.export');
  const units = await loadUnits(ctx.db);
  const variantRows = await ctx.db.selectFrom('unit_aliases').select(['unit_id', 'alias']).where('variant', '=', 1).execute();
  const variantsOf = new Map<number, Set<string>>();
  for (const v of variantRows) variantsOf.set(v.unit_id, (variantsOf.get(v.unit_id) ?? new Set()).add(v.alias));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return {
    format: 'luoshi-registry',
    version: 1,
    units: units.map((u) => {
      const variants = variantsOf.get(u.id) ?? new Set<string>();
      return {
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        aliases: u.aliases.filter((a) => !variants.has(a)),
        ...(variants.size > 0 && { variants: [...variants] }),
        kind: u.kind,
        parentCode: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
        divisionCode: u.divisionCode,
        member: u.member,
      };
    }),
  };
}
