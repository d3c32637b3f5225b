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

// Plans (issue 3). `span` is [start, end) in JavaScript string offsets into the plan's `text`.

export type Span = [number, number];

export type ResponsibleRole = 'lead' | 'cooperate' | 'localities';
export const RESPONSIBLE_ROLES: readonly ResponsibleRole[] = ['lead', 'cooperate', 'localities'];

export type Comparator = '=' | '>=' | '<=' | '≈' | 'range';
export const COMPARATORS: readonly Comparator[] = ['=', '>=', '<=', '≈', 'range'];

/** Where a fact came from: the parser, or a person's correction (with the edits that touched it). */
export interface Provenance {
  source: 'parser' | 'edit';
  editIds: number[];
}

export interface PlanResponsible extends Provenance {
  raw: string;
  /** The registry's short name, or null when the name in the text matched no unit. */
  unit: string | null;
  unitId: number | null;
  role: ResponsibleRole;
  /** Members of a collective phrase (各市州政府 → the 14 市州), when the registry knows them. */
  expands: string[];
  expandsUnitIds: (number | null)[];
  span: Span;
}

export interface PlanTarget extends Provenance {
  raw: string;
  value: number;
  max: number | null;
  unit: string;
  comparator: Comparator;
  subject: string | null;
  scope: string | null;
  year: number | null;
  /** 0–1; below 0.7 the parser is unsure the figure is a target at all. */
  confidence: number;
  span: Span;
}

export interface PlanItem {
  number: string;
  ordinal: number;
  section: number | null;
  title: string;
  text: string;
  span: Span;
  responsible: PlanResponsible[];
  targets: PlanTarget[];
}

export interface PlanSection {
  number: string;
  ordinal: number;
  title: string;
  span: Span;
}

export interface PlanWarning {
  code: string;
  /** The facts the warning names; absent on parses stored before warnings had them. */
  params?: Record<string, string | number>;
  /** In Chinese, from the parser: shown when the app cannot render the code itself. */
  message: string;
  span: Span;
}

export interface PlanContact {
  name: string;
  phones: string[];
  faxes: string[];
}

export interface CoverLetter {
  title: string | null;
  issuer: string | null;
  date: string | null;
  deadline: string | null;
  recipients: string[];
  contacts: PlanContact[];
  emails: string[];
  attachments: string[];
}

export interface PlanEditRecord {
  id: number;
  op: 'update' | 'remove' | 'add';
  ref: { itemOrdinal: number; kind: FactKind; span: Span };
  patch?: Record<string, unknown>;
  fact?: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
}

export type FactKind = 'responsible' | 'target';

export interface PlanVersionInfo {
  number: number;
  status: string;
  filename: string;
  encoding: string;
  sha256: string;
  byteSize: number;
  parserVersion: string;
  createdAt: string;
}

export interface PlanView {
  id: number;
  title: string;
  letter: CoverLetter | null;
  sections: PlanSection[];
  items: PlanItem[];
  warnings: PlanWarning[];
  text: string;
  version: PlanVersionInfo;
  versions: { number: number; status: string; createdAt: string }[];
  edits: PlanEditRecord[];
  /** Ids of edits whose fact is gone from the current parse. */
  orphanedEdits: number[];
}

export interface PlanSummary {
  id: number;
  title: string;
  currentVersion: number;
  status: string;
  ownerUnitId: number;
  ownerUnitName: string;
  items: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanImportResult {
  id: number;
  title: string;
  version: number;
  items: number;
  warnings: number;
}

export interface ResponsibleValues {
  unitId?: number | null;
  role?: ResponsibleRole;
}

export interface TargetValues {
  value?: number;
  max?: number | null;
  unit?: string;
  comparator?: Comparator;
  subject?: string | null;
  scope?: string | null;
  year?: number | null;
}

export interface PlanEditInput {
  op: 'update' | 'remove' | 'add';
  itemOrdinal: number;
  kind: FactKind;
  span: Span;
  values?: ResponsibleValues | TargetValues;
  version?: number;
}
