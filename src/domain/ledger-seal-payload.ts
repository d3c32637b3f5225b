import { canonicalJson } from '../model/canonical-json.js';
import type { SealAlgorithm } from './reply-seal-payload.js';

/**
 * What a unit's 签发人 signs for a report (调度报送) and for an answer to a supervision
 * notice, with the same unit keys and algorithms as consultation replies. Each names its
 * own format, so a signature over one kind of payload never passes for another. Lists are
 * sorted by id, so the payload depends on the content, not on query order.
 */
export const REPORT_SEAL_FORMAT = 'luoshi/report-seal/1';
export const NOTICE_ANSWER_SEAL_FORMAT = 'luoshi/notice-answer-seal/1';
export const REPORT_BATCH_SEAL_FORMAT = 'luoshi/report-batch-seal/1';

export interface SealMeta {
  unit: { id: number; code: string };
  signatory: { id: number; login: string };
  /** `Date#toISOString()` form */
  sealedAt: string;
  algorithm: SealAlgorithm;
  keyId: string;
}

export interface ReportSealInput extends SealMeta {
  reportId: number;
  roundId: number;
  taskId: number;
  revision: number;
  progress: string;
  problems: string;
  nextSteps: string;
  percent: number;
  indicatorValues: { indicatorId: number; value: number }[];
  /** Evidence files by id and SHA-256 of their bytes. */
  attachments: { id: number; sha256: string }[];
}

export function reportSealPayload(input: ReportSealInput): string {
  return canonicalJson({
    format: REPORT_SEAL_FORMAT,
    reportId: input.reportId,
    roundId: input.roundId,
    taskId: input.taskId,
    revision: input.revision,
    unit: { id: input.unit.id, code: input.unit.code },
    progress: input.progress,
    problems: input.problems,
    nextSteps: input.nextSteps,
    percent: input.percent,
    indicatorValues: [...input.indicatorValues]
      .map((v) => ({ indicatorId: v.indicatorId, value: v.value }))
      .sort((a, b) => a.indicatorId - b.indicatorId),
    attachments: [...input.attachments].map((a) => ({ id: a.id, sha256: a.sha256 })).sort((a, b) => a.id - b.id),
    signatory: { id: input.signatory.id, login: input.signatory.login },
    sealedAt: input.sealedAt,
    algorithm: input.algorithm,
    keyId: input.keyId,
  });
}

export interface NoticeAnswerSealInput extends SealMeta {
  noticeId: number;
  taskId: number;
  text: string;
}

export function noticeAnswerSealPayload(input: NoticeAnswerSealInput): string {
  return canonicalJson({
    format: NOTICE_ANSWER_SEAL_FORMAT,
    noticeId: input.noticeId,
    taskId: input.taskId,
    unit: { id: input.unit.id, code: input.unit.code },
    text: input.text,
    signatory: { id: input.signatory.id, login: input.signatory.login },
    sealedAt: input.sealedAt,
    algorithm: input.algorithm,
    keyId: input.keyId,
  });
}

export interface ReportBatchEntry {
  reportId: number;
  taskId: number;
  revision: number;
  /** SM3 (hex) of the report's own seal payload (reportSealPayload), sealedAt and key as the batch's. */
  digest: string;
}

export interface ReportBatchInput extends SealMeta {
  roundId: number;
  reports: ReportBatchEntry[];
}

/**
 * What a 签发人 signs when sealing several of the unit's reports of one round at once: one
 * manifest naming each report with the digest of the payload a single submission would have
 * signed. A report then verifies on its own (its payload's digest is its entry, and the
 * manifest's signature holds), and changing any report breaks its entry, not the others'.
 */
export function reportBatchManifest(input: ReportBatchInput): string {
  return canonicalJson({
    format: REPORT_BATCH_SEAL_FORMAT,
    roundId: input.roundId,
    unit: { id: input.unit.id, code: input.unit.code },
    reports: [...input.reports]
      .map((r) => ({ reportId: r.reportId, taskId: r.taskId, revision: r.revision, digest: r.digest }))
      .sort((a, b) => a.reportId - b.reportId),
    signatory: { id: input.signatory.id, login: input.signatory.login },
    sealedAt: input.sealedAt,
    algorithm: input.algorithm,
    keyId: input.keyId,
  });
}

/** The manifest's entry for one report, or null when the text is not a batch manifest naming it. */
export function batchEntryOf(manifest: string, reportId: number): (ReportBatchEntry & { roundId: number; unitId: number; sealedAt: string; keyId: string; algorithm: string; signatoryId: number }) | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const m = parsed as { format?: unknown; roundId?: unknown; unit?: { id?: unknown }; reports?: unknown; sealedAt?: unknown; keyId?: unknown; algorithm?: unknown; signatory?: { id?: unknown } };
  if (m.format !== REPORT_BATCH_SEAL_FORMAT || !Array.isArray(m.reports)) return null;
  const entry = (m.reports as ReportBatchEntry[]).find((r) => r && r.reportId === reportId);
  if (!entry || typeof entry.digest !== 'string' || typeof entry.revision !== 'number' || typeof entry.taskId !== 'number') return null;
  if (typeof m.roundId !== 'number' || typeof m.unit?.id !== 'number' || typeof m.sealedAt !== 'string' || typeof m.keyId !== 'string' || typeof m.algorithm !== 'string' || typeof m.signatory?.id !== 'number') return null;
  return { ...entry, roundId: m.roundId, unitId: m.unit.id, sealedAt: m.sealedAt, keyId: m.keyId, algorithm: m.algorithm, signatoryId: m.signatory.id };
}
