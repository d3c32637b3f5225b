import type { Generated } from 'kysely';

/**
 * Table types. Portable choices for both SQLite and PostgreSQL: times are ISO-8601 text
 * (UTC), booleans are 0/1 integers, structured values are JSON text.
 */
export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: number | null;
  division_code: string | null;
  member: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UnitAliasesTable {
  unit_id: number;
  alias: string;
  /** 1 when the alias is a known mistake or variant spelling (省卫建委 for 省卫健委). */
  variant: number;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  unit_id: number;
  role: string;
  password_hash: string;
  locale: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the table does not let anyone log in. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  login: string;
  ip: string;
  at: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_login: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  digest: string;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the chain's head, locked by every append so appends serialise. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  units: UnitsTable;
  unit_aliases: UnitAliasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  meta: MetaTable;
}
