import { authorize } from '../domain/policy.js';
import type { ConsultationStats, ReportMeta, SummaryRow } from '../office/consultation-report-types.js';
import type { LetterFacts } from '../office/consultation-situation-docx.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';
import { listOpinions } from './list-opinions.js';
import type { OpinionRow } from './list-opinions.js';
import { clauseLabeller, loadVersionById } from './support/plan-rows.js';

export interface ConsultationReport {
  consultation: ConsultationState;
  meta: ReportMeta;
  stats: ConsultationStats;
  rows: SummaryRow[];
  opinions: OpinionRow[];
}

/**
 * What the 意见汇总表 and the 征求意见情况说明 are made of: every opinion of the sealed replies
 * in item and unit order, and the counts by recipient status and by decision.
 */
export interface ReportOptions {
  /** Add a line for each unit that replied 无意见. */
  noOpinionRows?: boolean;
  /** Add a line for each unit that has not replied by the deadline (逾期未反馈). */
  missingRows?: boolean;
}

export async function consultationReport(consultationId: number, ctx: ServiceContext, options: ReportOptions = {}): Promise<ConsultationReport> {
  authorize(ctx.actor, 'consultation.manage');
  const consultation = await loadConsultationState(ctx.db, ctx.clock, consultationId);
  const opinions = await listOpinions(consultationId, {}, ctx);
  const version = await loadVersionById(ctx.db, consultation.versionId);
  const clauseOf = clauseLabeller(version.parsed);
  const issuer =
    version.parsed.letter?.issuer ??
    (await ctx.db.selectFrom('plans').innerJoin('units', 'units.id', 'plans.owner_unit_id').select('units.name').where('plans.id', '=', consultation.planId).executeTakeFirst())?.name ??
    '';
  const named = (status: string) => consultation.recipients.filter((r) => r.status === status).map((r) => r.unitName);
  const rows: SummaryRow[] = opinions.map((o, i) => ({
    seq: i + 1,
    unit: o.unitName,
    clause: clauseOf(o.itemOrdinal),
    quote: o.quote,
    opinion: o.content,
    suggestion: o.suggestion,
    unitReason: o.reason,
    disposition: o.disposition,
    reason: o.decisionReason,
  }));
  const unitLine = (unit: string, kind: 'no_opinion' | 'missing'): SummaryRow => ({
    seq: rows.length + 1,
    unit,
    clause: '',
    quote: null,
    opinion: kind === 'no_opinion' ? '无意见' : '逾期未反馈',
    suggestion: null,
    unitReason: null,
    disposition: null,
    reason: null,
    kind,
  });
  if (options.noOpinionRows) for (const unit of named('no_opinion')) rows.push(unitLine(unit, 'no_opinion'));
  if (options.missingRows) for (const unit of named('not_replied')) rows.push(unitLine(unit, 'missing'));
  const count = (d: string | null) => opinions.filter((o) => o.disposition === d).length;
  return {
    consultation,
    meta: { planTitle: consultation.planTitle, issuer, deadline: consultation.deadline, generatedAt: ctx.clock.now().toISOString() },
    stats: {
      consulted: consultation.recipients.map((r) => r.unitName),
      replied: named('replied'),
      noOpinion: named('no_opinion'),
      late: named('late'),
      notReplied: named('not_replied'),
      treatMissingAsNoOpinion: consultation.missingAsNoOpinion,
      opinions: opinions.length,
      adopted: count('adopted'),
      partlyAdopted: count('partly_adopted'),
      rejected: count('rejected'),
      undecided: count(null),
    },
    rows,
    opinions,
  };
}

/** What the 征求意见函 says: the consultation's facts, the cover letter's attachments, the issuing office. */
export async function consultationLetter(consultationId: number, ctx: ServiceContext, docNumber?: string): Promise<LetterFacts> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultationState(ctx.db, ctx.clock, consultationId);
  const version = await loadVersionById(ctx.db, c.versionId);
  const owner = await ctx.db.selectFrom('plans').innerJoin('units', 'units.id', 'plans.owner_unit_id').select('units.name').where('plans.id', '=', c.planId).executeTakeFirst();
  return {
    planTitle: c.planTitle,
    title: c.title,
    deadline: c.deadline,
    contact: c.contact,
    instructions: c.instructions,
    recipients: c.recipients.map((r) => r.unitName),
    missingAsNoOpinion: c.missingAsNoOpinion,
    attachments: version.parsed.letter?.attachments ?? [],
    issuer: version.parsed.letter?.issuer ?? owner?.name ?? '',
    issuedAt: c.createdAt,
    ...(docNumber !== undefined && { docNumber }),
  };
}
