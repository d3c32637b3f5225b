import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { logIn } from '../../services/log-in.js';
import { logOut } from '../../services/log-out.js';
import { setLocale } from '../../services/set-locale.js';
import { setUserPassword } from '../../services/set-user-password.js';
import { SESSION_COOKIE, clearSessionCookie, contextOf, setSessionCookie, signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { noContent } from '../../contract/common.js';
import { currentSession, logInInput, passwordChange, preferences, session as sessionBody } from '../../contract/session.js';
import { sessionAllowed } from '../../domain/allowed.js';
import type { ActiveSession } from '../../services/resolve-session.js';

function sessionView(session: ActiveSession) {
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt, allowed: sessionAllowed(session.actor), mustChangePassword: session.user.mustChangePassword };
}

export function sessionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['session'],
          summary: 'Log in; sets the session cookie and returns the CSRF token',
          security: [],
          body: logInInput,
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
        return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt, allowed: sessionAllowed({ kind: 'user', userId: result.user.id, login: result.user.login, unitId: result.user.unitId, role: result.user.role }), mustChangePassword: result.user.mustChangePassword };
      },
    );

    app.get(
      '/api/session',
      { config: { policy: 'signed-in' }, schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionBody } } },
      async (request) => {
        return sessionView(signedIn(request, deps).session);
      },
    );

    app.get(
      '/api/session/current',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['session'],
          summary: 'The signed-in session, or null when nobody is signed in (200 either way)',
          security: [],
          response: { 200: currentSession },
        },
      },
      async (request) => {
        return { session: request.session ? sessionView(request.session) : null };
      },
    );

    app.delete(
      '/api/session',
      { config: { policy: 'signed-in' }, schema: { tags: ['session'], summary: 'Log out', response: { 204: noContent } } },
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
        config: { policy: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'Remember the interface language',
          body: preferences,
          response: { 200: preferences },
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
        config: { policy: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'Change the own password; other sessions end',
          body: passwordChange,
          response: { 204: noContent },
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
