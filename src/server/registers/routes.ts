import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment } from '../downloads.js';
import { z } from 'zod';
import { errorWorkbook } from '../../office/register-xlsx.js';
import { createRegister, updateRegisterDefinition } from '../../services/define-register.js';
import { exportQuery, registerForDownload, writeRegisterFile } from '../../services/export-register-rows.js';
import { getRegister } from '../../services/get-register.js';
import { getRegisterRowHistory } from '../../services/get-register-row-history.js';
import { assertMayImport, importRegisterRows } from '../../services/import-register-rows.js';
import { listRegisterRows } from '../../services/list-register-rows.js';
import type { RowQuery } from '../../services/list-register-rows.js';
import { listRegisters } from '../../services/list-registers.js';
import { updateRegisterRow } from '../../services/update-register-row.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { asAppError, errorPayload } from '../errors.js';
import { messageLocale } from '../locale.js';
import { evaluationRoutes } from './evaluation-routes.js';
import { uploadedWorkbook } from './upload.js';
import {
  defineRegisterBody,
  defineRegisterResponse,
  exportQuerySchema,
  historyResponse,
  importQuery,
  importResponse,
  patchRowBody,
  registerListResponse,
  registerParams,
  registerViewSchema,
  rowParams,
  rowSchema,
  rowsQuery,
  rowsResponse,
  xlsxResponse,
} from '../../contract/registers.js';
import type { ImportProgressLine } from '../../contract/registers.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['registers'];

/** A register's workbook: its name in UTF-8, `register.xlsx` for clients that read only ASCII. */
const workbook = (name: string): string => attachment(name, 'register.xlsx');

/**
 * The named query parameters, `f.<field>=value` filters (exact) and `f.<field>.from=` /
 * `f.<field>.to=` ranges (inclusive, date and number fields; field names hold no dots).
 */
export function rowQueryOf(query: z.infer<typeof rowsQuery>): RowQuery {
  const filters: Record<string, string> = {};
  const ranges: Record<string, { from?: string; to?: string }> = {};
  for (const [k, v] of Object.entries(query)) {
    if (!k.startsWith('f.') || typeof v !== 'string' || v === '') continue;
    const range = /^f\.(.+)\.(from|to)$/.exec(k);
    if (range) ranges[range[1]!] = { ...ranges[range[1]!], [range[2]!]: v };
    else filters[k.slice(2)] = v;
  }
  return { page: query.page, pageSize: query.pageSize, sort: query.sort, order: query.order, q: query.q, region: query.region, filters, ranges };
}

