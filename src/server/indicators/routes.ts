import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getIndicatorValues, listIndicators } from '../../services/list-indicators.js';
import { createIndicator, setIndicatorPublic, setIndicatorValues } from '../../services/set-indicator-values.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import {
  createIndicatorBody,
  indicatorListResponse,
  indicatorParams,
  indicatorSchema,
  publishBody,
  setValuesBody,
  setValuesResponse,
  valuesQuery,
  valuesResponse,
} from '../../contract/indicators.js';

const tags = ['indicators'];

export function indicatorRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/indicators',
      {
        config: { policy: 'indicator.read' },
        schema: { tags, summary: 'Indicators: plan targets (task), register roll-ups (register), statistics (manual)', response: { 200: indicatorListResponse } } },
      async (request) => listIndicators(signedIn(request, deps)),
    );

    app.post(
      '/api/indicators',
      {
        config: { policy: 'indicator.manage' },
        schema: { tags, summary: 'Add an indicator for statistics entered by hand (office)', body: createIndicatorBody, response: { 201: indicatorSchema } } },
      async (request, reply) => reply.status(201).send(await createIndicator(request.body, signedIn(request, deps))),
    );

    app.get(
      '/api/indicators/:id/values',
      {
        config: { policy: 'indicator.read' },
        schema: {
          tags,
          summary: "An indicator's values by region (level: province, prefecture (default), county) for a period or all, with targets",
          params: indicatorParams,
          querystring: valuesQuery,
          response: { 200: valuesResponse },
        },
      },
      async (request) => getIndicatorValues(request.params.id, request.query, signedIn(request, deps)),
    );

    app.put(
      '/api/indicators/:id/values',
      {
        config: { policy: 'indicator.manage' },
        schema: { tags, summary: 'Enter figures by unit and period (office)', params: indicatorParams, body: setValuesBody, response: { 200: setValuesResponse } } },
      async (request) => ({ changed: await setIndicatorValues(request.params.id, request.body.values, signedIn(request, deps)) }),
    );

    app.put(
      '/api/indicators/:id/public',
      {
        config: { policy: 'indicator.manage' },
        schema: { tags, summary: 'Publish or withdraw an indicator on the public pages (office)', params: indicatorParams, body: publishBody, response: { 200: indicatorSchema } } },
      async (request) => setIndicatorPublic(request.params.id, request.body.public, signedIn(request, deps)),
    );
  };
}
