import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { RowValues } from '../domain/register-values.js';
import type { ServiceContext } from './support/context.js';

export interface RowHistoryEntry {
  changeId: number;
  kind: string;
  at: string;
  actor: string;
  actorName: string;
  /** The audit event that vouches for the change. */
  auditSeq: number | null;
  before: RowValues | null;
  after: RowValues | null;
}

/** A row's changes, newest first, each tied to its audit event. */
export async function getRegisterRowHistory(registerId: number, rowId: number, ctx: ServiceContext): Promise<RowHistoryEntry[]> {
  authorize(ctx.actor, 'register.read');
  const row = await ctx.db.selectFrom('register_rows').select('id').where('id', '=', rowId).where('register_id', '=', registerId).executeTakeFirst();
  if (!row) throw fail('register_row_not_found');
  const changes = await ctx.db
    .selectFrom('register_row_changes')
    .innerJoin('register_changes', 'register_changes.id', 'register_row_changes.change_id')
    .leftJoin('users', 'users.login', 'register_changes.actor_login')
    .select([
      'users.display_name',
      'register_changes.id',
      'register_changes.kind',
      'register_changes.at',
      'register_changes.actor_login',
      'register_changes.audit_seq',
      'register_row_changes.before',
      'register_row_changes.after',
    ])
    .where('register_row_changes.row_id', '=', rowId)
    .orderBy('register_changes.id', 'desc')
    .limit(200)
    .execute();
  return changes.map((c) => ({
    changeId: c.id,
    kind: c.kind,
    at: c.at,
    actor: c.actor_login,
    actorName: c.display_name ?? c.actor_login,
    auditSeq: c.audit_seq,
    before: c.before === null ? null : (JSON.parse(c.before) as RowValues),
    after: c.after === null ? null : (JSON.parse(c.after) as RowValues),
  }));
}
