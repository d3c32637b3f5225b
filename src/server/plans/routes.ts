import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markVersionFinal } from '../../services/mark-version-final.js';
import { z } from 'zod';
import { fileResponse, idParams } from '../../contract/common.js';
import {
  linkInput,
  lostQuoteParams,
  lostQuoteQuery,
  markedFinal,
  newVersionResult,
  pastedPlan,
  planEditInput,
  planImportResult,
  planList,
  planView,
  redlineQuery,
  redlineView,
  resolveQuoteInput,
  targetGuess,
  targetGuessInput,
  uploadedPlanFields,
  versionQuery,
  warningParams,
} from '../../contract/plans.js';
import { fail } from '../../domain/errors.js';
import { createPlanVersion } from '../../services/create-plan-version.js';
import { editPlanFact } from '../../services/edit-plan-fact.js';
import { getPlan } from '../../services/get-plan.js';
import { getPlanSource } from '../../services/get-plan-source.js';
import { getRedline } from '../../services/get-redline.js';
import { guessTarget } from '../../services/guess-target.js';
import { importPlan } from '../../services/import-plan.js';
import { linkChangeOpinions } from '../../services/link-change-opinions.js';
import { markPlanWarning } from '../../services/mark-plan-warning.js';
import { reopenLostQuote } from '../../services/reopen-lost-quote.js';
import { resolveLostQuote } from '../../services/resolve-lost-quote.js';
import { allowedForPlans, listPlans } from '../../services/list-plans.js';
import { reparsePlan } from '../../services/reparse-plan.js';
import { validateInput } from '../../services/support/validate-input.js';
import { signedIn } from '../auth.js';
import { sniffStoredType } from '../stored-file.js';
import type { ServerDeps } from '../auth.js';

/** Value of a plain multipart form field that came before the file. */
function fieldValue(field: unknown): string | undefined {
  const one = Array.isArray(field) ? field[0] : field;
  if (one && typeof one === 'object' && 'value' in one && typeof one.value === 'string') return one.value;
  return undefined;
}

/**
 * A document sent as a multipart file (with an optional `place` field before it) or as
 * pasted JSON text.
 */
async function uploadedDocument(
  request: FastifyRequest,
  defaultName: string,
): Promise<{ bytes: Buffer; filename: string; mediaType: string; place?: string }> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file) throw fail('file_required');
    const raw = fieldValue(file.fields['place']);
    const fields = validateInput(uploadedPlanFields, raw === undefined || raw.trim() === '' ? {} : { place: raw });
    const bytes = await file.toBuffer();
    return { bytes, filename: file.filename, mediaType: file.mimetype, ...(fields.place !== undefined && { place: fields.place }) };
  }
  const body = validateInput(pastedPlan, request.body);
  return {
    bytes: Buffer.from(body.text, 'utf8'),
    filename: body.filename ?? defaultName,
    mediaType: 'text/plain',
    ...(body.place !== undefined && { place: body.place }),
  };
}

