import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logOutEverywhere } from '../../services/log-out-everywhere.js';
import { confirmTotp, disableTotp, secondFactorState, startTotpEnrolment } from '../../services/second-factor.js';
import { clearSessionCookie, signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';

const code = z.object({ code: z.string().regex(/^\s*\d{6}\s*$/, 'a 6-digit code') });

/** Log out everywhere and the optional second factor (TOTP) of the signed-in account. */
export function accountSecurityRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session/logout-everywhere',
      { config: { policy: 'signed-in' }, schema: { tags: ['session'], summary: 'End every session of this account, this one included', response: { 200: z.object({ ended: z.number() }) } } },
      async (request, reply) => {
        const result = await logOutEverywhere(signedIn(request, deps));
        clearSessionCookie(reply, deps.config);
        return result;
      },
    );

    app.get(
      '/api/session/totp',
      { config: { policy: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'Whether this account has a second factor, and may have one',
          response: { 200: z.object({ enabled: z.boolean(), allowed: z.boolean() }) },
        },
      },
      async (request) => secondFactorState(signedIn(request, deps)),
    );

    app.post(
      '/api/session/totp/enrol',
      { config: { policy: 'user.totp.manage' },
        schema: {
          tags: ['session'],
          summary: 'Start enrolling a second factor (admin, office): the secret is shown once',
          response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
        },
      },
      async (request) => startTotpEnrolment(signedIn(request, deps)),
    );

    app.post(
      '/api/session/totp/confirm',
      { config: { policy: 'user.totp.manage' }, schema: { tags: ['session'], summary: 'Confirm enrolment with a first code; logins then need a code', body: code, response: { 204: z.null() } } },
      async (request, reply) => {
        await confirmTotp(request.body.code, signedIn(request, deps));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/session/totp/disable',
      { config: { policy: 'user.totp.manage' }, schema: { tags: ['session'], summary: 'Turn the second factor off (needs a current code)', body: code, response: { 204: z.null() } } },
      async (request, reply) => {
        await disableTotp(request.body.code, signedIn(request, deps));
        return reply.status(204).send(null);
      },
    );
  };
}
