import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportsTable } from '../../db/schema.js';
import { fail } from '../../domain/errors.js';
import { reportTimeliness } from '../../domain/lights.js';
import type { ReportTimeliness } from '../../domain/lights.js';
import { reportSealPayload } from '../../domain/ledger-seal-payload.js';
import type { SealAlgorithm } from '../../domain/reply-seal-payload.js';

type Reader = Kysely<Database>;

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface AttachmentView {
  id: number;
  filename: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  createdAt: string;
}

export interface ReportView {
  id: number;
  roundId: number;
  taskId: number;
  unitId: number;
  status: ReportStatus;
  progress: string;
  problems: string;
  nextSteps: string;
  percent: number;
  indicators: { indicatorId: number; value: number }[];
  revision: number;
  attachments: AttachmentView[];
  createdAt: string;
  updatedAt: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  seal: { algorithm: string; keyId: string; signature: string } | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  /** Derived from the round's due date and the clock. */
  timeliness: ReportTimeliness;
}

export function toReportStatus(status: string): ReportStatus {
  // A report being sealed this instant still reads as a draft to others.
  if (status === 'submitted' || status === 'returned' || status === 'accepted') return status;
  return 'draft';
}

export async function attachmentsOf(db: Reader, ownerKind: 'report' | 'task', ownerIds: number[]): Promise<Map<number, AttachmentView[]>> {
  const out = new Map<number, AttachmentView[]>();
  if (ownerIds.length === 0) return out;
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'filename', 'media_type', 'byte_size', 'sha256', 'created_at'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? [];
    list.push({ id: r.id, filename: r.filename, mediaType: r.media_type, byteSize: r.byte_size, sha256: r.sha256, createdAt: r.created_at });
    out.set(r.owner_id, list);
  }
  return out;
}

export function toReportView(
  r: Selectable<ReportsTable>,
  extra: { attachments: AttachmentView[]; submittedBy: string | null; dueDate: string; now: Date },
): ReportView {
  return {
    id: r.id,
    roundId: r.round_id,
    taskId: r.task_id,
    unitId: r.unit_id,
    status: toReportStatus(r.status),
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.next_steps,
    percent: r.percent,
    indicators: JSON.parse(r.indicator_values) as ReportView['indicators'],
    revision: r.revision,
    attachments: extra.attachments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    submittedBy: extra.submittedBy,
    seal: r.signature && r.algorithm && r.key_id ? { algorithm: r.algorithm, keyId: r.key_id, signature: r.signature } : null,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    timeliness: reportTimeliness(extra.dueDate, r.first_submitted_at, extra.now),
  };
}

/** Reports by id with their attachments and signatory, as views. */
export async function loadReportViews(db: Reader, where: { ids?: number[]; roundId?: number; taskId?: number; unitId?: number }, now: Date): Promise<ReportView[]> {
  let q = db
    .selectFrom('reports')
    .innerJoin('rounds', 'rounds.id', 'reports.round_id')
    .leftJoin('users', 'users.id', 'reports.submitted_by')
    .selectAll('reports')
    .select(['rounds.due_date', 'users.login as submitter']);
  if (where.ids) q = q.where('reports.id', 'in', where.ids.length > 0 ? where.ids : [-1]);
  if (where.roundId !== undefined) q = q.where('reports.round_id', '=', where.roundId);
  if (where.taskId !== undefined) q = q.where('reports.task_id', '=', where.taskId);
  if (where.unitId !== undefined) q = q.where('reports.unit_id', '=', where.unitId);
  const rows = await q.orderBy('rounds.due_date').orderBy('reports.id').execute();
  const attachments = await attachmentsOf(
    db,
    'report',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toReportView(r, { attachments: attachments.get(r.id) ?? [], submittedBy: r.submitter, dueDate: r.due_date, now }));
}

export async function loadReportView(db: Reader, reportId: number, now: Date): Promise<ReportView> {
  const [view] = await loadReportViews(db, { ids: [reportId] }, now);
  if (!view) throw fail('report_not_found');
  return view;
}

/** The canonical text a report's seal signs, rebuilt from the stored rows. */
export function reportPayloadOf(
  report: Pick<ReportView, 'id' | 'roundId' | 'taskId' | 'unitId' | 'revision' | 'progress' | 'problems' | 'nextSteps' | 'percent' | 'indicators' | 'attachments'>,
  seal: { unitCode: string; signatory: { id: number; login: string }; sealedAt: string; algorithm: SealAlgorithm; keyId: string },
): string {
  return reportSealPayload({
    reportId: report.id,
    roundId: report.roundId,
    taskId: report.taskId,
    revision: report.revision,
    unit: { id: report.unitId, code: seal.unitCode },
    progress: report.progress,
    problems: report.problems,
    nextSteps: report.nextSteps,
    percent: report.percent,
    indicatorValues: report.indicators,
    attachments: report.attachments.map((a) => ({ id: a.id, sha256: a.sha256 })),
    signatory: seal.signatory,
    sealedAt: seal.sealedAt,
    algorithm: seal.algorithm,
    keyId: seal.keyId,
  });
}
