import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import { confirmEvaluation } from '../../services/confirm-evaluation.js';
import { getEvaluation, listEvaluations, openEvaluation, openEvaluationInput } from '../../services/open-evaluation.js';
import { listSnapshots, publishEvaluation, publishRegisterSnapshot } from '../../services/publish-register-snapshot.js';
import { scoreEvaluation, scoresInput } from '../../services/score-evaluation.js';
import { evaluationScoresTemplate, importEvaluationScores } from '../../services/import-figures.js';
import { figuresImportQuery, figuresImportResponse, figuresXlsxResponse } from '../../contract/indicators.js';
import { attachment } from '../downloads.js';
import { messageLocale } from '../locale.js';
import { uploadedWorkbook } from './upload.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { evaluationParams, evaluationSchema, evaluationSummarySchema, publishSnapshotBody, registerParams, snapshotSummarySchema } from '../../contract/registers.js';

const tags = ['registers'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Annual evaluations (年度评估) and published snapshots of registers. */
export function evaluationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/registers/:id/evaluations',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: "A register's evaluation years", params: registerParams, response: { 200: z.array(evaluationSummarySchema) } } },
      async (request) => listEvaluations(request.params.id, signedIn(request, deps)),
    );
    app.post(
      '/api/registers/:id/evaluations',
      {
        config: { policy: 'register.evaluate' },
        schema: { tags, summary: 'Open an evaluation year with criteria, weights and thresholds (office)', params: registerParams, body: openEvaluationInput, response: { 201: evaluationSchema } } },
      async (request, reply) => reply.status(201).send(await openEvaluation(request.params.id, request.body, signedIn(request, deps))),
    );
    app.get(
      '/api/evaluations/:id',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: 'An evaluation with its scores, grades and proposed standings', params: evaluationParams, response: { 200: evaluationSchema } } },
      async (request) => getEvaluation(request.params.id, signedIn(request, deps)),
    );
    app.put(
      '/api/evaluations/:id/scores',
      {
        config: { policy: 'register.evaluate' },
        schema: { tags, summary: 'Enter or import scores while the evaluation is open (office)', params: evaluationParams, body: scoresInput, response: { 200: evaluationSchema } } },
      async (request) => scoreEvaluation(request.params.id, request.body, signedIn(request, deps)),
    );
    app.get(
      '/api/evaluations/:id/scores/template.xlsx',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: 'A sheet for entering scores: every row (编号, 名称) and one column per criterion, with the scores so far', params: evaluationParams, response: { 200: figuresXlsxResponse } },
      },
      async (request, reply) => {
        const { name, bytes } = await evaluationScoresTemplate(request.params.id, messageLocale(request), signedIn(request, deps));
        return reply
          .type(XLSX_TYPE)
          .header('Content-Disposition', attachment(`${name}-评分.xlsx`, 'scores.xlsx'))
          .send(bytes);
      },
    );
    app.post(
      '/api/evaluations/:id/scores/import',
      {
        config: { policy: 'register.evaluate' },
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        schema: {
          tags,
          summary: 'Import scores from the scores sheet (multipart `file`; office, while open); a blank line scores nothing; atomic: nothing is written on any bad line',
          consumes: ['multipart/form-data'],
          params: evaluationParams,
          querystring: figuresImportQuery,
          response: { 200: figuresImportResponse },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        const bytes = await uploadedWorkbook(request, deps.config.maxUploadBytes);
        return importEvaluationScores(request.params.id, bytes, request.query.mode, messageLocale(request), ctx);
      },
    );
    app.post(
      '/api/evaluations/:id/confirm',
      {
        config: { policy: 'register.evaluate' },
        schema: { tags, summary: 'Confirm: the proposed standings take effect (office)', params: evaluationParams, response: { 200: evaluationSchema } } },
      async (request) => {
        const ctx = signedIn(request, deps);
        authorize(ctx.actor, 'register.evaluate');
        return confirmEvaluation(request.params.id, ctx);
      },
    );
    app.post(
      '/api/evaluations/:id/publish',
      {
        config: { policy: 'register.publish' },
        schema: { tags, summary: 'Publish the confirmed evaluation as a frozen snapshot (office)', params: evaluationParams, response: { 200: evaluationSchema } } },
      async (request) => publishEvaluation(request.params.id, signedIn(request, deps)),
    );
    app.get(
      '/api/registers/:id/snapshots',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: "A register's published snapshots", params: registerParams, response: { 200: z.array(snapshotSummarySchema) } } },
      async (request) => listSnapshots(request.params.id, signedIn(request, deps)),
    );
    app.post(
      '/api/registers/:id/snapshots',
      {
        config: { policy: 'register.publish' },
        schema: { tags, summary: 'Publish the register as it stands, with its public fields only (office)', params: registerParams, body: publishSnapshotBody, response: { 201: snapshotSummarySchema } } },
      async (request, reply) => reply.status(201).send(await publishRegisterSnapshot(request.params.id, request.body.label, signedIn(request, deps))),
    );
  };
}
