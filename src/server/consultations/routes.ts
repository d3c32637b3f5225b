import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../domain/errors.js';
import { summaryToDocx } from '../../office/consultation-summary-docx.js';
import { situationReportDocx, situationText } from '../../office/consultation-situation-docx.js';
import { summaryToXlsx } from '../../office/consultation-summary-xlsx.js';
import { closeConsultation } from '../../services/close-consultation.js';
import { consultationReport } from '../../services/consultation-report.js';
import { decideOpinions, decisionInput } from '../../services/decide-opinions.js';
import { draftReply } from '../../services/draft-reply.js';
import { extendDeadline } from '../../services/extend-deadline.js';
import { getConsultation } from '../../services/get-consultation.js';
import { getReply } from '../../services/get-reply.js';
import { listConsultations } from '../../services/list-consultations.js';
import { listNotifications, markNotificationsRead } from '../../services/list-notifications.js';
import { listOpinions } from '../../services/list-opinions.js';
import { listReplies } from '../../services/list-replies.js';
import { isoDate } from '../../domain/iso-date.js';
import { openConsultation, openConsultationInput } from '../../services/open-consultation.js';
import { getPublicNotice, publishNotice } from '../../services/publish-notice.js';
import { replyInput } from '../../services/support/reply-rows.js';
import { sealReply } from '../../services/seal-reply.js';
import { sendReminders } from '../../services/send-reminders.js';
import { updateReply } from '../../services/update-reply.js';
import { verifyReplySeal } from '../../services/verify-reply-seal.js';
import { withdrawReply } from '../../services/withdraw-reply.js';
import { contextOf, signedIn } from '../auth.js';
import { messageLocale } from '../locale.js';
import type { ServerDeps } from '../auth.js';
import { idParams } from '../schemas.js';
import { XLSX_TYPE } from '../units/routes.js';

const DOCX_MAX_ROWS = 3000;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const planParams = z.object({ planId: z.coerce.number().int().positive() });

