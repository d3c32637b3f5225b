// Shapes of the server's JSON API as the web app uses them. The web app talks to the server
// only over HTTP, so these are declared here rather than imported from server code.

export const ROLES = ['admin', 'office', 'reporter', 'signatory', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['office', 'province', 'department', 'prefecture', 'county', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface SessionUser {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  locale: Locale;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
  kind: UnitKind;
  parentId: number | null;
  divisionCode: string | null;
  /** Member unit (成员单位) of the plan's leading group. */
  member: boolean;
}

export type UnitInput = Omit<Unit, 'id'>;

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  active: boolean;
  locale: Locale;
}

export interface NewUser {
  login: string;
  displayName: string;
  unitId: number;
  role: Role;
  password: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorLogin: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  digest: string;
  prevHash: string;
  hash: string;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  events: AuditEvent[];
  total: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

export interface Health {
  status: 'ok';
  db: 'sqlite' | 'postgres';
  version: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged?: number;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
