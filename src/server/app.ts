import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { createMailer } from '../mail/mailer.js';
import type { Mailer } from '../mail/mailer.js';
import { systemClock } from '../services/support/context.js';
import type { Clock } from '../services/support/context.js';
import { VERSION } from '../version.js';
import { auditRoutes } from './audit/routes.js';
import { consultationRoutes } from './consultations/routes.js';
import { registerAuth } from './auth.js';
import { declarePolicies, enforcePolicies } from './policy.js';
import { frameworkErrors } from './client-errors.js';
import { handleError } from './errors.js';
import { healthRoutes } from './health/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { ledgerRoutes } from './ledger/routes.js';
import { planRoutes } from './plans/routes.js';
import { accountSecurityRoutes } from './session/account-security-routes.js';
import { planPublicationRoutes, publicRoutes } from './public/routes.js';
import { registerRoutes } from './registers/routes.js';
import { sessionRoutes } from './session/routes.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerStatic } from './static.js';
import { todoRoutes } from './todos/routes.js';
import { unitRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';

export interface AppOptions {
  config: Config;
  handle: DatabaseHandle;
  clock?: Clock;
  /** Default: an SMTP mailer when SMTP_URL is set. */
  mailer?: Mailer | null;
  /** Where logs go (default: stdout); tests capture them. */
  logStream?: NodeJS.WritableStream;
}

/** Secrets never reach the logs. */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, handle } = options;
  const deps = { config, handle, clock: options.clock ?? systemClock, mailer: options.mailer === undefined ? createMailer(config) : options.mailer };
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACT, censor: '[redacted]' },
      ...(options.logStream && { stream: options.logStream }),
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  declarePolicies(app);

  await registerSecurityHeaders(app, config);
  // Responses a phone waits for: JSON and the web app's scripts and styles, compressed
  // (brotli at a quick level, else gzip) when the client accepts it and they are over 1 KB.
  // Files already compressed (xlsx, docx, images) are sent as they are.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'luoshi (落实) API',
        description:
          'Every request but login and health needs the session cookie; every state-changing request also needs the X-CSRF-Token header from POST/GET /api/session. Errors are {"error":{"code","message"}} in zh-CN or English by Accept-Language.',
        version: VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'luoshi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, deps);
  enforcePolicies(app, deps);
  await app.register(healthRoutes({ ...deps, version: VERSION }));
  await app.register(sessionRoutes(deps));
  await app.register(accountSecurityRoutes(deps));
  await app.register(unitRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(consultationRoutes(deps));
  await app.register(registerRoutes(deps));
  await app.register(indicatorRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(planPublicationRoutes(deps));
  await app.register(ledgerRoutes(deps));
  await app.register(todoRoutes(deps));
  await registerStatic(app, config.webRoot);
  return app;
}
