import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.js';

/**
 * Security headers on every response, pages and API alike (helmet, registered globally):
 *
 * - Content-Security-Policy: scripts only from this origin (the Vite build emits no inline
 *   script); styles also inline, because antd writes its CSS-in-JS into <style> tags and
 *   style attributes at run time; images from here and data: URIs (the favicon); no
 *   plugins, no <base> hijack, forms post only here, and no framing by anyone
 *   (frame-ancestors 'none', with X-Frame-Options DENY for old browsers). The browser
 *   tests listen for CSP violations, so this is the policy the app really runs under.
 * - X-Content-Type-Options nosniff, Referrer-Policy no-referrer, and the cross-origin
 *   isolation headers helmet sets by default.
 * - Strict-Transport-Security only behind TLS (COOKIE_SECURE): on plain HTTP it is noise.
 * The API docs page (/api/docs) sends its own CSP with hashes of its inline scripts.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'worker-src': ["'self'", 'blob:'],
} as const;

function cspHeader(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The same headers for answers Fastify gives before any hook runs (a malformed URL). */
export function setBaselineHeaders(reply: FastifyReply): void {
  reply
    .header('Content-Security-Policy', cspHeader())
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer');
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])),
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
