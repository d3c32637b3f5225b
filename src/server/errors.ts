import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fail, invalidInput } from '../domain/errors.js';
import type { ErrorKind } from '../domain/errors.js';
import { clientErrorOf } from './client-errors.js';
import { messageLocale } from './locale.js';

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  verification_failed: 500,
  config: 500,
  internal: 500,
};

/** Maps Fastify's own errors (body parsing, limits) onto our codes. */
function fromFastify(error: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message ?? '',
    }));
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return invalidInput(text, { issues });
  }
  const client = clientErrorOf(error);
  if (client) return client;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return fail('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fail('unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return fail('invalid_json');
    default:
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return fail('bad_request');
      }
      return null;
  }
}

/** The status and body an error leaves with (also written as the last line of a streamed answer). */
export function errorPayload(request: FastifyRequest, error: AppError): { status: number; body: { error: { code: string; message: string; details?: unknown } } } {
  const locale = messageLocale(request);
  // Validation issues and conflicts (which plan or reply is in the way) help the client; other details stay in the logs.
  const exposeDetails = (error.kind === 'invalid' || error.kind === 'conflict') && error.details !== undefined;
  return {
    status: STATUS[error.kind],
    body: { error: { code: error.code, message: error.messages[locale], ...(exposeDetails && { details: error.details }) } },
  };
}

/** An error thrown while a streamed answer was under way, as the AppError it is or an internal one. */
export function asAppError(error: unknown): AppError {
  return error instanceof AppError ? error : fail('internal');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number') reply.header('Retry-After', String(retry));
  const { status, body } = errorPayload(request, error);
  return reply.status(status).send(body);
}

/** Every error leaves as {"error":{"code","message"}} in the client's language; never a stack. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isResponseSerializationError(error)) {
    // The server broke its own contract (src/contract): never send the client a shape it
    // was not promised. Loud in the logs, and a 500 that every test reaching the route sees.
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendError(request, reply, fail('response_invalid'));
  }
  const known = error instanceof AppError ? error : fromFastify(error as FastifyError);
  if (known) {
    if (STATUS[known.kind] >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, known);
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendError(
    request,
    reply,
    fail('internal'),
  );
}
