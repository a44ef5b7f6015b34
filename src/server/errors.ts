/**
 * Every failure the endpoint reports is an HTTP status plus `{error, message}` (ErrorBody
 * in the protocol): `error` is a stable code a client can branch on, `message` a sentence a
 * member of staff can read. Bad input is always a 4xx; only our own bugs become a 500, and
 * that 500 says nothing about what went wrong (the details go to the log, never a body).
 * Every 4xx is also one line in the refusal log (refusal-log.ts).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../sync/protocol.ts';
import { logRefusal } from './refusal-log.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: code, message };
}

/** Fastify's own errors for malformed requests, in words a person can act on. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    'body-too-large',
    'The request is too large. Send fewer records at a time.',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported-media-type',
    'Send the request body as JSON (Content-Type: application/json).',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad-request',
    'The request’s length does not match its body.',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'malformed-json',
    'The request body is empty but should be JSON.',
  ],
};

export function handleError(
  err: FastifyError | HttpError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (err instanceof HttpError) {
    if (err.status < 500) logRefusal(request, err.code);
    void reply.code(err.status).headers(err.headers).send(errorBody(err.code, err.message));
    return;
  }
  const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
  if (known) {
    logRefusal(request, known[1]);
    void reply.code(known[0]).send(errorBody(known[1], known[2]));
    return;
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's message may quote the request; ours never does.
    logRefusal(request, 'bad-request');
    void reply.code(status).send(errorBody('bad-request', 'The request could not be understood.'));
    return;
  }
  // Only the error's type, code and stack frames: a message could quote the input.
  const frames = err.stack?.split('\n').slice(1).join('\n');
  request.log.error({ err: { type: err.name, code: err.code, frames } }, 'request failed');
  void reply
    .code(500)
    .send(
      errorBody(
        'internal-error',
        'Something went wrong on the school endpoint. Try again shortly.',
      ),
    );
}
