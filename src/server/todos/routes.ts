import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todoList, todoQuery } from '../../contract/todos.js';
import { listDone, listTodos } from '../../services/list-todos.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { messageLocale } from '../locale.js';

export function todoRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/todos',
      {
        config: { policy: 'signed-in' },
        schema: {
          tags: ['workbench'],
          summary: "The signed-in user's 待办 (soonest due first), or with done=1 its 已办 (newest first); each links to where the work is done",
          querystring: todoQuery,
          response: { 200: todoList },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        const locale = messageLocale(request);
        return request.query.done === '1' ? listDone(ctx, locale) : listTodos(ctx, locale);
      },
    );
  };
}