function attachment(name: string): string {
  return `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function consultationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['consultations'];

    app.post(
      '/api/plans/:planId/consultations',
      {
        schema: {
          tags,
          summary: 'Open a consultation on a plan version (office). Deadline and recipients default to the cover letter and the member units',
          params: planParams,
          body: openConsultationInput,
        },
      },
      async (request, reply) => reply.status(201).send(await openConsultation(request.params.planId, request.body, signedIn(request, deps))),
    );

    app.get(
      '/api/consultations',
      { schema: { tags, summary: "The office's consultations, or a unit's inbox", querystring: z.object({ planId: z.coerce.number().int().positive().optional() }) } },
      async (request) => ({ consultations: await listConsultations(signedIn(request, deps), request.query) }),
    );

    app.get(
      '/api/consultations/:id',
      { schema: { tags, summary: 'One consultation with recipient statuses (pending, replied, no_opinion, late, not_replied)', params: idParams } },
      async (request) => getConsultation(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/extend',
      { schema: { tags, summary: 'Move the deadline later; recipients are told', params: idParams, body: z.object({ deadline: isoDate }) } },
      async (request) => extendDeadline(request.params.id, request.body.deadline, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/close',
      { schema: { tags, summary: 'Stop taking replies', params: idParams } },
      async (request) => closeConsultation(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/reminders',
      {
        schema: {
          tags,
          summary: 'Remind units that have not replied (in the app; by e-mail when SMTP is configured)',
          params: idParams,
          body: z.object({ unitIds: z.array(z.number().int().positive()).optional() }).nullish(),
        },
      },
      async (request) => sendReminders(request.params.id, request.body ?? {}, signedIn(request, deps)),
    );

    app.get(
      '/api/consultations/:id/replies',
      { schema: { tags, summary: "Replies: a unit sees its own (drafts too); the office sees sealed and withdrawn ones", params: idParams } },
      async (request) => ({ replies: await listReplies(request.params.id, signedIn(request, deps)) }),
    );

    app.post(
      '/api/consultations/:id/replies',
      { schema: { tags, summary: "Draft the unit's reply: noOpinion, or opinions anchored to items and quoted passages", params: idParams, body: replyInput } },
      async (request, reply) => reply.status(201).send(await draftReply(request.params.id, request.body, signedIn(request, deps))),
    );

    app.get('/api/replies/:id', { schema: { tags, summary: 'One reply', params: idParams } }, async (request) =>
      getReply(request.params.id, signedIn(request, deps)),
    );

    app.patch(
      '/api/replies/:id',
      { schema: { tags, summary: 'Replace a draft reply’s content', params: idParams, body: replyInput } },
      async (request) => updateReply(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/seal',
      {
        schema: {
          tags,
          summary: "Seal (sign) the unit's reply: the unit's signatory only",
          params: idParams,
          body: z.object({ algorithm: z.enum(['ed25519', 'sm2']).optional() }).nullish(),
        },
      },
      async (request) => sealReply(request.params.id, request.body ?? {}, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/withdraw',
      { schema: { tags, summary: 'Withdraw a sealed reply before the deadline (the signatory); it stays on record', params: idParams } },
      async (request) => withdrawReply(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/replies/:id/verify',
      { schema: { tags, summary: "Check a reply's seal against its unit's public key", params: idParams } },
      async (request) => verifyReplySeal(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/consultations/:id/opinions',
      {
        schema: {
          tags,
          summary: 'All opinions of sealed replies, similar ones grouped (office)',
          params: idParams,
          querystring: z.object({
            unitId: z.coerce.number().int().positive().optional(),
            itemOrdinal: z.coerce.number().int().positive().optional(),
            state: z.enum(['undecided', 'decided', 'adopted', 'partly_adopted', 'rejected']).optional(),
          }),
        },
      },
      async (request) => listOpinions(request.params.id, request.query, signedIn(request, deps)),
    );

    app.post(
      '/api/opinions/:id/decision',
      { schema: { tags, summary: 'Decide one opinion; a reason is required unless adopted', params: idParams, body: decisionInput } },
      async (request) => decideOpinions([request.params.id], request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/decisions',
      {
        schema: {
          tags,
          summary: 'Decide a selection of opinions at once',
          params: idParams,
          body: decisionInput.extend({ opinionIds: z.array(z.number().int().positive()).min(1).max(10_000) }),
        },
      },
      async (request) => {
        const { opinionIds, ...decision } = request.body;
        return decideOpinions(opinionIds, decision, signedIn(request, deps), { consultationId: request.params.id });
      },
    );

    app.get('/api/consultations/:id/summary.xlsx', { schema: { tags, summary: '意见汇总表 (xlsx)', params: idParams } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      const bytes = await summaryToXlsx(report.meta, report.rows);
      return reply.type(XLSX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}意见汇总表.xlsx`)).send(bytes);
    });

    app.get('/api/consultations/:id/summary.docx', { schema: { tags, summary: '意见汇总表 (docx, GB/T 9704 layout)', params: idParams } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      // The docx writer holds the whole document in memory (about 80 KB a row): past this
      // many rows the spreadsheet is the right format anyway.
      if (report.rows.length > DOCX_MAX_ROWS) {
        throw fail('summary_too_long_for_docx', { rows: report.rows.length, limit: DOCX_MAX_ROWS });
      }
      const bytes = await summaryToDocx(report.meta, report.rows);
      return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}意见汇总表.docx`)).send(bytes);
    });

    app.get('/api/consultations/:id/situation', { schema: { tags, summary: '征求意见情况说明: counts and text', params: idParams } }, async (request) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      return { stats: report.stats, text: situationText(report.meta, report.stats) };
    });

    app.get('/api/consultations/:id/situation.docx', { schema: { tags, summary: '征求意见情况说明 (docx)', params: idParams } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      const bytes = await situationReportDocx(report.meta, report.stats);
      return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}征求意见情况说明.docx`)).send(bytes);
    });

    app.post(
      '/api/consultations/:id/publish',
      { schema: { tags, summary: 'Publish the adoption notice (all opinions must be decided)', params: idParams } },
      async (request) => publishNotice(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/public/consultations/:id',
      { schema: { tags: ['public'], summary: 'The published adoption notice; no account needed', params: idParams, security: [] } },
      async (request) => getPublicNotice(request.params.id, contextOf(request, deps)),
    );

    app.get(
      '/api/notifications',
      { schema: { tags, summary: "The signed-in unit's inbox", querystring: z.object({ unread: z.enum(['true', 'false']).optional() }) } },
      async (request) => ({
        notifications: await listNotifications(signedIn(request, deps), {
          unreadOnly: request.query.unread === 'true',
          locale: messageLocale(request) === 'en' ? 'en' : 'zh-CN',
        }),
      }),
    );

    app.post(
      '/api/notifications/read',
      { schema: { tags, summary: 'Mark notices read', body: z.object({ ids: z.array(z.number().int().positive()).max(1000) }) } },
      async (request) => ({ marked: await markNotificationsRead(request.body.ids, signedIn(request, deps)) }),
    );
  };
}
