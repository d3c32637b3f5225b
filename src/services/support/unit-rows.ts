import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUnitKind } from '../../domain/unit.js';
import type { Unit } from '../../domain/unit.js';

type Reader = Kysely<Database>;

export interface UnitFilter {
  ids?: number[];
  kind?: string;
  parentId?: number | null;
  code?: string;
}

/** Units with their aliases, in registry order. Shared by the unit use cases. */
export async function loadUnits(db: Reader, filter: UnitFilter = {}): Promise<Unit[]> {
  let query = db.selectFrom('units').selectAll();
  if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : [-1]);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.parentId !== undefined) {
    query = filter.parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', filter.parentId);
  }
  if (filter.code !== undefined) query = query.where('code', '=', filter.code);
  const rows = await query.orderBy('sort_order').orderBy('id').execute();
  if (rows.length === 0) return [];
  const wanted = new Set(rows.map((r) => r.id));
  let aliasQuery = db.selectFrom('unit_aliases').select(['unit_id', 'alias']).orderBy('unit_id').orderBy('alias');
  if (rows.length < 500) aliasQuery = aliasQuery.where('unit_id', 'in', [...wanted]);
  const aliases = new Map<number, string[]>();
  for (const a of await aliasQuery.execute()) {
    if (!wanted.has(a.unit_id)) continue;
    const list = aliases.get(a.unit_id) ?? [];
    list.push(a.alias);
    aliases.set(a.unit_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    aliases: aliases.get(r.id) ?? [],
    kind: isUnitKind(r.kind) ? r.kind : 'other',
    parentId: r.parent_id,
    divisionCode: r.division_code,
    member: r.member === 1,
  }));
}

export async function loadUnit(db: Reader, id: number): Promise<Unit | undefined> {
  const [unit] = await loadUnits(db, { ids: [id] });
  return unit;
}
