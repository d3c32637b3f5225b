import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health, settings } from '../../contract/system.js';
import { checkHealth } from '../../services/check-health.js';
import { getSettings } from '../../services/get-settings.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';

export function healthRoutes(deps: ServerDeps & { version: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { policy: 'public' },
        schema: { tags: ['system'], summary: 'Liveness and database check', security: [], response: { 200: health } },
      },
      async () => checkHealth(deps.handle.db, deps.handle.dialect, deps.version),
    );

    app.get(
      '/api/settings',
      {
        config: { policy: 'signed-in' },
        schema: { tags: ['system'], summary: 'The installation’s settings the pages need (the default seal)', response: { 200: settings } },
      },
      async (request) => getSettings(signedIn(request, deps)),
    );
  };
}
