import { ApiError } from '../../api';
import i18n from '../../i18n/setup';
import type { PlanImportResult } from '../../../contract/plans';

export const PLAN_FILE_TYPES = ['.txt', '.md', '.html', '.htm', '.docx', '.xlsx'] as const;
/** Media types the file picker offers besides the extensions. */
export const PLAN_MEDIA_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

export function isPlanFile(name: string): boolean {
  const lower = name.toLowerCase();
  return PLAN_FILE_TYPES.some((ext) => lower.endsWith(ext));
}

function errorFrom(status: number, body: string): ApiError {
  let error: { code?: unknown; message?: unknown; details?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : `http_${status}`,
    typeof error?.message === 'string' && error.message ? error.message : i18n.t('error.http', { status }),
    error?.details,
  );
}

/**
 * Uploads a plan file as multipart `file` (after an optional `place` field: a 市州/县市区
 * division code), reporting upload progress (0–100). `fetch` cannot
 * report the progress of a request body, so this one request goes through XMLHttpRequest; it
 * sends the same headers as `api` (language, CSRF token) and fails with the same ApiError.
 */
export function uploadPlanFile(
  file: File,
  options: { csrfToken: string | null; onProgress: (percent: number) => void; place?: string },
): Promise<PlanImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/plans');
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'zh-CN');
    if (options.csrfToken) request.setRequestHeader('X-CSRF-Token', options.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as PlanImportResult);
        } catch {
          reject(errorFrom(request.status, ''));
        }
      } else {
        reject(errorFrom(request.status, request.responseText));
      }
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('error.network')));
    const form = new FormData();
    // Fields before the file: the server reads them with the file's part.
    if (options.place) form.append('place', options.place);
    form.append('file', file, file.name);
    request.send(form);
  });
}
