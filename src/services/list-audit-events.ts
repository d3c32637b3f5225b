import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  /** ISO date or time; inclusive. */
  from?: string;
  /** ISO date or time; a bare date includes that whole day. */
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorLogin: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  digest: string;
  prevHash: string;
  hash: string;
  detail: unknown;
}

function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function listAuditEvents(filter: AuditFilter, ctx: ServiceContext): Promise<{ events: AuditEvent[]; total: number }> {
  authorize(ctx.actor, 'audit.read');
  let query = ctx.db.selectFrom('audit_events');
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('actor_login', '=', filter.actor);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', /^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? `${filter.to}T23:59:59.999Z` : filter.to);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .selectAll('audit_events')
    .select('users.display_name')
    .orderBy('seq', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
    .offset(Math.max(filter.offset ?? 0, 0))
    .execute();
  return {
    total: Number(total.n),
    events: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorLogin: r.actor_login,
      actorName: r.display_name ?? r.actor_login,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      digest: r.digest,
      prevHash: r.prev_hash,
      hash: r.hash,
      detail: parseDetail(r.detail),
    })),
  };
}
