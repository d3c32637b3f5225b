/**
 * Domain errors carry a stable code and a message in both languages. Transports map the
 * code to a status (server/) or an exit code (cli/); nothing below them knows about HTTP.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'rate_limited',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'audit_broken',
  'config_invalid',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalisedMessage {
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: LocalisedMessage;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, messages: LocalisedMessage, details?: Record<string, unknown>) {
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

export const errors = {
  notFound: (what: LocalisedMessage) =>
    new AppError('not_found', { zh: `${what.zh}不存在`, en: `${what.en} not found` }),
  forbidden: () =>
    new AppError('forbidden', { zh: '无权执行此操作', en: 'You are not allowed to do this' }),
  unauthenticated: () =>
    new AppError('unauthenticated', { zh: '请先登录', en: 'Please log in first' }),
  conflict: (messages: LocalisedMessage) => new AppError('conflict', messages),
  invalid: (messages: LocalisedMessage, details?: Record<string, unknown>) =>
    new AppError('validation_failed', messages, details),
};
