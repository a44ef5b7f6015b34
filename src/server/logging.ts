/**
 * The structured request log: method, path, status and time, and nothing else. Fastify's
 * own request logging is switched off because it records the full URL (set-up links carry
 * a code in the query) and invites adding headers or bodies; a safeguarding endpoint's log
 * must never hold record content or secrets, so this one is built field by field.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { isApiPath } from './security-headers.ts';

export type LoggerOption = boolean | Record<string, unknown> | NodeJS.WritableStream;

/** Defence in depth should anyone log a request object directly. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-safetrail-signature"]',
  'req.headers["x-safetrail-nonce"]',
  'req.body',
  'body',
];

function isStream(value: unknown): value is NodeJS.WritableStream {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NodeJS.WritableStream).write === 'function'
  );
}

export function loggerOptions(
  option: LoggerOption | undefined,
  level = 'info',
): FastifyServerOptions['logger'] {
  if (option === undefined || option === false) return false;
  const base = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (option === true) return base;
  if (isStream(option)) return { ...base, stream: option };
  return { ...base, ...option };
}

/**
 * What the log says was asked for. For the API, the route's pattern, not the URL sent:
 * nothing a client puts in an API URL reaches the log. For the app's files, the path
 * without its query (set-up links carry a code there).
 */
export function logPath(url: string, routePattern: string | undefined): string {
  if (isApiPath(url))
    return routePattern && routePattern !== '/*' ? routePattern : '/api/(unknown)';
  const q = url.indexOf('?');
  return (q === -1 ? url : url.slice(0, q)).slice(0, 200);
}

export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: logPath(request.url, request.routeOptions.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
