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

export interface PlansTable {
  id: Generated<number>;
  title: string;
  owner_unit_id: number;
  current_version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  /** draft (征求意见稿) or final. */
  status: string;
  filename: string;
  media_type: string;
  encoding: string;
  sha256: string;
  byte_size: number;
  source: Buffer;
  text: string;
  /** The parser's output (ParsedPlan) as JSON. */
  parsed: string;
  parser_version: string;
  created_by: number | null;
  created_at: string;
}

export interface PlanEditsTable {
  id: Generated<number>;
  version_id: number;
  /** update | remove | add */
  op: string;
  item_ordinal: number;
  /** responsible | target */
  kind: string;
  span_start: number;
  span_end: number;
  /** The patch (update) or the new fact (add), as JSON. */
  data: string;
  created_by: number | null;
  created_at: string;
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
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_edits: PlanEditsTable;
}
