/**
 * Domain errors carry a stable code and a message in both languages. Transports map the
 * code's kind to a status (server/) or an exit code (cli/); nothing below them knows about
 * HTTP.
 *
 * Every code and its messages live in one catalogue (`error-catalogue.ts`), so a client can
 * act on the code alone and the wording is kept in one place. Messages may carry `{name}`
 * placeholders, filled from the parameters given when the error is raised.
 */
import { ERROR_CATALOGUE, ISSUE_MESSAGES } from './error-catalogue.js';
import type { ErrorKind } from './error-catalogue.js';

export type { ErrorKind } from './error-catalogue.js';
export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export interface LocalisedMessage {
  zh: string;
  en: string;
}

export type ErrorParams = Record<string, string | number>;

function fill(template: string, params: ErrorParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The catalogue's messages for a code, with its placeholders filled. */
export function messagesOf(code: ErrorCode, params?: ErrorParams): LocalisedMessage {
  const entry = ERROR_CATALOGUE[code];
  return { zh: fill(entry.zh, params), en: fill(entry.en, params) };
}

export type IssueKey = keyof typeof ISSUE_MESSAGES;

/** A message from the catalogue's issue list (not an error code of its own), filled in. */
export function issueMessage(key: IssueKey, params?: ErrorParams): LocalisedMessage {
  const entry = ISSUE_MESSAGES[key];
  return { zh: fill(entry.zh, params), en: fill(entry.en, params) };
}

export function kindOf(code: ErrorCode): ErrorKind {
  return ERROR_CATALOGUE[code].kind;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly messages: LocalisedMessage;
  readonly details: Record<string, unknown> | undefined;

  /**
   * Prefer `fail(code, params)`, which takes the messages from the catalogue. Passing
   * messages here is for texts that are data (a parser's or validator's own issue list).
   */
  constructor(code: ErrorCode, messages?: LocalisedMessage, details?: Record<string, unknown>) {
    const resolved = messages ?? messagesOf(code);
    super(resolved.en);
    this.name = 'AppError';
    this.code = code;
    this.kind = kindOf(code);
    this.messages = resolved;
    this.details = details;
  }
}

/** An error from the catalogue: `throw fail('consultation_closed', { deadline })`. */
export function fail(code: ErrorCode, params?: ErrorParams, details?: Record<string, unknown>): AppError {
  return new AppError(code, messagesOf(code, params), details);
}

/**
 * A validator's own issue list as the `validation_failed` error: the catalogue's message
 * followed by the issues, which are data (field paths and the schema's words), not wording.
 */
export function invalidInput(text: string, details?: Record<string, unknown>): AppError {
  const base = messagesOf('validation_failed');
  return new AppError('validation_failed', { zh: `${base.zh}：${text}`, en: `${base.en}: ${text}` }, details);
}

export const errors = {
  forbidden: () => fail('forbidden'),
  unauthenticated: () => fail('unauthenticated'),
};
