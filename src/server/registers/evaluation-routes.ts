import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import { confirmEvaluation } from '../../services/confirm-evaluation.js';
import { getEvaluation, listEvaluations, openEvaluation, openEvaluationInput } from '../../services/open-evaluation.js';
import { listSnapshots, publishEvaluation, publishRegisterSnapshot } from '../../services/publish-register-snapshot.js';
import { scoreEvaluation, scoresInput } from '../../services/score-evaluation.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { evaluationParams, evaluationSchema, evaluationSummarySchema, publishSnapshotBody, registerParams, snapshotSummarySchema } from '../../contract/registers.js';

const tags = ['registers'];

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
