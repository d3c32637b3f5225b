import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fail } from '../domain/errors.js';
import { sendError } from './errors.js';
import { setBaselineHeaders } from './security-headers.js';

/**
 * Client mistakes that reach the error handler as plain errors from the multipart parser
 * (busboy) or as @fastify/multipart codes: a missing boundary, a body cut off before the
 * closing boundary, a bad part header, too many fields, files or parts. Each is the
 * client's fault and answers 400 or 413 in our shape, never 500.
 */
const MULTIPART_MESSAGES = /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Malformed urlencoded form|Part terminated early|Missing Content-Type)/i;

export function clientErrorOf(error: FastifyError | Error): AppError | null {
  const code = (error as FastifyError).code;
  switch (code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return fail('multipart_invalid');
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return fail('payload_too_large');
    default:
      return MULTIPART_MESSAGES.test(error.message) ? fail('multipart_invalid') : null;
  }
}

/** Errors Fastify answers before any route (an undecodable URL such as /api/%zz), in our shape. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setBaselineHeaders(reply);
  if (error.code === 'FST_ERR_BAD_URL') {
    void sendError(request, reply, fail('url_invalid'));
    return;
  }
  void sendError(request, reply, new AppError('bad_request'));
}
