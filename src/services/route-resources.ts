import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fail } from '../domain/errors.js';
import { unitPath } from '../domain/policy.js';
import type { Resource } from '../domain/policy.js';
import { loadUnitTree } from './support/unit-tree.js';

/** Resources a route names in its path, whose unit the server checks before reading the body. */
export const PATH_RESOURCES = ['reply', 'task', 'notice'] as const;
export type PathResource = (typeof PATH_RESOURCES)[number];

/**
 * What a path-named resource is, as `can()` needs it: the unit it belongs to and the
 * jurisdiction above it. The same facts the use case authorises on afterwards (it checks
 * again, inside its own reads); answered here from a single row so that a request for another
 * unit's reply, task or notice is refused before a byte of its body is read. Unknown ids fail
 * with the resource's own not-found code, as the use case would.
 */
export async function pathResource(db: Kysely<Database>, kind: PathResource, id: number): Promise<Resource> {
  switch (kind) {
    case 'reply': {
      const row = await db.selectFrom('replies').select(['unit_id', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row) throw fail('reply_not_found');
      return { unitId: row.unit_id, sealed: row.status !== 'draft' };
    }
    case 'task': {
      const row = await db.selectFrom('tasks').select('owner_unit_id').where('id', '=', id).executeTakeFirst();
      if (!row) throw fail('task_not_found');
      return { scopePath: unitPath(row.owner_unit_id, await loadUnitTree(db)) };
    }
    case 'notice': {
      const row = await db
        .selectFrom('notices')
        .innerJoin('tasks', 'tasks.id', 'notices.task_id')
        .select(['notices.unit_id', 'tasks.owner_unit_id'])
        .where('notices.id', '=', id)
        .executeTakeFirst();
      if (!row) throw fail('notice_not_found');
      return { unitId: row.unit_id, scopePath: unitPath(row.owner_unit_id, await loadUnitTree(db)) };
    }
  }
}
