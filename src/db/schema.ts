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
  email: Generated<string | null>;
  active: number;
  created_at: string;
  updated_at: string;
  /** TOTP second factor (0006): key box of the base32 secret; null when not enrolled. */
  totp_secret: Generated<string | null>;
  /** A secret shown at enrolment, waiting for its first code. */
  totp_pending: Generated<string | null>;
  totp_enabled_at: Generated<string | null>;
  /** The last time step accepted, so a code is never accepted twice. */
  totp_last_step: Generated<number | null>;
  /** 1 when the password was given by somebody else and must be changed first (0009). */
  must_change_password: Generated<number>;
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
  /** For the idle time-out (0006); null on sessions made before it. */
  last_seen_at: Generated<string | null>;
}

/** Login attempt counters claimed before a password is checked (0006). */
export interface LoginThrottleTable {
  key: string;
  window_start: string;
  /** Claims in this window: failures plus checks still running. */
  attempts: number;
  /** Claims whose check is still running. */
  pending: Generated<number>;
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
  /** The audit key whose HMAC made `hash` (0006); null on events from before the chain was keyed. */
  key_id: Generated<string | null>;
}

/** One row (id = 1): the chain's head, locked by every append so appends serialise. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of (seq, hash) under the key `key_id` (0006): the head itself cannot be forged. */
  key_id: Generated<string | null>;
  mac: Generated<string | null>;
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
  /** draft | consultation | final | published (migration 0007). */
  stage: Generated<string>;
  published_version: number | null;
  published_at: string | null;
  /** JSON LightRules; null = the defaults (domain/lights.ts). */
  light_rules: string | null;
  /** GB/T 2260 code of the 市州/县市区 whose registry resolves the plan's names; null = the database's (migration 0010). */
  place: string | null;
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

