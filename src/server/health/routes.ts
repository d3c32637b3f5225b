import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../auth.js';

export function healthRoutes(deps: ServerDeps & { version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          response: {
            200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
          },
        },
      },
      async () => {
        await sql`select 1`.execute(deps.handle.db);
        return { status: 'ok' as const, db: deps.handle.dialect, version: deps.version };
      },
    );
  };
}
