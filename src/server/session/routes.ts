import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn } from '../../services/log-in.js';
import { logOut } from '../../services/log-out.js';
import { setLocale } from '../../services/set-locale.js';
import { setUserPassword } from '../../services/set-user-password.js';
import { SESSION_COOKIE, clearSessionCookie, contextOf, setSessionCookie, signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { userSchema } from '../schemas.js';

const sessionBody = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() });

export function sessionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Log in; sets the session cookie and returns the CSRF token',
          body: z.object({
            login: z.string().min(1).max(100),
            password: z.string().min(1).max(200),
            totpCode: z.string().max(10).optional(),
          }),
          response: { 200: sessionBody },
        },
      },
      async (request, reply) => {
        const result = await logIn(
          {
            login: request.body.login,
            password: request.body.password,
            totpCode: request.body.totpCode,
            ip: request.ip,
            userAgent: request.headers['user-agent'],
            previousToken: request.cookies[SESSION_COOKIE],
          },
          contextOf(request, deps),
        );
        setSessionCookie(reply, deps.config, result.token, result.expiresAt);
        return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
      },
    );

    app.get(
      '/api/session',
      { schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionBody } } },
      async (request) => {
        const { session } = signedIn(request, deps);
        return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      },
    );

    app.delete(
      '/api/session',
      { schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null() } } },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        await logOut(ctx.session.id, ctx);
        clearSessionCookie(reply, deps.config);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/session/preferences',
      {
        schema: {
          tags: ['session'],
          summary: 'Remember the interface language',
          body: z.object({ locale: z.enum(['zh-CN', 'en']) }),
          response: { 200: z.object({ locale: z.enum(['zh-CN', 'en']) }) },
        },
      },
      async (request) => {
        const locale = await setLocale(request.body.locale, signedIn(request, deps));
        return { locale };
      },
    );

    app.post(
      '/api/session/password',
      {
        schema: {
          tags: ['session'],
          summary: 'Change the own password; other sessions end',
          body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const ctx = signedIn(request, deps);
        await setUserPassword(
          {
            login: ctx.session.user.login,
            password: request.body.newPassword,
            currentPassword: request.body.currentPassword,
            keepSessionId: ctx.session.id,
          },
          ctx,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
