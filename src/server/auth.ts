import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Mailer } from '../mail/mailer.js';
import { errors, fail } from '../domain/errors.js';
import { ANONYMOUS } from '../domain/policy.js';
import type { Actor } from '../domain/policy.js';
import { sameToken } from '../security/tokens.js';
import type { Clock, Logger, ServiceContext } from '../services/support/context.js';
import { resolveSession } from '../services/resolve-session.js';
import type { ActiveSession } from '../services/resolve-session.js';

export const SESSION_COOKIE = 'luoshi_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an account that must change its password may still write: the change itself, leaving, its language. */
const PASSWORD_CHANGE_ROUTES = new Set(['POST /api/session/password', 'DELETE /api/session', 'POST /api/session/logout-everywhere', 'PATCH /api/session/preferences']);

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

export interface ServerDeps {
  config: Config;
  handle: DatabaseHandle;
  clock: Clock;
  mailer: Mailer | null;
}

/**
 * Resolves the session from the cookie on every API request and enforces the CSRF token on
 * every state-changing one (login excepted: it has no session yet, and accepts JSON only,
 * which a cross-site form cannot send).
 */
export function registerAuth(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(deps.handle.db, deps.clock, token, deps.config.sessionIdleMinutes) : null;
    if (!UNSAFE.has(request.method) || request.session === null) return;
    if (request.method === 'POST' && request.routeOptions.url === '/api/session') return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
      throw fail('csrf_failed');
    }
    // A password given by somebody else is changed before anything else is written.
    if (request.session.user.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      throw fail('password_change_required');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}

/** The use-case context of a request; anonymous requests may only reach public routes. */
export function contextOf(request: FastifyRequest, deps: ServerDeps, actor?: Actor): ServiceContext {
  return {
    db: deps.handle.db,
    dialect: deps.handle.dialect,
    config: deps.config,
    clock: deps.clock,
    actor: actor ?? ANONYMOUS,
    log: request.log as Logger,
    mailer: deps.mailer,
  };
}

export function signedIn(request: FastifyRequest, deps: ServerDeps): ServiceContext & { session: ActiveSession } {
  const session = request.session;
  if (!session) throw errors.unauthenticated();
  return { ...contextOf(request, deps, session.actor), session };
}
