import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser, addUserInput } from '../../services/add-user.js';
import { listUsers } from '../../services/list-users.js';
import { resetUserPassword } from '../../services/set-user-password.js';
import { updateUser, updateUserInput } from '../../services/update-user.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { idParams, noContent } from '../../contract/common.js';
import { user as userSchema, userList } from '../../contract/users.js';

export function userRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { policy: 'user.list' },
        schema: {
          tags: ['users'],
          summary: 'All accounts (admin)',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: userList },
        },
      },
      async (request) => ({ users: await listUsers(request.query, signedIn(request, deps)) }),
    );

    app.post(
      '/api/users',
      { config: { policy: 'user.create' }, schema: { tags: ['users'], summary: 'Add an account (admin)', body: addUserInput, response: { 201: userSchema } } },
      async (request, reply) => reply.status(201).send(await addUser(request.body, signedIn(request, deps))),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { policy: 'user.update' },
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
        config: { policy: 'user.password.set' },
        schema: {
          tags: ['users'],
          summary: "Reset an account's password (admin); its sessions end",
          params: idParams,
          body: z.object({ password: z.string().min(8).max(200) }),
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await resetUserPassword(request.params.id, request.body.password, signedIn(request, deps));
        return reply.status(204).send(null);
      },
    );
  };
}
