import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser, addUserInput } from '../../services/add-user.js';
import { listUsers } from '../../services/list-users.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { userSchema } from '../schemas.js';

export function userRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        schema: {
          tags: ['users'],
          summary: 'All accounts (admin)',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ users: z.array(userSchema) }) },
        },
      },
      async (request) => ({ users: await listUsers(request.query, signedIn(request, deps)) }),
    );

    app.post(
      '/api/users',
      { schema: { tags: ['users'], summary: 'Add an account (admin)', body: addUserInput, response: { 201: userSchema } } },
      async (request, reply) => reply.status(201).send(await addUser(request.body, signedIn(request, deps))),
    );
  };
}
