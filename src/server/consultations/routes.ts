import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_TYPE, XLSX_TYPE, fileResponse, idParams } from '../../contract/common.js';
import {
  consultation,
  consultationList,
  decided,
  decisionInput,
  decisionsInput,
  editedSituation,
  issuedOnQuery,
  isoDate,
  marked,
  markReadInput,
  notificationList,
  openConsultationInput,
  opinionList,
  opinionQuery,
  publicNotice,
  published,
  reminderResult,
  remindersInput,
  reply as replySchema,
  replyInput,
  returnInput,
  replyList,
  sealInput,
  sealResult,
  sealVerification,
  situation,
} from '../../contract/consultations.js';
import { fail } from '../../domain/errors.js';
import { summaryToDocx } from '../../office/consultation-summary-docx.js';
import { consultationLetterDocx, editedSituationDocx, situation as situationOf, situationBody, situationReportDocx, situationText } from '../../office/consultation-situation-docx.js';
import { summaryToXlsx } from '../../office/consultation-summary-xlsx.js';
import { closeConsultation } from '../../services/close-consultation.js';
import { consultationLetter, consultationReport } from '../../services/consultation-report.js';
import { decideOpinions } from '../../services/decide-opinions.js';
import { draftReply } from '../../services/draft-reply.js';
import { extendDeadline } from '../../services/extend-deadline.js';
import { getConsultation } from '../../services/get-consultation.js';
import { getReply } from '../../services/get-reply.js';
import { allowedForConsultations, listConsultations } from '../../services/list-consultations.js';
import { listNotifications, markNotificationsRead } from '../../services/list-notifications.js';
import { listOpinions } from '../../services/list-opinions.js';
import { listReplies } from '../../services/list-replies.js';
import { openConsultation } from '../../services/open-consultation.js';
import { getPublicNotice, publishNotice } from '../../services/publish-notice.js';
import { sealReply } from '../../services/seal-reply.js';
import { returnReply, submitReply } from '../../services/hand-off-reply.js';
import { sendReminders } from '../../services/send-reminders.js';
import { updateReply } from '../../services/update-reply.js';
import { verifyReplySeal } from '../../services/verify-reply-seal.js';
import { withdrawReply } from '../../services/withdraw-reply.js';
import { contextOf, signedIn } from '../auth.js';
import { messageLocale } from '../locale.js';
import type { ServerDeps } from '../auth.js';
import { attachment } from '../downloads.js';

