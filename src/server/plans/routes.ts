import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../domain/errors.js';
import { createPlanVersion } from '../../services/create-plan-version.js';
import { editPlanFact, editPlanFactInput } from '../../services/edit-plan-fact.js';
import { getRedline } from '../../services/get-redline.js';
import { linkChangeOpinions, linkInput } from '../../services/link-change-opinions.js';
import { getPlan } from '../../services/get-plan.js';
import { importPlan } from '../../services/import-plan.js';
import { listPlans } from '../../services/list-plans.js';
import { loadVersion } from '../../services/support/plan-rows.js';
import { reparsePlan } from '../../services/reparse-plan.js';
import { validateInput } from '../../services/support/validate-input.js';
import { signedIn } from '../auth.js';
import { sniffStoredType } from '../stored-file.js';
import type { ServerDeps } from '../auth.js';
import { idParams } from '../schemas.js';

const pastedPlan = z.object({
  text: z.string().min(1, 'text: must not be empty'),
  filename: z.string().trim().min(1).max(200).optional(),
});
const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** A document sent as a multipart file or as pasted JSON text. */
async function uploadedDocument(request: FastifyRequest, defaultName: string): Promise<{ bytes: Buffer; filename: string; mediaType: string }> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file) throw fail('file_required');
    return { bytes: await file.toBuffer(), filename: file.filename, mediaType: file.mimetype };
  }
  const body = validateInput(pastedPlan, request.body);
  return { bytes: Buffer.from(body.text, 'utf8'), filename: body.filename ?? defaultName, mediaType: 'text/plain' };
}

export function planRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });

    app.post(
      '/api/plans',
      {
        bodyLimit: deps.config.maxUploadBytes + 64 * 1024,
        schema: {
          tags: ['plans'],
          summary: 'Import a work plan: multipart field `file` (.txt/.md UTF-8 or GB18030, .docx), or JSON {text, filename}',
          consumes: ['multipart/form-data', 'application/json'],
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
        schema: {
          tags: ['plans'],
          summary: 'Add a revised version: multipart field `file`, or JSON {text, filename}; it is parsed again',
          params: idParams,
          consumes: ['multipart/form-data', 'application/json'],
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
        schema: {
          tags: ['plans'],
          summary: 'What changed between two versions (paragraph and inline), with linked opinions and the revision checks',
          params: idParams,
          querystring: z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() }),
        },
      },
      async (request) => getRedline(request.params.id, request.query, signedIn(request, deps)),
    );

    app.put(
      '/api/plans/:id/versions/:number/links',
      {
        schema: {
          tags: ['plans'],
          summary: 'Link a change of this version to the opinions it answers (replaces that change’s links)',
          params: idParams.extend({ number: z.coerce.number().int().positive() }),
          body: linkInput,
        },
      },
      async (request) => linkChangeOpinions(request.params.id, request.params.number, request.body, signedIn(request, deps)),
    );

    app.get('/api/plans', { schema: { tags: ['plans'], summary: 'All plans, newest first' } }, async (request) => ({
      plans: await listPlans(signedIn(request, deps)),
    }));

    app.get(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary: 'One plan in the parser output shape (title, letter, sections, items, warnings) with corrections applied and unit ids',
          params: idParams,
          querystring: versionQuery,
        },
      },
      async (request) => getPlan(request.params.id, signedIn(request, deps), request.query.version),
    );

    app.get(
      '/api/plans/:id/source',
      { schema: { tags: ['plans'], summary: 'The original file as uploaded', params: idParams, querystring: versionQuery } },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        await getPlan(request.params.id, ctx, request.query.version); // authorises
        const version = await loadVersion(ctx.db, request.params.id, request.query.version);
        const row = await ctx.db.selectFrom('plan_versions').select(['source', 'media_type']).where('id', '=', version.id).executeTakeFirstOrThrow();
        return reply
          .type(sniffStoredType(row.source))
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(version.filename)}`)
          .send(row.source);
      },
    );

    app.post(
      '/api/plans/:id/edits',
      {
        schema: {
          tags: ['plans'],
          summary: 'Correct, remove or add a fact (responsible unit or target); stored on top of the parse and audited',
          params: idParams,
          body: editPlanFactInput,
        },
      },
      async (request) => editPlanFact(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/plans/:id/reparse',
      { schema: { tags: ['plans'], summary: 'Parse the stored text again; corrections are re-applied', params: idParams, querystring: versionQuery } },
      async (request) => reparsePlan(request.params.id, signedIn(request, deps), request.query.version),
    );
  };
}
