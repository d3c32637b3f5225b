export interface SessionBody {
  user: { id: number; login: string; role: string; unitId: number; unitName: string; locale: string };
  csrfToken: string;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** A tiny HTTP client that keeps the session cookie and CSRF token, like a browser tab. */
export class Client {
  cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string, readonly language = 'zh-CN') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { 'accept-language': this.language, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array || typeof body === 'string' || body instanceof FormData) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers: h, body: payload ?? null });
    const set = response.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      if (pair?.startsWith('luoshi_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return response;
  }

  async json<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body, headers);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async login(login: string, password: string): Promise<{ status: number; body: SessionBody & ErrorBody }> {
    const result = await this.json<SessionBody & ErrorBody>('POST', '/api/session', { login, password });
    if (result.status === 200) this.csrfToken = result.body.csrfToken;
    return result;
  }
}
