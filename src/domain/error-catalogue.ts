/**
 * Every error code the API and the CLI can answer with, its kind and its messages.
 *
 * The kind decides the transport's answer (HTTP status in server/errors.ts, exit code in
 * cli/exit-codes.ts), so adding a code is one entry here and nothing else. Codes are
 * snake_case and specific enough that a client never has to read the message
 * (`consultation_closed`, `reply_already_sealed`, not `conflict`). `{name}` in a message is
 * filled from the parameters given to `fail(code, params)`.
 */
export type ErrorKind =
  | 'bad_request'
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'verification_failed'
  | 'config'
  | 'internal';

export interface ErrorEntry {
  kind: ErrorKind;
  zh: string;
  en: string;
}

export const ERROR_CATALOGUE = {
  // Generic codes, one per kind: used where nothing more specific applies.
  bad_request: { kind: 'bad_request', zh: '请求无效', en: 'Bad request' },
  validation_failed: { kind: 'invalid', zh: '输入有误', en: 'Invalid input' },
  unauthenticated: { kind: 'unauthenticated', zh: '请先登录', en: 'Please log in first' },
  invalid_credentials: { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong login or password' },
  rate_limited: { kind: 'rate_limited', zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  csrf_failed: { kind: 'forbidden', zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' },
  forbidden: { kind: 'forbidden', zh: '无权执行此操作', en: 'You are not allowed to do this' },
  not_found: { kind: 'not_found', zh: '对象不存在', en: 'Not found' },
  conflict: { kind: 'conflict', zh: '操作与当前状态冲突', en: 'This conflicts with the current state' },
  payload_too_large: { kind: 'too_large', zh: '上传内容过大', en: 'The request body is too large' },
  unsupported_media_type: { kind: 'unsupported', zh: '不支持的内容类型', en: 'Unsupported content type' },
  // Files read by the CLI.
  file_not_found: { kind: 'not_found', zh: '找不到文件:{file}', en: 'File not found: {file}' },
  file_too_large: { kind: 'too_large', zh: '文件过大:{bytes} 字节,上限 {maxBytes} 字节', en: 'File too large: {bytes} bytes, limit {maxBytes}' },
  audit_broken: { kind: 'verification_failed', zh: '审计链校验失败', en: 'The audit chain does not verify' },
  config_invalid: { kind: 'config', zh: '配置无效', en: 'Invalid configuration' },
  response_invalid: { kind: 'internal', zh: '服务器响应不符合接口约定，请联系管理员', en: 'The server answered outside its API contract; please tell the administrator' },
  internal: { kind: 'internal', zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
} as const satisfies Record<string, ErrorEntry>;
