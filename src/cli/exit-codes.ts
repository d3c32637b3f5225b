import type { ErrorCode } from '../domain/errors.js';

/** Exit codes that mean something, documented in the README and in `luoshi --help`. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  verificationFailed: 3,
  notFound: 4,
  invalid: 5,
  config: 6,
  forbidden: 7,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'not_found':
      return EXIT.notFound;
    case 'bad_request':
    case 'validation_failed':
    case 'conflict':
    case 'payload_too_large':
    case 'unsupported_media_type':
    case 'invalid_credentials':
      return EXIT.invalid;
    case 'config_invalid':
      return EXIT.config;
    case 'forbidden':
    case 'unauthenticated':
    case 'csrf_failed':
    case 'rate_limited':
      return EXIT.forbidden;
    case 'audit_broken':
      return EXIT.verificationFailed;
    case 'internal':
      return EXIT.failure;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
