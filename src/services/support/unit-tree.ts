import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { officeJurisdiction, unitPath } from '../../domain/policy.js';
import type { UnitNode, UnitTree } from '../../domain/policy.js';

/** The registry as a tree of parents and kinds, for jurisdiction checks and roll-ups. */
export async function loadUnitTree(db: Kysely<Database>): Promise<UnitTree> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id', 'kind']).execute();
  return new Map<number, UnitNode>(rows.map((r) => [r.id, { parentId: r.parent_id, kind: r.kind }]));
}

/** The local government whose office an office-role user is, walking up from their unit. */
export async function officeOfUnit(db: Kysely<Database>, unitId: number): Promise<number | undefined> {
  const tree = new Map<number, UnitNode>();
  let current: number | null = unitId;
  for (let depth = 0; current !== null && depth < 16 && !tree.has(current); depth += 1) {
    const row = await db.selectFrom('units').select(['id', 'parent_id', 'kind']).where('id', '=', current).executeTakeFirst();
    if (!row) break;
    tree.set(row.id, { parentId: row.parent_id, kind: row.kind });
    current = row.parent_id;
  }
  return officeJurisdiction(unitId, tree);
}

/** The children of a unit in the tree. */
export function childrenOf(unitId: number, tree: UnitTree): number[] {
  const out: number[] = [];
  for (const [id, node] of tree) if (node.parentId === unitId) out.push(id);
  return out;
}

export { unitPath };