export interface ConsultationsTable {
  id: Generated<number>;
  plan_id: number;
  version_id: number;
  title: string;
  /** YYYY-MM-DD: replies are due by the end of that day, China time. */
  deadline: string;
  contact: string;
  instructions: string;
  reminder_days: number;
  missing_as_no_opinion: number;
  closed_at: string | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationRecipientsTable {
  consultation_id: number;
  unit_id: number;
}

export interface UnitKeysTable {
  id: Generated<number>;
  unit_id: number;
  algorithm: string;
  key_id: string;
  public_key: string;
  private_key_box: string;
  created_at: string;
  retired_at: string | null;
}

export interface RepliesTable {
  id: Generated<number>;
  consultation_id: number;
  unit_id: number;
  /** draft | sealed | withdrawn */
  status: string;
  no_opinion: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  sealed_by: number | null;
  sealed_at: string | null;
  algorithm: string | null;
  key_id: string | null;
  signature: string | null;
  withdrawn_at: string | null;
  /** 提交签发 (0009): when the reporter handed the draft to the signatory; null otherwise. */
  submitted_at: Generated<string | null>;
  submitted_by: Generated<number | null>;
  /** 退回 (0009): when the signatory last sent the draft back; cleared on the next submission. */
  returned_at: Generated<string | null>;
}

/** A reply's history (0009): drafted, submitted, returned, sealed, withdrawn, decided. */
export interface ReplyEventsTable {
  id: Generated<number>;
  reply_id: number;
  kind: string;
  actor_id: number | null;
  actor_login: string;
  comment: string | null;
  at: string;
}

export interface OpinionsTable {
  id: Generated<number>;
  reply_id: number;
  position: number;
  item_ordinal: number;
  quote: string | null;
  span_start: number | null;
  span_end: number | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
  disposition: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  unit_id: number;
  consultation_id: number | null;
  kind: string;
  /** The stored text; for rows from before codes were kept, the only text there is. */
  message: string;
  /** What the notice says, as a code and its parameters (JSON), rendered per reader. Null on old rows. */
  code: string | null;
  params: string | null;
  emailed: number;
  created_at: string;
  read_at: string | null;
}

/** One publication of a consultation's adoption notice: what was published, as it was. */
export interface NoticePublicationsTable {
  id: Generated<number>;
  consultation_id: number;
  /** 1, 2, …: each later change is a new, visible publication. */
  number: number;
  published_at: string;
  published_by: number | null;
  /** JSON: the notice's facts at publication time (see services/publish-notice.ts). */
  snapshot: string;
}

export interface AutoRemindersTable {
  consultation_id: number;
  unit_id: number;
  deadline: string;
  sent_at: string;
}

export interface PlanChangeLinksTable {
  version_id: number;
  change_key: string;
  opinion_id: number;
  created_by: number | null;
  created_at: string;
}

/** See migration 0011: a parser warning a person has checked. */
export interface PlanWarningChecksTable {
  version_id: number;
  /** `domain/warning-review.ts`: code, span and a digest of the parameters. */
  warning_key: string;
  code: string;
  item_ordinal: number | null;
  checked_by: number | null;
  checked_at: string;
}

/** See migration 0011: an opinion whose quote is gone from a newer version, acknowledged by the office. */
export interface LostQuoteAcknowledgementsTable {
  /** The newer version, where the quote is gone. */
  version_id: number;
  opinion_id: number;
  note: string | null;
  acknowledged_by: number | null;
  acknowledged_at: string;
}

/** See migration 0004: one table for every measured quantity (plan targets, register roll-ups, statistics). */
export interface IndicatorsTable {
  id: Generated<number>;
  /** A stable key for built-in indicators (e.g. a register's roll-up); null for a plan's targets. */
  key: string | null;
  name: string;
  /** Unit of measure: 个, %, 万平方米 … */
  unit: string;
  /** '>=', '<=', '=', '>', '<', '≈' (左右), or null when there is no target. */
  comparator: string | null;
  target: number | null;
  year: number | null;
  /** 'task' | 'register' | 'manual' */
  source: string;
  plan_id: number | null;
  task_id: number | null;
  register_id: number | null;
  span_start: number | null;
  span_end: number | null;
  /** The target as written in the plan. */
  raw: string | null;
  /** JSON: a register's roll-up rule. */
  rule: string | null;
  /** 1 when the office publishes the indicator (migration 0008). */
  public: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A share of an indicator's target given to a unit (市州 by the province, 县市区 by their 市州). */
export interface IndicatorAllocationsTable {
  indicator_id: number;
  unit_id: number;
  value: number;
  updated_at: string;
}

export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_id: number;
  unit_id: number;
  /** '2021', '2021-Q3' or '2021-09'. */
  period: string;
  value: number;
  /** 'report' | 'rollup' | 'manual' | 'import' */
  source: string;
  report_id: number | null;
  updated_at: string;
}

/** See migration 0008: registers (专项台账/清单) defined as data. */
export interface RegistersTable {
  id: Generated<number>;
  key: string;
  name: string;
  /** JSON: the RegisterDefinition (src/domain/register-definition.ts). */
  definition: string;
  builtin: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RegisterRowsTable {
  id: Generated<number>;
  register_id: number;
  /** The unique key's values as canonical JSON. */
  row_key: string;
  /** The values by field name: JSON text on SQLite; jsonb on PostgreSQL (comes back parsed). */
  data: string;
  prefecture_id: number | null;
  county_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RegisterChangesTable {
  id: Generated<number>;
  register_id: number;
  /** edit | import | evaluation | schema */
  kind: string;
  actor_login: string;
  at: string;
  audit_seq: number | null;
  /** JSON: counts and what the change was. */
  summary: string;
}

export interface RegisterRowChangesTable {
  change_id: number;
  row_id: number;
  /** JSON values before (null: added) and after. */
  before: string | null;
  after: string | null;
}

export interface RegisterEvaluationsTable {
  id: Generated<number>;
  register_id: number;
  year: number;
  /** JSON: [{ key, name, weight }] */
  criteria: string;
  /** JSON: { excellent, pass, warning } minimum totals */
  thresholds: string;
  /** open | confirmed | published */
  status: string;
  created_at: string;
  confirmed_at: string | null;
  published_at: string | null;
  snapshot_id: number | null;
}

export interface RegisterScoresTable {
  evaluation_id: number;
  row_id: number;
  scores: string;
  total: number;
  grade: string;
  status_before: string | null;
  proposed_status: string | null;
  updated_at: string;
}

export interface RegisterSnapshotsTable {
  id: Generated<number>;
  register_id: number;
  label: string;
  /** JSON: the published fields [{ name, type }] */
  fields: string;
  /** JSON: rows as arrays of values in `fields` order */
  rows: string;
  row_count: number;
  published_at: string;
  published_by: string;
}

/** A plan whose progress the office has made public (migration 0012). */
export interface PlanPublicationsTable {
  plan_id: number;
  /** lights | completion: what the public pages show of each task. */
  content: string;
  published_by: number | null;
  published_at: string;
  updated_at: string;
}

/** See migration 0007 and docs/adr/0002-ledger.md. */
export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  key: string;
  version_number: number;
  item_ordinal: number | null;
  clause_index: number | null;
  section_ordinal: number | null;
  position: number;
  /** item | clause | merge | added | local */
  origin: string;
  title: string;
  text: string;
  span_start: number | null;
  span_end: number | null;
  owner_unit_id: number;
  parent_task_id: number | null;
  lead_unit_id: number | null;
  due_date: string;
  /** JSON [{date, title}] */
  milestones: string;
  /** open | closed */
  status: string;
  closed_at: string | null;
  closed_by: number | null;
  closed_comment: string | null;
  published_at: string;
  created_at: string;
  updated_at: string;
}

export interface TaskUnitsTable {
  task_id: number;
  unit_id: number;
  /** lead | cooperate | locality */
  role: string;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  percent: number | null;
  percent_due: string | null;
}

export interface RoundsTable {
  id: Generated<number>;
  plan_id: number;
  owner_unit_id: number;
  title: string;
  period_start: string;
  period_end: string;
  period: string;
  due_date: string;
  /** none | monthly | quarterly */
  recurrence: string;
  created_by: number | null;
  created_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  round_id: number;
  task_id: number;
  unit_id: number;
  /** draft | submitting | submitted | returned | accepted */
  status: string;
  progress: string;
  problems: string;
  next_steps: string;
  percent: number;
  /** JSON [{indicatorId, value}] */
  indicator_values: string;
  revision: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  first_submitted_at: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  algorithm: string | null;
  key_id: string | null;
  signature: string | null;
  /** Sealed with a unit's other reports of the round under one signature (report_seal_batches). */
  seal_batch_id: number | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

export interface ReportSealBatchesTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  signed_by: number | null;
  sealed_at: string;
  algorithm: string;
  key_id: string;
  /** Canonical JSON (domain/ledger-seal-payload.ts reportBatchManifest): what the signature signs. */
  manifest: string;
  signature: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  /** report | task */
  owner_kind: string;
  owner_id: number;
  unit_id: number;
  filename: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  bytes: Buffer;
  uploaded_by: number | null;
  created_at: string;
}

export interface LightOverridesTable {
  id: Generated<number>;
  task_id: number;
  light: string;
  reason: string;
  created_by: number | null;
  created_at: string;
}

export interface NoticesTable {
  id: Generated<number>;
  task_id: number;
  unit_id: number;
  level: string;
  text: string;
  answer_by: string;
  issued_by: number | null;
  issued_at: string;
  answer_status: string | null;
  answer_text: string | null;
  answered_by: number | null;
  answered_at: string | null;
  algorithm: string | null;
  key_id: string | null;
  signature: string | null;
  closed_at: string | null;
  closed_by: number | null;
}

export interface Database {
  units: UnitsTable;
  unit_aliases: UnitAliasesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  meta: MetaTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_edits: PlanEditsTable;
  consultations: ConsultationsTable;
  consultation_recipients: ConsultationRecipientsTable;
  unit_keys: UnitKeysTable;
  replies: RepliesTable;
  reply_events: ReplyEventsTable;
  opinions: OpinionsTable;
  notifications: NotificationsTable;
  notice_publications: NoticePublicationsTable;
  auto_reminders: AutoRemindersTable;
  plan_change_links: PlanChangeLinksTable;
  plan_warning_checks: PlanWarningChecksTable;
  lost_quote_acknowledgements: LostQuoteAcknowledgementsTable;
  indicators: IndicatorsTable;
  indicator_allocations: IndicatorAllocationsTable;
  indicator_values: IndicatorValuesTable;
  registers: RegistersTable;
  register_rows: RegisterRowsTable;
  register_changes: RegisterChangesTable;
  register_row_changes: RegisterRowChangesTable;
  register_evaluations: RegisterEvaluationsTable;
  register_scores: RegisterScoresTable;
  register_snapshots: RegisterSnapshotsTable;
  plan_publications: PlanPublicationsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  rounds: RoundsTable;
  reports: ReportsTable;
  report_seal_batches: ReportSealBatchesTable;
  attachments: AttachmentsTable;
  light_overrides: LightOverridesTable;
  notices: NoticesTable;
}
