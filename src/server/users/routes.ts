import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser, addUserInput } from '../../services/add-user.js';
import { listUsers } from '../../services/list-users.js';
import { setUserPassword } from '../../services/set-user-password.js';
import { updateUser, updateUserInput } from '../../services/update-user.js';
import { loadUsers } from '../../services/support/user-rows.js';
import { fail } from '../../domain/errors.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { idParams, userSchema } from '../schemas.js';

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

    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: "Change an account's name, unit, role or active status (admin); sessions end when its scope changes",
          params: idParams,
          body: updateUserInput,
          response: { 200: userSchema },
        },
      },
      async (request) => updateUser(request.params.id, request.body, signedIn(request, deps)),
    );

    app.post(
      '/api/users/:id/password',
      {
        schema: {
          tags: ['users'],
          summary: "Reset an account's password (admin); its sessions end",
          params: idParams,
          body: z.object({ password: z.string().min(8).max(200) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        const [user] = await loadUsers(ctx.db, { ids: [request.params.id] });
        if (!user) throw fail('user_not_found');
        await setUserPassword({ login: user.login, password: request.body.password }, ctx);
        return reply.status(204).send(null);
      },
    );
  };
}