const DOCX_MAX_ROWS = 3000;
const planParams = z.object({ planId: z.coerce.number().int().positive() });
const summaryQuery = z.object({ noOpinion: z.enum(['0', '1']).optional(), missing: z.enum(['0', '1']).optional() });
const summaryOptions = (q: z.infer<typeof summaryQuery>) => ({ noOpinionRows: q.noOpinion === '1', missingRows: q.missing === '1' });

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
          response: { 201: consultation },
        },
        config: { policy: 'consultation.manage' },
      },
      async (request, reply) => reply.status(201).send(await openConsultation(request.params.planId, request.body, signedIn(request, deps))),
    );

    app.get(
      '/api/consultations',
      {
        config: { policy: 'consultation.read' },
        schema: {
          tags,
          summary: "The office's consultations, or a unit's inbox",
          querystring: z.object({ planId: z.coerce.number().int().positive().optional() }),
          response: { 200: consultationList },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        return { consultations: await listConsultations(ctx, request.query), allowed: allowedForConsultations(ctx) };
      },
    );

    app.get(
      '/api/consultations/:id',
      {
        config: { policy: 'consultation.read' },
        schema: { tags, summary: 'One consultation with recipient statuses (pending, replied, no_opinion, late, not_replied)', params: idParams, response: { 200: consultation } },
      },
      async (request) => getConsultation(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/extend',
      {
        config: { policy: 'consultation.manage' },
        schema: { tags, summary: 'Move the deadline later; recipients are told', params: idParams, body: z.object({ deadline: isoDate }), response: { 200: consultation } },
      },
      async (request) => extendDeadline(request.params.id, request.body.deadline, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/close',
      { config: { policy: 'consultation.manage' }, schema: { tags, summary: 'Stop taking replies', params: idParams, response: { 200: consultation } } },
      async (request) => closeConsultation(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/reminders',
      {
        schema: {
          tags,
          summary: 'Remind units that have not replied (in the app; by e-mail when SMTP is configured)',
          params: idParams,
          body: remindersInput,
          response: { 200: reminderResult },
        },
        config: { policy: 'consultation.manage' },
      },
      async (request) => sendReminders(request.params.id, request.body ?? {}, signedIn(request, deps)),
    );

    app.get(
      '/api/consultations/:id/replies',
      {
        config: { policy: 'reply.read' },
        schema: { tags, summary: 'Replies: a unit sees its own (drafts too); the office sees sealed and withdrawn ones', params: idParams, response: { 200: replyList } },
      },
      async (request) => ({ replies: await listReplies(request.params.id, signedIn(request, deps)) }),
    );

    app.post(
      '/api/consultations/:id/replies',
      {
        config: { policy: 'reply.draft' },
        schema: {
          tags,
          summary: "Draft the unit's reply: noOpinion, or opinions anchored to items and quoted passages",
          params: idParams,
          body: replyInput,
          response: { 201: replySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await draftReply(request.params.id, request.body, signedIn(request, deps))),
    );

    app.get('/api/replies/:id', { config: { policy: 'reply.read' }, schema: { tags, summary: 'One reply', params: idParams, response: { 200: replySchema } } }, async (request) =>
      getReply(request.params.id, signedIn(request, deps)),
    );

    app.patch(
      '/api/replies/:id',
      { config: { policy: 'reply.draft', resource: { kind: 'reply' } }, schema: { tags, summary: 'Replace a draft reply’s content', params: idParams, body: replyInput, response: { 200: replySchema } } },
      async (request) => updateReply(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/seal',
      {
        schema: {
          tags,
          summary: "Seal (sign) the unit's reply: the unit's signatory only",
          params: idParams,
          body: sealInput,
          response: { 200: sealResult },
        },
        config: { policy: 'reply.seal', resource: { kind: 'reply' } },
      },
      async (request) => sealReply(request.params.id, request.body ?? {}, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/submit',
      {
        config: { policy: 'reply.submit', resource: { kind: 'reply' } },
        schema: { tags, summary: '提交签发: the reporter hands the draft to the unit’s signatory (who is notified)', params: idParams, response: { 200: replySchema } },
      },
      async (request) => submitReply(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/return',
      {
        config: { policy: 'reply.return', resource: { kind: 'reply' } },
        schema: {
          tags,
          summary: '退回: the signatory sends a submitted draft back to the reporter with a comment (who is notified)',
          params: idParams,
          body: returnInput,
          response: { 200: replySchema },
        },
      },
      async (request) => returnReply(request.params.id, request.body.comment, signedIn(request, deps)),
    );

    app.post(
      '/api/replies/:id/withdraw',
      {
        config: { policy: 'reply.withdraw', resource: { kind: 'reply' } },
        schema: { tags, summary: 'Withdraw a sealed reply before the deadline (the signatory); it stays on record', params: idParams, response: { 200: replySchema } },
      },
      async (request) => withdrawReply(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/replies/:id/verify',
      { config: { policy: 'reply.read' }, schema: { tags, summary: "Check a reply's seal against its unit's public key", params: idParams, response: { 200: sealVerification } } },
      async (request) => verifyReplySeal(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/consultations/:id/opinions',
      {
        schema: {
          tags,
          summary: 'All opinions of sealed replies, similar ones grouped (office)',
          params: idParams,
          querystring: opinionQuery,
          response: { 200: opinionList },
        },
        config: { policy: 'consultation.manage' },
      },
      async (request) => listOpinions(request.params.id, request.query, signedIn(request, deps)),
    );

    app.post(
      '/api/opinions/:id/decision',
      {
        config: { policy: 'consultation.manage' },
        schema: { tags, summary: 'Decide one opinion; a reason is required unless adopted', params: idParams, body: decisionInput, response: { 200: decided } },
      },
      async (request) => decideOpinions([request.params.id], request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/consultations/:id/decisions',
      {
        schema: {
          tags,
          summary: 'Decide a selection of opinions at once',
          params: idParams,
          body: decisionsInput,
          response: { 200: decided },
        },
        config: { policy: 'consultation.manage' },
      },
      async (request) => {
        const { opinionIds, ...decision } = request.body;
        return decideOpinions(opinionIds, decision, signedIn(request, deps), { consultationId: request.params.id });
      },
    );

    app.get('/api/consultations/:id/summary.xlsx', { config: { policy: 'consultation.manage' }, schema: { tags, summary: '意见汇总表 (xlsx): each unit’s own 理由 and the office’s 处理理由; noOpinion=1 and missing=1 add lines for units that replied 无意见 or 逾期未反馈', params: idParams, querystring: summaryQuery, response: { 200: fileResponse('意见汇总表', XLSX_TYPE) } } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps), summaryOptions(request.query));
      const bytes = await summaryToXlsx(report.meta, report.rows);
      return reply.type(XLSX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}意见汇总表.xlsx`)).send(bytes);
    });

    app.get('/api/consultations/:id/summary.docx', { config: { policy: 'consultation.manage' }, schema: { tags, summary: '意见汇总表 (docx, GB/T 9704 layout); noOpinion=1 and missing=1 as for the xlsx', params: idParams, querystring: summaryQuery, response: { 200: fileResponse('意见汇总表', DOCX_TYPE) } } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps), summaryOptions(request.query));
      // The docx writer holds the whole document in memory (about 80 KB a row): past this
      // many rows the spreadsheet is the right format anyway.
      if (report.rows.length > DOCX_MAX_ROWS) {
        throw fail('summary_too_long_for_docx', { rows: report.rows.length, limit: DOCX_MAX_ROWS });
      }
      const bytes = await summaryToDocx(report.meta, report.rows);
      return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}意见汇总表.docx`)).send(bytes);
    });

    app.get('/api/consultations/:id/situation', { config: { policy: 'consultation.manage' }, schema: { tags, summary: '征求意见情况说明: counts and text', params: idParams, response: { 200: situation } } }, async (request) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      const s = situationOf(report.meta, report.stats);
      return { stats: report.stats, text: situationText(report.meta, report.stats), title: s.title, body: situationBody(s), issuer: s.issuer };
    });

    app.get('/api/consultations/:id/situation.docx', { config: { policy: 'consultation.manage' }, schema: { tags, summary: '征求意见情况说明 (docx), dated issuedOn (default: today)', params: idParams, querystring: issuedOnQuery, response: { 200: fileResponse('征求意见情况说明', DOCX_TYPE) } } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      const meta = request.query.issuedOn ? { ...report.meta, generatedAt: `${request.query.issuedOn}T04:00:00.000Z` } : report.meta;
      const bytes = await situationReportDocx(meta, report.stats);
      return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}征求意见情况说明.docx`)).send(bytes);
    });

    app.get(
      '/api/consultations/:id/letter.docx',
      {
        config: { policy: 'consultation.manage' },
        schema: {
          tags,
          summary: '征求意见函 (docx, GB/T 9704): 发文字号 (docNumber), title, 主送, body, 附件, issuing office and date',
          params: idParams,
          querystring: z.object({ docNumber: z.string().trim().max(100).optional() }),
          response: { 200: fileResponse('征求意见函', DOCX_TYPE) },
        },
      },
      async (request, reply) => {
        const facts = await consultationLetter(request.params.id, signedIn(request, deps), request.query.docNumber);
        const bytes = await consultationLetterDocx(facts);
        return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${facts.title}.docx`)).send(bytes);
      },
    );

    app.post('/api/consultations/:id/situation.docx', { config: { policy: 'consultation.manage' }, schema: { tags, summary: '征求意见情况说明 (docx) as the office edited it, dated the day it is issued', params: idParams, body: editedSituation, response: { 200: fileResponse('征求意见情况说明', DOCX_TYPE) } } }, async (request, reply) => {
      const report = await consultationReport(request.params.id, signedIn(request, deps));
      const bytes = await editedSituationDocx(request.body);
      return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`${report.meta.planTitle}征求意见情况说明.docx`)).send(bytes);
    });

    app.post(
      '/api/consultations/:id/publish',
      { config: { policy: 'consultation.manage' }, schema: { tags, summary: 'Publish the adoption notice (all opinions must be decided)', params: idParams, response: { 200: published } } },
      async (request) => publishNotice(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/public/consultations/:id',
      {
        config: { policy: 'public' },
        schema: { tags: ['public'], summary: 'The published adoption notice; no account needed', params: idParams, security: [], response: { 200: publicNotice } },
      },
      async (request) => getPublicNotice(request.params.id, contextOf(request, deps)),
    );

    app.get(
      '/api/notifications',
      {
        config: { policy: 'signed-in' },
        schema: { tags, summary: "The signed-in unit's inbox", querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: notificationList } },
      },
      async (request) => ({
        notifications: await listNotifications(signedIn(request, deps), {
          unreadOnly: request.query.unread === 'true',
          locale: messageLocale(request) === 'en' ? 'en' : 'zh-CN',
        }),
      }),
    );

    app.post(
      '/api/notifications/read',
      { config: { policy: 'signed-in' }, schema: { tags, summary: 'Mark notices read', body: markReadInput, response: { 200: marked } } },
      async (request) => ({ marked: await markNotificationsRead(request.body.ids, signedIn(request, deps)) }),
    );
  };
}
