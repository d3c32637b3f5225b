import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getIndicatorValues } from '../../services/list-indicators.js';
import { listRegions } from '../../services/list-regions.js';
import { getPublicOverview, getPublicSnapshot, hunanMapData } from '../../services/public-portal.js';
import { contextOf } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { mapResponse, publicOverviewSchema, publicParams, publicSnapshotSchema, publicUnitsResponse, publicValuesQuery, publicValuesResponse } from '../../contract/public.js';

const tags = ['public'];
const open = { security: [] };

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
        schema: { tags, ...open, summary: 'What is published: register snapshots, indicators, consultation notices, and when it last changed', response: { 200: publicOverviewSchema } } },
      async (request) => getPublicOverview(contextOf(request, deps)),
    );
    app.get(
      '/api/public/snapshots/:id',
      {
        config: { policy: 'public' },
        schema: { tags, ...open, summary: "A register's published snapshot (public fields only)", params: publicParams, response: { 200: publicSnapshotSchema } } },
      async (request) => getPublicSnapshot(request.params.id, contextOf(request, deps)),
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
