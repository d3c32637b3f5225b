import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fail } from '../domain/errors.js';
import { sendError } from './errors.js';
import { isApiRoute } from './policy.js';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>落实 luoshi</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>落实 luoshi</h1><p>网页界面尚未构建。请运行 <code>npm run build</code>,然后重新启动。</p>
<p>The web interface is not built yet. Run <code>npm run build</code> and start again.</p>
<p><a href="/api/docs">API</a></p></body></html>`;

/** Serves the built web app; unknown non-API paths get index.html (client-side routes). */
export async function registerStatic(app: FastifyInstance, webRoot: string): Promise<void> {
  const index = path.join(webRoot, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        // Hashed asset names can be cached for good; index.html (and anything else without a
        // hash in its name) must be revalidated every time, so a new release is seen at once.
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // The app's pages are a route of their own, not the not-found handler: a route gets the
  // compression hooks (@fastify/compress adds them per route) and a HEAD twin, so index.html
  // goes out compressed and `HEAD /` answers 200 like `GET /`.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (isApiRoute(request.url.split('?')[0] ?? '')) return sendError(request, reply, fail('endpoint_not_found'));
    let requested: string;
    try {
      requested = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      requested = '/'; // a malformed escape is no file of ours: serve the app
    }
    const file = path.join(webRoot, path.normalize(requested));
    if (built && file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webRoot, file));
    }
    reply.header('Cache-Control', 'no-cache');
    if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  });
  // Everything else: an unknown API path, or a method other than GET and HEAD.
  app.setNotFoundHandler((request, reply) => sendError(request, reply, fail('endpoint_not_found')));
}
