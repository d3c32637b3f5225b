import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorBody } from '../contract/common.js';
import { errors } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { Action, Actor } from '../domain/policy.js';
import { pathResource } from '../services/route-resources.js';
import type { PathResource } from '../services/route-resources.js';
import type { ServerDeps } from './auth.js';

/**
 * Who may call a route, declared once on the route (`config: { policy }`):
 * - 'public': anyone, no session (log in, health, the published notice, the API docs);
 * - 'signed-in': any signed-in account (its own session, inbox);
 * - an Action of domain/policy.ts: a signed-in account whose role may do that action to
 *   some resource. The role-level part is checked here, in an onRequest hook, before a
 *   single byte of the body is read; the resource-level part (own unit, recipient …) stays
 *   in the use case, which knows the resource.
 * A route whose path names a reply, task or notice also declares it (`config: { resource }`):
 * the unit-level part is then checked here as well, before the body, from that one row.
 */
export type RoutePolicy = 'public' | 'signed-in' | Action;

/** The path-named resource of a route: its kind, and the path parameter holding its id (`id` unless told). */
export interface RouteResource {
  kind: PathResource;
  param?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    resource?: RouteResource;
  }
}

/** Routes a plugin registers for us (the API docs UI): public, read-only pages. */
const PLUGIN_ROUTES = /^\/api\/docs(\/|$)/;

/** The most the actor's role could be allowed: a resource of its own unit and its own account. */
export function roleMay(actor: Actor, action: Action): boolean {
  // Its own unit lies inside its own jurisdiction (a 市州's or 县市区's office runs what is there).
  const own =
    actor.kind === 'user'
      ? { unitId: actor.unitId, userId: actor.userId, sealed: true, scopePath: actor.officeOf === undefined ? [actor.unitId] : [actor.unitId, actor.officeOf] }
      : {};
  return can(actor, action, own);
}

export function isApiRoute(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/**
 * Refuses to build an app with an API route that declares no policy or no response schema,
 * and documents each route's policy (`x-policy`) and error body in the OpenAPI document.
 * Call before any route (and before the OpenAPI plugin, which reads the schemas).
 */
export function declarePolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    if (PLUGIN_ROUTES.test(route.url)) {
      route.config = { ...route.config, policy: 'public' };
      return;
    }
    const policy = route.config?.policy;
    const where = `${String(route.method)} ${route.url}`;
    if (policy === undefined) throw new Error(`${where} declares no policy (config.policy)`);
    const schema = route.schema ?? {};
    if (schema.hide !== true && schema.response === undefined) throw new Error(`${where} declares no response schema`);
    route.schema = {
      ...schema,
      ...{ 'x-policy': policy },
      ...(schema.response !== undefined && { response: { '4xx': errorBody, '5xx': errorBody, ...(schema.response as object) } }),
    };
  });
}

/**
 * Checks the role-level policy on every request, and the unit-level one where the route
 * declares its path-named resource, before its body is read; call after the session hook.
 */
export function enforcePolicies(app: FastifyInstance, deps: ServerDeps): void {
  app.addHook('onRequest', async (request) => {
    const { policy, resource } = request.routeOptions.config;
    if (policy === undefined || policy === 'public') return;
    const session = request.session;
    if (!session) throw errors.unauthenticated();
    if (policy === 'signed-in') return;
    if (!roleMay(session.actor, policy)) throw errors.forbidden();
    if (resource === undefined) return;
    const raw = (request.params as Record<string, string | undefined>)[resource.param ?? 'id'];
    const id = Number(raw);
    // A malformed id is the schema's to refuse (400), after this hook.
    if (!Number.isSafeInteger(id) || id <= 0) return;
    if (!can(session.actor, policy, await pathResource(deps.handle.db, resource.kind, id))) throw errors.forbidden();
  });
}
