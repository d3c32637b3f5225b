import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery, auditVerification } from '../../contract/audit.js';
import { listAuditEvents } from '../../services/list-audit-events.js';
import { verifyAudit } from '../../services/verify-audit.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';


export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { policy: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit events, newest first, with filters (admin)',
          querystring: auditQuery,
          response: { 200: auditPage },
        },
      },
      async (request) => listAuditEvents(request.query, signedIn(request, deps)),
    );

    app.get(
      '/api/audit/verify',
      {
        config: { policy: 'audit.verify' },
        schema: {
          tags: ['audit'],
          summary: 'Recompute the hash chain and name the first broken link (admin)',
          response: { 200: auditVerification },
        },
      },
      async (request) => verifyAudit(signedIn(request, deps)),
    );
  };
}
