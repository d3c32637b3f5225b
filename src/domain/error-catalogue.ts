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
  audit_broken: { kind: 'verification_failed', zh: '审计链校验失败', en: 'The audit chain does not verify' },
  // Security (issue 11).
  current_password_wrong: { kind: 'unauthenticated', zh: '当前密码不正确', en: 'The current password is wrong' },
  password_too_short: { kind: 'invalid', zh: '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  password_too_common: {
    kind: 'invalid',
    zh: '密码过于常见或与账号相同，请换一个',
    en: 'This password is too common or equals the login; choose another',
  },
  totp_required: { kind: 'unauthenticated', zh: '请输入动态验证码', en: 'Enter the code from your authenticator app' },
  totp_invalid: { kind: 'unauthenticated', zh: '动态验证码不正确', en: 'The authenticator code is wrong' },
  totp_not_allowed: { kind: 'forbidden', zh: '仅管理员和办公室账号可启用动态验证码', en: 'Only admin and office accounts can turn on a second factor' },
  totp_no_enrolment: { kind: 'conflict', zh: '请先开始启用动态验证码', en: 'Start the enrolment first' },
  archive_too_large: {
    kind: 'too_large',
    zh: '文件解压后过大（超过 {limitMb} MB）',
    en: 'The file unpacks to more than {limitMb} MB',
  },
  archive_ratio: {
    kind: 'too_large',
    zh: '文件压缩比异常（超过 {limit} 倍），疑似压缩炸弹',
    en: 'The file is compressed more than {limit} times: it looks like a zip bomb',
  },
  archive_invalid: { kind: 'invalid', zh: '文件已损坏或不是有效的 Office 文件', en: 'The file is damaged or not a valid Office file' },
  archive_entries: { kind: 'too_large', zh: '文件内含条目过多（超过 {limit} 个）', en: 'The file holds more than {limit} entries' },
  document_too_complex: { kind: 'invalid', zh: '文件结构过于复杂或含有不允许的内容（{reason}）', en: 'The document is too complex or holds forbidden content ({reason})' },
  multipart_invalid: { kind: 'bad_request', zh: '上传格式有误（multipart）', en: 'Malformed multipart upload' },
  url_invalid: { kind: 'bad_request', zh: '网址编码有误', en: 'The URL is not validly encoded' },
  config_invalid: { kind: 'config', zh: '配置无效', en: 'Invalid configuration' },
  internal: { kind: 'internal', zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
} as const satisfies Record<string, ErrorEntry>;
