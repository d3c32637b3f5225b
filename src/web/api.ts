import i18n from './i18n/setup';

/** An error answered by the server (`{"error":{"code","message"}}`) or a failed request. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra facts the server sends with some errors (validation issues, for one). */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token comes with the session (GET or POST /api/session) and goes back on every
// state-changing request. It lives in memory only: a reload fetches the session again.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A body that is not JSON, sent as is (file uploads). */
export interface RawBody {
  raw: BodyInit;
  contentType: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function isRawBody(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    // multipart: the browser writes the Content-Type with its boundary
    payload = body;
  } else if (isRawBody(body)) {
    headers['Content-Type'] = body.contentType;
    payload = body.raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('error.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message =
      typeof error?.message === 'string' && error.message
        ? error.message
        : i18n.t('error.http', { status: response.status });
    throw new ApiError(response.status, code, message, error?.details);
  }
  return json as T;
}

/** Query string from the defined, non-empty values of `params`. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The answer of an XMLHttpRequest as JSON, or undefined when it is empty or not JSON. */
function jsonOf(xhr: XMLHttpRequest): unknown {
  try {
    return xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
  } catch {
    return undefined;
  }
}

/** An error answer in the API's shape as an ApiError (with a generic message when it has none). */
function apiErrorOf(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `http_${status}`,
    typeof error?.message === 'string' && error.message ? error.message : i18n.t('error.http', { status }),
    error?.details,
  );
}

/**
 * A multipart upload with progress (fetch cannot report upload progress): the same headers,
 * errors and JSON as `api`, and `onProgress` with the share sent (0–1).
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'zh-CN');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('error.network')));
    xhr.onload = () => {
      const json = jsonOf(xhr);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      reject(apiErrorOf(xhr.status, json));
    };
    xhr.send(form);
  });
}

/**
 * A multipart upload whose answer is a stream of JSON lines (application/x-ndjson): `onUpload`
 * with the share sent (0–1), then `onLine` for each line as it arrives. Resolves when the answer
 * ends; an error status before the stream starts rejects as `ApiError`, like `api`.
 */
export function uploadWithLines(path: string, form: FormData, onUpload: (share: number) => void, onLine: (line: unknown) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    const take = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= consumed) return;
      for (const raw of text.slice(consumed, end).split('\n')) {
        if (raw.trim() === '') continue;
        try {
          onLine(JSON.parse(raw));
        } catch {
          // A broken line (a cut connection): the caller sees the stream end without its last line.
        }
      }
      consumed = end;
    };
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/x-ndjson, application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'zh-CN');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUpload(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUpload(1);
    xhr.onprogress = () => {
      if (xhr.status >= 200 && xhr.status < 300) take(false);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('error.network')));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        take(true);
        return resolve();
      }
      reject(apiErrorOf(xhr.status, jsonOf(xhr)));
    };
    xhr.send(form);
  });
}

/** Posts a form (or JSON) and saves the answer as a file (a workbook made from an upload, an edited document). */
export async function postForDownload(path: string, form: FormData | Record<string, unknown>, filename: string): Promise<void> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const json = !(form instanceof FormData);
  if (json) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method: 'POST', body: json ? JSON.stringify(form) : form, headers, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, i18n.t('error.http', { status: response.status }));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
