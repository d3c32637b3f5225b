import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getIndicatorValues } from '../../services/list-indicators.js';
import { listRegions } from '../../services/list-regions.js';
import { getPublicOverview, getPublicSnapshot, hunanMapData } from '../../services/public-portal.js';
import { getPlanPublication, getPublicPlan, listPublicPlans, publishPlanProgress, withdrawPlanProgress } from '../../services/public-plans.js';
import { contextOf, signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { planParams } from '../../contract/ledger.js';
import {
  mapResponse,
  planPublicationBody,
  planPublicationSchema,
  publicOverviewSchema,
  publicParams,
  publicPlanSchema,
  publicPlansResponse,
  publicSnapshotQuery,
  publicSnapshotSchema,
  publicUnitsResponse,
  publicValuesQuery,
  publicValuesResponse,
} from '../../contract/public.js';

const tags = ['public'];
const open = { security: [] };

/** The provincial office's switch for a plan's public progress (公开): read, publish, withdraw. */
export function planPublicationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public'];
    app.get(
      '/api/plans/:planId/publication',
      { config: { policy: 'progress.publish' }, schema: { tags, summary: "Whether the plan's progress is public and what it shows (provincial office)", params: planParams, response: { 200: planPublicationSchema } } },
      async (request) => getPlanPublication(request.params.planId, signedIn(request, deps)),
    );
    app.put(
      '/api/plans/:planId/publication',
      {
        config: { policy: 'progress.publish' },
        schema: {
          tags,
          summary: "Publish the plan's progress on the public pages, showing lights and completion (`lights`) or completion only (`completion`); the plan must be published as final (provincial office)",
          params: planParams,
          body: planPublicationBody,
          response: { 200: planPublicationSchema },
        },
      },
      async (request) => publishPlanProgress(request.params.planId, request.body ?? { show: 'lights' }, signedIn(request, deps)),
    );
    app.delete(
      '/api/plans/:planId/publication',
      { config: { policy: 'progress.publish' }, schema: { tags, summary: "Take the plan's progress off the public pages (provincial office)", params: planParams, response: { 200: planPublicationSchema } } },
      async (request) => withdrawPlanProgress(request.params.planId, signedIn(request, deps)),
    );
  };
}

/** The public portal's data: no account; only what the office published. Cached briefly. */
export function publicRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      if (reply.statusCode === 200 && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'public, max-age=60');
    });

    app.get(
      '/api/public/overview',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: 'What is published: register snapshots, indicators, consultation notices, plans’ progress, and when it last changed', response: { 200: publicOverviewSchema } } },
      async (request) => getPublicOverview(contextOf(request, deps)),
    );
    app.get(
      '/api/public/snapshots/:id',
      {
        config: { policy: 'public' },
        schema: {
          tags,
          ...open,
          summary: "A register's published snapshot (public fields only); with page (and pageSize, default 50, at most 500) one page of rows and their total",
          params: publicParams,
          querystring: publicSnapshotQuery,
          response: { 200: publicSnapshotSchema },
        },
      },
      async (request) => getPublicSnapshot(request.params.id, contextOf(request, deps), request.query),
    );
    app.get(
      '/api/public/plans',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: "Plans whose progress the office made public, with completion and when their data last changed", response: { 200: publicPlansResponse } },
      },
      async (request) => listPublicPlans(contextOf(request, deps)),
    );
    app.get(
      '/api/public/plans/:id',
      {
        config: { policy: 'public' },
        schema: {
          tags,
          ...open,
          summary: "A plan's public progress: sections and tasks (lead unit, due date, light or completion only, closed), totals by light, its published adoption notices; 404 unless made public",
          params: publicParams,
          response: { 200: publicPlanSchema },
        },
      },
      async (request) => getPublicPlan(request.params.id, contextOf(request, deps)),
    );
    app.get(
      '/api/public/indicators/:id/values',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: "A published indicator's values by region", params: publicParams, querystring: publicValuesQuery, response: { 200: publicValuesResponse } } },
      async (request) => getIndicatorValues(request.params.id, request.query, contextOf(request, deps), { publicOnly: true }),
    );
    app.get(
      '/api/public/regions',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: "The province, its 市州 and 县市区 (names and division codes), for charts and the map", response: { 200: publicUnitsResponse } } },
      async (request) => listRegions(contextOf(request, deps)),
    );
    app.get(
      '/api/public/maps/hunan.json',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: "Hunan's 14 市州 as echarts map data (served here: no network needed)", response: { 200: mapResponse } } },
      async (_request, reply) => {
        reply.header('Cache-Control', 'public, max-age=86400');
        return hunanMapData() as { type: 'FeatureCollection'; features: unknown[] };
      },
    );
  };
}
