import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acknowledgeTask, pendingAcknowledgements, remindAcknowledgements } from '../../services/acknowledge-task.js';
import { allocateIndicator, getIndicator } from '../../services/allocate-indicator.js';
import { closeTask, overrideLight, reopenTask } from '../../services/close-task.js';
import { getOverview } from '../../services/get-overview.js';
import { getReport } from '../../services/get-report.js';
import { allowedForRounds, getRound, listRounds } from '../../services/get-round.js';
import { getTask } from '../../services/get-task.js';
import { listTasks } from '../../services/list-tasks.js';
import { openNextRound, openRound } from '../../services/open-round.js';
import { publishPlan } from '../../services/publish-plan.js';
import { reviewReport } from '../../services/review-report.js';
import { saveReport } from '../../services/save-report.js';
import { submitReport, submitReports } from '../../services/submit-report.js';
import { answerNotice, closeNotice, issueNotice, listNotices } from '../../services/supervise-task.js';
import { verifyReportSeal } from '../../services/verify-report-seal.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { messageLocale } from '../locale.js';
import { idParams } from '../../contract/common.js';
import { attachmentRoutes } from './attachments.js';
import { cascadeRoutes } from './cascade.js';
import { ledgerExportRoutes } from './exports.js';
import {
  acknowledgeResponse,
  allocationResponse,
  allocationsBody,
  answerNoticeBody,
  closeTaskBody,
  createdId,
  indicatorPage,
  issueNoticeBody,
  noticeList,
  noticeQuery,
  noticeView,
  openRoundBody,
  overrideBody,
  overview,
  ownerQuery,
  pendingAcknowledgements as pendingSchema,
  planParams,
  publishBody,
  publishResponse,
  remindBody,
  remindResponse,
  reopenTaskBody,
  reportPage,
  reportQuery,
  reportVerification,
  reportView,
  reviewReportBody,
  roundParams,
  roundQuery,
  roundList,
  roundTaskParams,
  roundView,
  saveReportBody,
  sealResponse,
  sealsResponse,
  submitReportBody,
  submitReportsBody,
  taskDetail,
  taskListQuery,
  taskListResponse,
  taskState,
} from '../../contract/ledger.js';

/**
 * The task ledger (任务台账), dispatch (调度), supervision (督办) and 销号 over HTTP. Routes
 * stay thin: the session is required, and the service authorises before anything is read.
 */
