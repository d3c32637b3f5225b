import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importIndicatorValues, indicatorValuesTemplate } from '../../services/import-figures.js';
import { attachment } from '../downloads.js';
import { messageLocale } from '../locale.js';
import { uploadedWorkbook } from '../registers/upload.js';
import { getIndicatorValues, listIndicators } from '../../services/list-indicators.js';
import { createIndicator, setIndicatorPublic, setIndicatorValues } from '../../services/set-indicator-values.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import {
  createIndicatorBody,
  figuresImportQuery,
  figuresImportResponse,
  figuresXlsxResponse,
  valuesTemplateQuery,
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
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function indicatorRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });

    app.get(
      '/api/indicators/:id/values/template.xlsx',
      {
        config: { policy: 'indicator.read' },
        schema: {
          tags,
          summary: 'A sheet for entering figures (地区 / 期间 / 数值): the province and the 市州, with the period and its figures when period= is given',
          params: indicatorParams,
          querystring: valuesTemplateQuery,
          response: { 200: figuresXlsxResponse },
        },
      },
      async (request, reply) => {
        const { name, bytes } = await indicatorValuesTemplate(request.params.id, request.query.period, messageLocale(request), signedIn(request, deps));
        return reply
          .type(XLSX_TYPE)
          .header('Content-Disposition', attachment(`${name}.xlsx`, 'indicator.xlsx'))
          .send(bytes);
      },
    );

    app.post(
      '/api/indicators/:id/values/import',
      {
        config: { policy: 'indicator.manage' },
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        schema: {
          tags,
          summary: 'Import figures from a sheet of 地区 / 期间 / 数值 (multipart `file`; office); atomic: nothing is written on any bad line',
          consumes: ['multipart/form-data'],
          params: indicatorParams,
          querystring: figuresImportQuery,
          response: { 200: figuresImportResponse },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        const bytes = await uploadedWorkbook(request, deps.config.maxUploadBytes);
        return importIndicatorValues(request.params.id, bytes, request.query.mode, messageLocale(request), ctx);
      },
    );

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
