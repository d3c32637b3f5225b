import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health } from '../../contract/audit.js';
import type { ServerDeps } from '../auth.js';

export function healthRoutes(deps: ServerDeps & { version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { policy: 'public' },
        schema: { tags: ['system'], summary: 'Liveness and database check', security: [], response: { 200: health } },
      },
      async () => {
        await sql`select 1`.execute(deps.handle.db);
        return { status: 'ok' as const, db: deps.handle.dialect, version: deps.version };
      },
    );
  };
}