export function ledgerRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });
    const tags = ['ledger'];
    // Authenticate before Fastify reads any body.
    app.addHook('onRequest', async (request) => {
      signedIn(request, deps);
    });

    app.post(
      '/api/plans/:planId/publish',
      {
        config: { policy: 'task.manage' },
        schema: {
          tags,
          summary: '印发: publish a plan version as final and decompose it into tasks; a later version re-links tasks by item and lists what changed (office)',
          params: planParams,
          body: publishBody,
          response: { 200: publishResponse, 201: publishResponse },
        },
      },
      async (request, reply) => {
        const result = await publishPlan(request.params.planId, request.body ?? {}, signedIn(request, deps));
        return reply.status(result.firstPublication ? 201 : 200).send(result);
      },
    );

    app.get(
      '/api/plans/:planId/tasks',
      { config: { policy: 'task.read' }, schema: { tags, summary: 'The ledger: tasks with their current light and percent', params: planParams, querystring: taskListQuery, response: { 200: taskListResponse } } },
      async (request) => listTasks(request.params.planId, request.query, messageLocale(request), signedIn(request, deps)),
    );

    app.get(
      '/api/tasks/:id',
      { config: { policy: 'task.read' }, schema: { tags, summary: 'One task: text span, units, indicators with actuals, reports the reader may see, light history, notices', params: idParams, response: { 200: taskDetail } } },
      async (request) => getTask(request.params.id, messageLocale(request), signedIn(request, deps)),
    );

    app.post(
      '/api/tasks/:id/acknowledge',
      { config: { policy: 'task.acknowledge' }, schema: { tags, summary: "签收: acknowledge a task for the user's unit (reporter or signatory of a responsible unit)", params: idParams, response: { 200: acknowledgeResponse } } },
      async (request) => acknowledgeTask(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/plans/:planId/acknowledgements',
      { config: { policy: 'task.manage' }, schema: { tags, summary: 'Units that have not acknowledged their tasks (office)', params: planParams, querystring: ownerQuery, response: { 200: pendingSchema } } },
      async (request) => ({ pending: await pendingAcknowledgements(request.params.planId, signedIn(request, deps), request.query.ownerUnitId) }),
    );

    app.post(
      '/api/plans/:planId/acknowledgements/remind',
      { config: { policy: 'task.manage' }, schema: { tags, summary: 'Remind units to acknowledge (in the app; by e-mail when SMTP is configured)', params: planParams, body: remindBody, response: { 200: remindResponse } } },
      async (request) => remindAcknowledgements(request.params.planId, request.body ?? {}, signedIn(request, deps)),
    );

    app.get(
      '/api/indicators/:id',
      { config: { policy: 'task.read' }, schema: { tags, summary: "An indicator with its allocations and actuals by unit, and what the reader's level may divide", params: idParams, response: { 200: indicatorPage } } },
      async (request) => getIndicator(request.params.id, signedIn(request, deps)),
    );

    app.put(
      '/api/indicators/:id/allocations',
      {
        config: { policy: 'indicator.allocate' },
        schema: {
          tags,
          summary: "Divide a target among the units below the office's level (province → 市州, 市州 → 县市区); more than is held → 409 over_allocated",
          params: idParams,
          body: allocationsBody,
          response: { 200: allocationResponse },
        },
      },
      async (request) => allocateIndicator(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:planId/rounds',
      { config: { policy: 'round.manage' }, schema: { tags, summary: '调度: open a reporting round (a past period records a round run on paper)', params: planParams, body: openRoundBody, response: { 201: createdId } } },
      async (request, reply) => reply.status(201).send(await openRound(request.params.planId, request.body, signedIn(request, deps))),
    );

    app.get(
      '/api/plans/:planId/rounds',
      { config: { policy: 'round.read' }, schema: { tags, summary: "A plan's rounds, and whether the reader may open one", params: planParams, response: { 200: roundList } } },
      async (request) => {
        const ctx = signedIn(request, deps);
        return { rounds: await listRounds(request.params.planId, ctx), allowed: await allowedForRounds(request.params.planId, ctx) };
      },
    );

    app.get(
      '/api/rounds/:id',
      { config: { policy: 'round.read' }, schema: { tags, summary: 'A round: one row per task and responsible unit with its status and timeliness', params: idParams, querystring: roundQuery, response: { 200: roundView } } },
      async (request) => getRound(request.params.id, request.query, signedIn(request, deps)),
    );

    app.post(
      '/api/rounds/:id/next',
      { config: { policy: 'round.manage' }, schema: { tags, summary: 'Open the next period of a recurring round (monthly or quarterly), titled from its base title and the new period; a one-off round answers 409 round_not_recurring', params: idParams, response: { 201: createdId } } },
      async (request, reply) => reply.status(201).send(await openNextRound(request.params.id, signedIn(request, deps))),
    );

    app.get(
      '/api/rounds/:roundId/tasks/:taskId/report',
      {
        config: { policy: 'report.read' },
        schema: {
          tags,
          summary: "A unit's report (the reader's own by default) with its previous report and, for the lead unit, the cooperating units' reports",
          params: roundTaskParams,
          querystring: reportQuery,
          response: { 200: reportPage },
        },
      },
      async (request) => getReport(request.params.roundId, request.params.taskId, request.query, signedIn(request, deps)),
    );

    app.put(
      '/api/rounds/:roundId/tasks/:taskId/report',
      { config: { policy: 'report.draft' }, schema: { tags, summary: "Save the unit's draft report (reporter of a responsible unit); a returned report is revised the same way", params: roundTaskParams, body: saveReportBody, response: { 200: reportView } } },
      async (request) => saveReport(request.params.roundId, request.params.taskId, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/rounds/:roundId/tasks/:taskId/report/submit',
      { config: { policy: 'report.submit' }, schema: { tags, summary: "Submit the unit's report, sealed by its signatory (签发人)", params: roundTaskParams, body: submitReportBody, response: { 200: sealResponse } } },
      async (request) => submitReport(request.params.roundId, request.params.taskId, request.body ?? {}, signedIn(request, deps)),
    );

    app.post(
      '/api/rounds/:roundId/reports/submit',
      {
        config: { policy: 'report.submit' },
        schema: {
          tags,
          summary: "Submit several of the unit's drafts of a round at once (all without taskIds), each sealed by its signatory as one submission would be; all or nothing",
          params: roundParams,
          body: submitReportsBody,
          response: { 200: sealsResponse },
        },
      },
      async (request) => ({ submitted: await submitReports(request.params.roundId, request.body ?? {}, signedIn(request, deps)) }),
    );

    app.post(
      '/api/rounds/:roundId/tasks/:taskId/report/review',
      { config: { policy: 'report.review', resource: { kind: 'task', param: 'taskId' } }, schema: { tags, summary: '复核: accept or return (with a comment) a submitted report (office); the lead unit’s unless unitId is given', params: roundTaskParams, body: reviewReportBody, response: { 200: reportView } } },
      async (request) => reviewReport(request.params.roundId, request.params.taskId, request.body, signedIn(request, deps)),
    );

    app.get(
      '/api/reports/:id/verify',
      { config: { policy: 'report.read' }, schema: { tags, summary: "Check a report's seal against its unit's public key", params: idParams, response: { 200: reportVerification } } },
      async (request) => verifyReportSeal(request.params.id, signedIn(request, deps)),
    );

    app.post(
      '/api/tasks/:id/notices',
      { config: { policy: 'notice.manage', resource: { kind: 'task' } }, schema: { tags, summary: '督办: issue a notice (blue 提醒, yellow 督办, red 挂牌督办) with an answer-by date (office)', params: idParams, body: issueNoticeBody, response: { 201: createdId } } },
      async (request, reply) => reply.status(201).send(await issueNotice(request.params.id, request.body, signedIn(request, deps))),
    );

    app.post(
      '/api/notices/:id/answer',
      { config: { policy: 'notice.answer', resource: { kind: 'notice' } }, schema: { tags, summary: "Answer a notice, sealed by the unit's signatory", params: idParams, body: answerNoticeBody, response: { 200: noticeView } } },
      async (request) => answerNotice(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/notices/:id/close',
      { config: { policy: 'notice.manage', resource: { kind: 'notice' } }, schema: { tags, summary: 'Close (办结) a notice (office)', params: idParams, response: { 200: noticeView } } },
      async (request) => closeNotice(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/notices',
      { config: { policy: 'notice.read' }, schema: { tags, summary: "Notices: a unit's own, or those of the tasks an office governs; level escalated by the clock", querystring: noticeQuery, response: { 200: noticeList } } },
      async (request) => ({ notices: await listNotices(request.query, signedIn(request, deps)) }),
    );

    app.post(
      '/api/tasks/:id/close',
      { config: { policy: 'task.manage', resource: { kind: 'task' } }, schema: { tags, summary: '销号: close a finished task with a comment (office); needs the lead unit’s accepted report at 100 % or evidence on the task or a sealed report, else 409 task_not_finished', params: idParams, body: closeTaskBody, response: { 200: taskState } } },
      async (request) => taskStateOf(await closeTask(request.params.id, request.body, signedIn(request, deps))),
    );

    app.post(
      '/api/tasks/:id/reopen',
      { config: { policy: 'task.manage', resource: { kind: 'task' } }, schema: { tags, summary: 'Reopen a closed task; a reason is required (office)', params: idParams, body: reopenTaskBody, response: { 200: taskState } } },
      async (request) => taskStateOf(await reopenTask(request.params.id, request.body, signedIn(request, deps))),
    );

    app.post(
      '/api/tasks/:id/light-override',
      { config: { policy: 'task.manage', resource: { kind: 'task' } }, schema: { tags, summary: "Override a task's light with a reason until the next round falls due (office)", params: idParams, body: overrideBody, response: { 201: createdId } } },
      async (request, reply) => reply.status(201).send(await overrideLight(request.params.id, request.body, signedIn(request, deps))),
    );

    app.get(
      '/api/plans/:planId/overview',
      {
        config: { policy: 'task.read' },
        schema: {
          tags,
          summary: 'Plan overview: counts by light, by section and unit, red list, late reports, open notices, indicators, lights across rounds',
          params: planParams,
          querystring: ownerQuery,
          response: { 200: overview },
        },
      },
      async (request) => getOverview(request.params.planId, { ownerUnitId: request.query.ownerUnitId, locale: messageLocale(request) }, signedIn(request, deps)),
    );

    await app.register(attachmentRoutes(deps));
    await app.register(cascadeRoutes(deps));
    await app.register(ledgerExportRoutes(deps));
  };
}

function taskStateOf(task: { id: number; status: 'open' | 'closed'; closedAt: string | null; closedComment: string | null }) {
  return { id: task.id, status: task.status, closedAt: task.closedAt, closedComment: task.closedComment };
}
