import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCityLedger, getUnitLedger } from '../../services/get-unit-ledger.js';
import { addTask, getLightRules, mergeTasks, setLightRules, splitTask, updateTask } from '../../services/shape-tasks.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { messageLocale } from '../locale.js';
import { idParams } from '../../contract/common.js';
import {
  addTaskBody,
  cityLedger,
  cityParams,
  createdId,
  lightRules,
  lightRulesBody,
  mergeTasksBody,
  planParams,
  splitResponse,
  unitLedger,
  unitLedgerQuery,
  updateTaskBody,
} from '../../contract/ledger.js';

/** Shaping the ledger (split, merge, add, local measures) and the unit's and 市州's views. */
export function cascadeRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];

    app.post(
      '/api/plans/:planId/tasks',
      {
        config: { policy: 'task.manage' },
        schema: {
          tags,
          summary: "Add a task (office); a 市州's office adds a local measure linked to a provincial task (parentTaskId), with units in its jurisdiction",
          params: planParams,
          body: addTaskBody,
          response: { 201: createdId },
        },
      },
      async (request, reply) => reply.status(201).send(await addTask(request.params.planId, request.body, signedIn(request, deps))),
    );

    app.post(
      '/api/plans/:planId/tasks/merge',
      { config: { policy: 'task.manage' }, schema: { tags, summary: 'Merge tasks without reports into one (office)', params: planParams, body: mergeTasksBody, response: { 201: createdId } } },
      async (request, reply) => reply.status(201).send(await mergeTasks(request.params.planId, request.body, signedIn(request, deps))),
    );

    app.post(
      '/api/tasks/:id/split',
      { config: { policy: 'task.manage', resource: { kind: 'task' } }, schema: { tags, summary: "Split an item's task into one task per clause (office; only before any report)", params: idParams, response: { 200: splitResponse } } },
      async (request) => splitTask(request.params.id, signedIn(request, deps)),
    );

    app.patch(
      '/api/tasks/:id',
      { config: { policy: 'task.manage', resource: { kind: 'task' } }, schema: { tags, summary: "Change a task's due date, milestones or title (office)", params: idParams, body: updateTaskBody, response: { 200: createdId } } },
      async (request) => updateTask(request.params.id, request.body, signedIn(request, deps)),
    );

    app.get(
      '/api/plans/:planId/light-rules',
      { config: { policy: 'task.read' }, schema: { tags, summary: "The plan's light thresholds as they apply (its own, or the defaults)", params: planParams, response: { 200: lightRules } } },
      async (request) => getLightRules(request.params.planId, signedIn(request, deps)),
    );

    app.put(
      '/api/plans/:planId/light-rules',
      { config: { policy: 'task.manage' }, schema: { tags, summary: "The plan's light thresholds (points behind for yellow and red; missing reports for red)", params: planParams, body: lightRulesBody, response: { 200: lightRules } } },
      async (request) => setLightRules(request.params.planId, request.body, signedIn(request, deps)),
    );

    app.get(
      '/api/plans/:planId/my-ledger',
      {
        config: { policy: 'report.read' },
        schema: {
          tags,
          summary: "A unit's own view: its tasks, reports due and notices (the reader's unit; an office may name one it governs)",
          params: planParams,
          querystring: unitLedgerQuery,
          response: { 200: unitLedger },
        },
      },
      async (request) => getUnitLedger(request.params.planId, { unitId: request.query.unitId, locale: messageLocale(request) }, signedIn(request, deps)),
    );

    app.get(
      '/api/plans/:planId/cities/:unitId',
      { config: { policy: 'report.read' }, schema: { tags, summary: "A 市州's view: its shares, local measures, counties and roll-ups", params: cityParams, response: { 200: cityLedger } } },
      async (request) => getCityLedger(request.params.planId, request.params.unitId, messageLocale(request), signedIn(request, deps)),
    );
  };
}
