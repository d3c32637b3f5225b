import { Registry } from '../catalog/registry.js';
import { authorize } from '../domain/policy.js';
import type { Unit } from '../domain/unit.js';
import type { ServiceContext } from './support/context.js';
import { loadUnits } from './support/unit-rows.js';

export interface ListUnitsOptions {
  /** Matches the name, short name, code or any alias (substring, ignoring case and spaces). */
  q?: string;
  kind?: string;
  parentId?: number | null;
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export async function listUnits(options: ListUnitsOptions, ctx: ServiceContext): Promise<Unit[]> {
  authorize(ctx.actor, 'unit.read');
  const units = await loadUnits(ctx.db, {
    ...(options.kind !== undefined && { kind: options.kind }),
    ...(options.parentId !== undefined && { parentId: options.parentId }),
  });
  const q = options.q === undefined ? '' : normalise(options.q);
  if (q === '') return units;
  // The registry's own lookup comes first: it knows 湖南省公安厅 is 省公安厅 and that
  // 长沙市人民政府 is 长沙市, which a substring match does not.
  const canonical = new Registry(units).lookup(options.q ?? '')?.unit;
  const matches = (u: Unit) => [u.name, u.shortName, u.code, ...u.aliases].some((n) => normalise(n).includes(q));
  // Exact hits first: a search for 省住建厅 should put 省住房城乡建设厅 at the top.
  const exact = (u: Unit) => [u.name, u.shortName, u.code, ...u.aliases].some((n) => normalise(n) === q);
  const found = units.filter((u) => u !== canonical && matches(u));
  return [...(canonical ? [canonical] : []), ...found.filter(exact), ...found.filter((u) => !exact(u))];
}
