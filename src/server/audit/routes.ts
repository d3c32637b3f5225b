import { isoDateOrInstant } from '../../domain/iso-date.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents } from '../../services/list-audit-events.js';
import { verifyAudit } from '../../services/verify-audit.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';

const eventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorLogin: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  digest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  detail: z.unknown(),
});

export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit events, newest first, with filters (admin)',
          querystring: z.object({
            action: z.string().max(100).optional(),
            entity: z.string().max(100).optional(),
            entityId: z.string().max(100).optional(),
            actor: z.string().max(100).optional(),
            from: isoDateOrInstant.optional(),
            to: isoDateOrInstant.optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            offset: z.coerce.number().int().min(0).optional(),
          }),
          response: { 200: z.object({ events: z.array(eventSchema), total: z.number() }) },
        },
      },
      async (request) => listAuditEvents(request.query, signedIn(request, deps)),
    );

    app.get(
      '/api/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: 'Recompute the hash chain and name the first broken link (admin)',
          response: {
            200: z.object({
              ok: z.boolean(),
              checked: z.number(),
              firstBroken: z.object({ seq: z.number(), reason: z.string() }).passthrough().nullable(),
              keyed: z.number(),
              legacy: z.number(),
              keyedFromSeq: z.number(),
              keyIds: z.array(z.string()),
              decisions: z.object({
                checked: z.number(),
                mismatches: z.array(z.object({ opinionId: z.number(), reason: z.enum(['unaudited', 'changed', 'cleared']) })),
              }),
            }),
          },
        },
      },
      async (request) => verifyAudit(signedIn(request, deps)),
    );
  };
}