export function planRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });
    const tags = ['plans'];

    app.post(
      '/api/plans',
      {
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        config: { policy: 'plan.import' },
        schema: {
          tags,
          summary:
            'Import a work plan: multipart field `file` (.txt/.md UTF-8 or GB18030, a web page saved as .html, .docx, or a 分工表 as .xlsx) with an optional `place` field (a 市州/县市区 division code) before it, or JSON {text, filename, place}',
          consumes: ['multipart/form-data', 'application/json'],
          response: { 201: planImportResult },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const input = await uploadedDocument(request, 'pasted.txt');
        return reply.status(201).send(await importPlan(input, ctx));
      },
    );

    app.post(
      '/api/plans/:id/versions',
      {
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        config: { policy: 'plan.edit' },
        schema: {
          tags,
          summary: 'Add a revised version: multipart field `file`, or JSON {text, filename}; it is parsed again',
          params: idParams,
          consumes: ['multipart/form-data', 'application/json'],
          response: { 201: newVersionResult },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const input = await uploadedDocument(request, 'revision.txt');
        return reply.status(201).send(await createPlanVersion(request.params.id, input, ctx));
      },
    );

    app.get(
      '/api/plans/:id/redline',
      {
        config: { policy: 'plan.read' },
        schema: {
          tags,
          summary: 'What changed between two versions (paragraph and inline), with linked opinions and the revision checks',
          params: idParams,
          querystring: redlineQuery,
          response: { 200: redlineView },
        },
      },
      async (request) => getRedline(request.params.id, request.query, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:id/versions/:number/final',
      {
        config: { policy: 'plan.edit' },
        schema: {
          tags,
          summary: '定稿: mark a version as final after the consultation (the version the ledger publishes); publishing a version marks it final too',
          params: idParams.extend({ number: z.coerce.number().int().positive() }),
          response: { 200: markedFinal },
        },
      },
      async (request) => markVersionFinal(request.params.id, request.params.number, signedIn(request, deps)),
    );

    app.put(
      '/api/plans/:id/versions/:number/links',
      {
        config: { policy: 'plan.edit' },
        schema: {
          tags,
          summary: 'Link a change of this version to the opinions it answers (replaces that change’s links)',
          params: idParams.extend({ number: z.coerce.number().int().positive() }),
          body: linkInput,
          response: { 200: redlineView },
        },
      },
      async (request) => linkChangeOpinions(request.params.id, request.params.number, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:id/versions/:number/warnings/:key/check',
      {
        config: { policy: 'plan.review' },
        schema: {
          tags,
          summary: 'Mark a parser warning of this version as checked (审核); the mark survives a re-parse that gives the same warning, and is audited',
          params: warningParams,
          response: { 200: planView },
        },
      },
      async (request) => markPlanWarning(request.params.id, request.params.number, request.params.key, { checked: true }, signedIn(request, deps)),
    );

    app.delete(
      '/api/plans/:id/versions/:number/warnings/:key/check',
      {
        config: { policy: 'plan.review' },
        schema: { tags, summary: 'Take back the mark that a parser warning was checked (audited)', params: warningParams, response: { 200: planView } },
      },
      async (request) => markPlanWarning(request.params.id, request.params.number, request.params.key, { checked: false }, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:id/versions/:number/lost-quotes/:opinionId',
      {
        config: { policy: 'plan.review' },
        schema: {
          tags,
          summary:
            'Resolve the redline’s "quote no longer exists" alert of an opinion: link it to a change of this version ({how:"link", changeKey}) or acknowledge it ({how:"acknowledge", note}); audited',
          params: lostQuoteParams,
          body: resolveQuoteInput,
          response: { 200: redlineView },
        },
      },
      async (request) => resolveLostQuote(request.params.id, request.params.number, request.params.opinionId, request.body, signedIn(request, deps)),
    );

    app.delete(
      '/api/plans/:id/versions/:number/lost-quotes/:opinionId',
      {
        config: { policy: 'plan.review' },
        schema: {
          tags,
          summary: 'Take back the acknowledgement of a lost quote (the alert is open again); audited',
          params: lostQuoteParams,
          querystring: lostQuoteQuery,
          response: { 200: redlineView },
        },
      },
      async (request) => reopenLostQuote(request.params.id, request.params.number, request.params.opinionId, request.query, signedIn(request, deps)),
    );

    app.get(
      '/api/plans',
      { config: { policy: 'plan.read' }, schema: { tags, summary: 'All plans, newest first', response: { 200: planList } } },
      async (request) => {
        const ctx = signedIn(request, deps);
        return { plans: await listPlans(ctx), allowed: allowedForPlans(ctx) };
      },
    );

    app.get(
      '/api/plans/:id',
      {
        config: { policy: 'plan.read' },
        schema: {
          tags,
          summary: 'One plan in the parser output shape (title, letter, sections, items, warnings) with corrections applied and unit ids',
          params: idParams,
          querystring: versionQuery,
          response: { 200: planView },
        },
      },
      async (request) => getPlan(request.params.id, signedIn(request, deps), request.query.version),
    );

    app.get(
      '/api/plans/:id/source',
      {
        config: { policy: 'plan.read' },
        schema: {
          tags,
          summary: 'The original file as uploaded',
          params: idParams,
          querystring: versionQuery,
          response: { 200: fileResponse('The uploaded file', 'application/octet-stream', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') },
        },
      },
      async (request, reply) => {
        const file = await getPlanSource(request.params.id, signedIn(request, deps), request.query.version);
        return reply.type(sniffStoredType(file.bytes)).header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(file.bytes);
      },
    );

    app.post(
      '/api/plans/:id/edits',
      {
        config: { policy: 'plan.edit' },
        schema: {
          tags,
          summary: 'Correct, remove or add a fact (responsible unit or target); stored on top of the parse and audited',
          params: idParams,
          body: planEditInput,
          response: { 200: planView },
        },
      },
      async (request) => editPlanFact(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:id/reparse',
      {
        config: { policy: 'plan.edit' },
        schema: { tags, summary: 'Parse the stored text again; corrections are re-applied', params: idParams, querystring: versionQuery, response: { 200: planView } },
      },
      async (request) => reparsePlan(request.params.id, signedIn(request, deps), request.query.version),
    );

    app.post(
      '/api/plans/target-guess',
      {
        config: { policy: 'plan.edit' },
        schema: {
          tags,
          summary: "The parser's reading of a selected passage (value, range, unit of measure, comparator), to prefill a new target",
          body: targetGuessInput,
          response: { 200: targetGuess },
        },
      },
      async (request) => guessTarget(request.body.text, signedIn(request, deps)),
    );
  };
}
