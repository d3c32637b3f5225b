import type { ErrorKind } from '../domain/errors.js';

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

export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'not_found':
      return EXIT.notFound;
    case 'bad_request':
    case 'invalid':
    case 'conflict':
    case 'too_large':
    case 'unsupported':
      return EXIT.invalid;
    case 'config':
      return EXIT.config;
    case 'forbidden':
    case 'unauthenticated':
    case 'rate_limited':
      return EXIT.forbidden;
    case 'verification_failed':
      return EXIT.verificationFailed;
    case 'internal':
      return EXIT.failure;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
