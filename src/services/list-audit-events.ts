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
  /** The name of the object (a unit's, a plan's title …), where it has one. */
  entityName: string | null;
  /** Names for ids in the detail, by key (`unitId` → 省公安厅), where they are cheap to find. */
  names: Record<string, string>;
}

/** Which detail keys and entities hold the id of what, for names in place of ids. */
const REFERENCES = {
  unit: ['unitId', 'ownerUnitId', 'levelUnitId'],
  user: ['userId'],
  plan: ['planId'],
  consultation: ['consultationId'],
  task: ['taskId', 'parentTaskId'],
} as const;
type Referenced = keyof typeof REFERENCES;

function idOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** One query per kind of object for the whole page: the names of every id it mentions. */
async function namesFor(ctx: ServiceContext, events: { entity: string; entityId: string | null; detail: unknown }[]): Promise<Record<Referenced, Map<number, string>>> {
  const wanted: Record<Referenced, Set<number>> = { unit: new Set(), user: new Set(), plan: new Set(), consultation: new Set(), task: new Set() };
  for (const e of events) {
    const detail = e.detail !== null && typeof e.detail === 'object' ? (e.detail as Record<string, unknown>) : {};
    for (const kind of Object.keys(REFERENCES) as Referenced[]) {
      const own = e.entity === kind ? idOf(e.entityId) : null;
      if (own !== null) wanted[kind].add(own);
      for (const key of REFERENCES[kind]) {
        const id = idOf(detail[key]);
        if (id !== null) wanted[kind].add(id);
      }
    }
  }
  const ids = (kind: Referenced) => [...wanted[kind]];
  const none = Promise.resolve([] as { id: number; name: string }[]);
  const [units, users, plans, consultations, tasks] = await Promise.all([
    wanted.unit.size ? ctx.db.selectFrom('units').select(['id', 'short_name as name']).where('id', 'in', ids('unit')).execute() : none,
    wanted.user.size ? ctx.db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids('user')).execute() : none,
    wanted.plan.size ? ctx.db.selectFrom('plans').select(['id', 'title as name']).where('id', 'in', ids('plan')).execute() : none,
    wanted.consultation.size ? ctx.db.selectFrom('consultations').select(['id', 'title as name']).where('id', 'in', ids('consultation')).execute() : none,
    wanted.task.size ? ctx.db.selectFrom('tasks').select(['id', 'title as name']).where('id', 'in', ids('task')).execute() : none,
  ]);
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [Number(r.id), r.name]));
  return { unit: map(units), user: map(users), plan: map(plans), consultation: map(consultations), task: map(tasks) };
}

function isReferenced(entity: string): entity is Referenced {
  return Object.hasOwn(REFERENCES, entity);
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
  const details = rows.map((r) => parseDetail(r.detail));
  const names = await namesFor(ctx, rows.map((r, i) => ({ entity: r.entity, entityId: r.entity_id, detail: details[i] })));
  return {
    total: Number(total.n),
    events: rows.map((r, i) => ({
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
      detail: details[i],
      entityName: isReferenced(r.entity) ? (names[r.entity].get(idOf(r.entity_id) ?? 0) ?? null) : null,
      names: detailNames(details[i], names),
    })),
  };
}

function detailNames(detail: unknown, names: Record<Referenced, Map<number, string>>): Record<string, string> {
  if (detail === null || typeof detail !== 'object') return {};
  const out: Record<string, string> = {};
  for (const kind of Object.keys(REFERENCES) as Referenced[]) {
    for (const key of REFERENCES[kind]) {
      const id = idOf((detail as Record<string, unknown>)[key]);
      const name = id === null ? undefined : names[kind].get(id);
      if (name !== undefined) out[key] = name;
    }
  }
  return out;
}
