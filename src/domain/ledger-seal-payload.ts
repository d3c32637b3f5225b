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
