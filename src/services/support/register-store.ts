import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { fail } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { checkDefinition } from '../../domain/register-definition.js';
import type { RegionLevel, RegisterDefinition } from '../../domain/register-definition.js';
import type { RegionRef, RegionResolver, RowValues } from '../../domain/register-values.js';
import { BulkInsert } from '../../db/bulk-insert.js';
import { parseJsonColumn } from '../../db/json-fields.js';
import type { Database } from '../../db/schema.js';
import { appendAudit } from './audit-trail.js';
import type { Clock, Tx } from './context.js';

/** A register as the services use it: its row and its parsed definition. */
export interface LoadedRegister {
  id: number;
  key: string;
  name: string;
  builtin: boolean;
  definition: RegisterDefinition;
  updatedAt: string;
}

type Db = Kysely<Database> | Tx;

export async function loadRegister(db: Db, id: number): Promise<LoadedRegister> {
  const row = await db.selectFrom('registers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw fail('register_not_found');
  return toLoaded(row);
}

export async function loadRegisterByKey(db: Db, key: string): Promise<LoadedRegister> {
  const row = await db.selectFrom('registers').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) throw fail('register_not_found');
  return toLoaded(row);
}

function toLoaded(row: { id: number; key: string; name: string; builtin: number; definition: string; updated_at: string }): LoadedRegister {
  const { definition, issues } = checkDefinition(JSON.parse(row.definition));
  // A stored definition was checked when it was saved; a failure here is a bug, not input.
  if (!definition) throw new Error(`register ${row.key}: stored definition is invalid: ${issues.map((i) => i.en).join('; ')}`);
  return { id: row.id, key: row.key, name: row.name, builtin: row.builtin === 1, definition, updatedAt: row.updated_at };
}

export function rowValues(data: unknown): RowValues {
  return parseJsonColumn<RowValues>(data);
}

/**
 * The regions a register row may name: Hunan's 市州 and 县市区 from the registry, found by
 * full name, short name or alias. A row stores the short name (岳阳市), as Excel shows it.
 */
export async function regionResolver(db: Db): Promise<{ resolve: RegionResolver; byId: Map<number, RegionRef & { level: RegionLevel }> }> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'kind', 'parent_id'])
    .where('kind', 'in', ['prefecture', 'county'])
    .where('division_code', 'is not', null)
    .execute();
  const aliases = await db
    .selectFrom('unit_aliases')
    .innerJoin('units', 'units.id', 'unit_aliases.unit_id')
    .select(['unit_aliases.unit_id', 'unit_aliases.alias'])
    .where('units.kind', 'in', ['prefecture', 'county'])
    .execute();
  const maps: Record<RegionLevel, Map<string, RegionRef>> = { prefecture: new Map(), county: new Map() };
  const byId = new Map<number, RegionRef & { level: RegionLevel }>();
  for (const u of units) {
    const level: RegionLevel = u.kind === 'prefecture' ? 'prefecture' : 'county';
    const ref = { id: u.id, name: u.short_name, parentId: u.parent_id };
    byId.set(u.id, { ...ref, level });
    for (const n of [u.name, u.short_name]) if (!maps[level].has(n)) maps[level].set(n, ref);
  }
  for (const a of aliases) {
    const ref = byId.get(a.unit_id);
    if (ref && !maps[ref.level].has(a.alias)) maps[ref.level].set(a.alias, { id: ref.id, name: ref.name, parentId: ref.parentId });
  }
  return { resolve: (name, level) => maps[level].get(name.trim()) ?? null, byId };
}

export interface RowChange {
  rowId: number;
  before: RowValues | null;
  after: RowValues | null;
  /** `after` as JSON when the caller already has it (the row's own data): not serialised twice. */
  afterJson?: string;
}

/**
 * One change to a register's rows (an edit, an import, an evaluation's status changes):
 * a change set, each row's before/after (added in batches, so an import of 100,000 rows
 * never holds them all), and on close one audit event carrying the counts and the SHA-256
 * of every row change in order, so the chain vouches for the history table. Runs inside the
 * caller's transaction.
 */
export interface ChangeSet {
  id: number;
  add(changes: RowChange[]): Promise<void>;
  close(summary: Record<string, unknown>, auditDetail?: Record<string, unknown>): Promise<number>;
}

export async function openChange(trx: Tx, actor: Actor, clock: Clock, registerId: number, kind: 'edit' | 'import' | 'evaluation'): Promise<ChangeSet> {
  const at = clock.now().toISOString();
  const change = await trx
    .insertInto('register_changes')
    .values({ register_id: registerId, kind, actor_login: actor.login, at, audit_seq: null, summary: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const digest = createHash('sha256');
  const insertChanges = new BulkInsert<{ change_id: number; row_id: number; before: string | null; after: string | null }>(trx, 'register_row_changes', ['change_id', 'row_id', 'before', 'after'], 500);
  let count = 0;
  return {
    id: change.id,
    async add(changes) {
      const rows = changes.map((c) => {
        const before = c.before === null ? null : JSON.stringify(c.before);
        const after = c.after === null ? null : (c.afterJson ?? JSON.stringify(c.after));
        digest.update(`${c.rowId}\u0000${before ?? ''}\u0000${after ?? ''}\n`);
        return { change_id: change.id, row_id: c.rowId, before, after };
      });
      count += rows.length;
      await insertChanges.run(trx, rows);
    },
    async close(summary, auditDetail) {
      const seq = await appendAudit(trx, actor, clock, {
        action: `register.${kind}`,
        entity: 'register_change',
        entityId: change.id,
        detail: { registerId, ...summary, rows: count, rowChangesSha256: digest.digest('hex'), ...auditDetail },
      });
      await trx.updateTable('register_changes').set({ audit_seq: seq, summary: JSON.stringify(summary) }).where('id', '=', change.id).execute();
      return seq;
    },
  };
}
