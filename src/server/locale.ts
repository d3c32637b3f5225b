import type { FastifyRequest } from 'fastify';

/** zh-CN unless the client prefers English, by Accept-Language with q-values. */
export function messageLocale(request: FastifyRequest): 'zh' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'zh';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const l of ranked) {
    if (l.tag.startsWith('zh')) return 'zh';
    if (l.tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