export function registerRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });
    await app.register(evaluationRoutes(deps));

    app.get(
      '/api/registers',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: 'Registers (专项台账/清单) with their row counts', response: { 200: registerListResponse } } },
      async (request) => listRegisters(signedIn(request, deps)),
    );

    app.post(
      '/api/registers',
      {
        config: { policy: 'register.define' },
        schema: { tags, summary: 'Add a register from its definition (office)', body: defineRegisterBody, response: { 201: registerViewSchema } } },
      async (request, reply) => reply.status(201).send(await createRegister(request.body.definition, signedIn(request, deps))),
    );

    app.get(
      '/api/registers/:id',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: "A register's definition (fields, validation, key, roll-ups) and what the user may do", params: registerParams, response: { 200: registerViewSchema } } },
      async (request) => getRegister(request.params.id, signedIn(request, deps)),
    );

    app.put(
      '/api/registers/:id/definition',
      {
        config: { policy: 'register.define' },
        schema: {
          tags,
          summary: "Change a register's definition; lists the rows it no longer accepts (check=true: only list them)",
          params: registerParams,
          querystring: z.object({ check: z.enum(['true', 'false']).optional() }),
          body: defineRegisterBody,
          response: { 200: defineRegisterResponse },
        },
      },
      async (request) =>
        updateRegisterDefinition(request.params.id, request.body.definition, { check: request.query.check === 'true', lang: messageLocale(request) }, signedIn(request, deps)),
    );

    app.get(
      '/api/registers/:id/rows',
      {
        config: { policy: 'register.read' },
        schema: {
          tags,
          summary: 'Rows, a page at a time: page, pageSize (≤500), sort (a field name), order, q (text anywhere), region (unit id), f.<field>=value, f.<field>.from= / f.<field>.to= (inclusive ranges of dates or numbers)',
          params: registerParams,
          querystring: rowsQuery,
          response: { 200: rowsResponse },
        },
      },
      async (request) => listRegisterRows(request.params.id, rowQueryOf(request.query), signedIn(request, deps)),
    );

    app.patch(
      '/api/registers/:id/rows/:rowId',
      {
        config: { policy: 'register.import' },
        schema: { tags, summary: 'Edit a row (same validation as import; own region only)', params: rowParams, body: patchRowBody, response: { 200: rowSchema } } },
      async (request) => updateRegisterRow(request.params.id, request.params.rowId, request.body, signedIn(request, deps)),
    );

    app.get(
      '/api/registers/:id/rows/:rowId/history',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: "A row's changes with before and after, newest first, each tied to its audit event", params: rowParams, response: { 200: historyResponse } } },
      async (request) => getRegisterRowHistory(request.params.id, request.params.rowId, signedIn(request, deps)),
    );

    app.get(
      '/api/registers/:id/template.xlsx',
      {
        config: { policy: 'register.read' },
        schema: { tags, summary: 'The import template: header with notes, drop-downs, formats', params: registerParams, response: { 200: xlsxResponse } } },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const { register } = await registerForDownload(request.params.id, ctx);
        const out = new PassThrough();
        void writeRegisterFile('template', request.params.id, {}, out, ctx, messageLocale(request)).catch((error: unknown) => out.destroy(error as Error));
        return reply.type(XLSX_TYPE).header('Content-Disposition', workbook(`${register.name}-模板.xlsx`)).send(out);
      },
    );

    app.get(
      '/api/registers/:id/export.xlsx',
      {
        config: { policy: 'register.read' },
        schema: {
          tags,
          summary:
            "The rows of a filtered view (same filters, ranges and sort as /rows), in the template layout; a 市州's or 县市区's user gets its own region unless it names one or sends all=true",
          params: registerParams,
          querystring: exportQuerySchema,
          response: { 200: xlsxResponse },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const { register } = await registerForDownload(request.params.id, ctx);
        const out = new PassThrough();
        const query = await exportQuery(ctx, rowQueryOf(request.query), request.query.all === 'true');
        void writeRegisterFile('export', request.params.id, query, out, ctx, messageLocale(request)).catch((error: unknown) => {
          request.log.error({ err: error }, 'register export failed');
          out.destroy(error as Error);
        });
        return reply.type(XLSX_TYPE).header('Content-Disposition', workbook(`${register.name}.xlsx`)).send(out);
      },
    );

    app.post(
      '/api/registers/:id/import',
      {
        config: { policy: 'register.import' },
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        schema: {
          tags,
          summary:
            'Import rows from an .xlsx (multipart field `file`); upsert by the unique key; atomic: nothing is written on any error. With progress=ndjson: application/x-ndjson lines {type:"progress",phase,rowsRead,rowsExpected}…, then {type:"result",result} or {type:"error",status,error}',
          consumes: ['multipart/form-data'],
          params: registerParams,
          querystring: importQuery,
          response: { 200: importResponse },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        assertMayImport(ctx);
        await getRegister(request.params.id, ctx);
        const bytes = await uploadedWorkbook(request, deps.config.maxUploadBytes);
        const base = { registerId: request.params.id, bytes, mode: request.query.mode, lang: messageLocale(request) };
        if (request.query.progress !== 'ndjson') return (await importRegisterRows(base, ctx)).result;
        // Streamed: progress lines, then the result or the error as the last line (README, 'Import progress').
        const out = new PassThrough();
        const line = (value: ImportProgressLine) => out.write(`${JSON.stringify(value)}\n`);
        line({ type: 'progress', phase: 'checking', rowsRead: 0, rowsExpected: 0 });
        void (async () => {
          try {
            const { result } = await importRegisterRows(
              {
                ...base,
                onProgress: (rowsRead, rowsExpected) => line({ type: 'progress', phase: 'rows', rowsRead, rowsExpected }),
                onFinishing: (rowsRead) => line({ type: 'progress', phase: 'finishing', rowsRead, rowsExpected: rowsRead }),
              },
              ctx,
            );
            line({ type: 'result', result });
          } catch (error) {
            const known = asAppError(error);
            if (known.code === 'internal') request.log.error({ err: error }, 'register import failed');
            const { status, body } = errorPayload(request, known);
            line({ type: 'error', status, ...body });
          } finally {
            out.end();
          }
        })();
        return reply.type('application/x-ndjson; charset=utf-8').header('Cache-Control', 'no-store').header('X-Accel-Buffering', 'no').send(out as never);
      },
    );

    app.post(
      '/api/registers/:id/import/errors.xlsx',
      {
        config: { policy: 'register.import' },
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        schema: {
          tags,
          summary: 'The same file checked again, without writing: its rejected rows as a workbook with the bad cells marked',
          consumes: ['multipart/form-data'],
          params: registerParams,
          response: { 200: xlsxResponse },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        assertMayImport(ctx);
        const register = await getRegister(request.params.id, ctx);
        const bytes = await uploadedWorkbook(request, deps.config.maxUploadBytes);
        const lang = messageLocale(request);
        const { rejectedRows } = await importRegisterRows({ registerId: request.params.id, bytes, mode: 'partial', lang, dryRun: true }, ctx);
        const file = await errorWorkbook(register.definition, rejectedRows, lang);
        return reply.type(XLSX_TYPE).header('Content-Disposition', workbook(`${register.name}-错误.xlsx`)).send(file);
      },
    );
  };
}
