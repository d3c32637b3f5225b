import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fail } from '../../domain/errors.js';
import { authorizeUpload, readAttachment, removeAttachment, storeAttachment } from '../../services/attach-evidence.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { fileResponse, idParams } from '../../contract/common.js';
import { attachmentView } from '../../contract/ledger.js';

/** Reads the one file of a multipart upload, mapping the size limit onto our error. */
async function uploadedFile(request: FastifyRequest, limitBytes: number): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw fail('attachment_missing');
  const file = await request.file();
  if (!file) throw fail('attachment_missing');
  try {
    const bytes = await file.toBuffer();
    if (file.file.truncated) throw fail('attachment_too_large', { limit: Math.round(limitBytes / 1048576) });
    return { bytes, filename: file.filename };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fail('attachment_too_large', { limit: Math.round(limitBytes / 1048576) });
    throw error;
  }
}

export function attachmentRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    const limit = deps.config.maxUploadBytes;
    const upload = { bodyLimit: limit + 64 * 1024 };

    app.post(
      '/api/reports/:id/attachments',
      {
        config: { policy: 'report.draft' },
        ...upload,
        schema: {
          tags,
          summary: 'Attach evidence to a draft report (multipart field `file`: PDF, images, office files; type sniffed, size-limited, stored in the database)',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const target = await authorizeUpload({ reportId: request.params.id }, ctx);
        const file = await uploadedFile(request, limit);
        return reply.status(201).send(await storeAttachment(target, file, ctx));
      },
    );

    app.post(
      '/api/tasks/:id/attachments',
      {
        config: { policy: 'task.manage', resource: { kind: 'task' } },
        ...upload,
        schema: { tags, summary: '销号 evidence for a task (office; multipart field `file`)', params: idParams, consumes: ['multipart/form-data'], response: { 201: attachmentView } },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const target = await authorizeUpload({ taskId: request.params.id }, ctx);
        const file = await uploadedFile(request, limit);
        return reply.status(201).send(await storeAttachment(target, file, ctx));
      },
    );

    app.get(
      '/api/attachments/:id',
      { config: { policy: 'signed-in' }, schema: { tags, summary: 'Download an attachment (for whoever may read its report or task)', params: idParams, produces: ['application/octet-stream'], response: { 200: fileResponse('The attachment', 'application/octet-stream') } } },
      async (request, reply) => {
        const file = await readAttachment(request.params.id, signedIn(request, deps));
        return reply
          .type(file.mediaType)
          .header('X-Content-Type-Options', 'nosniff')
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .send(file.bytes);
      },
    );

    app.delete(
      '/api/attachments/:id',
      { config: { policy: 'signed-in' }, schema: { tags, summary: 'Remove an attachment from a draft report or a task', params: idParams, response: { 200: z.strictObject({ deleted: z.literal(true) }) } } },
      async (request) => removeAttachment(request.params.id, signedIn(request, deps)),
    );
  };
}
