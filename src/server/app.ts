/**
 * Assembles the endpoint: one Fastify instance with the JSON body parser, the error
 * handler, security headers, the request log, the API routes and the static PWA. Building
 * is separate from listening (start.ts) so the wiring reads top to bottom in one place.
 */
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { MAX_BODY_BYTES } from '../sync/protocol.ts';
import type { EndpointContext } from './context.ts';
import { errorBody, handleError } from './errors.ts';
import { registerJsonBody } from './json-body.ts';
import { loggerOptions, registerRequestLog, type LoggerOption } from './logging.ts';
import { logRefusal } from './refusal-log.ts';
import './request-types.ts';
import { deviceApprovalRoutes } from './routes/device-approval.ts';
import { deviceRoutes } from './routes/devices.ts';
import { enrollmentRoutes } from './routes/enrollment.ts';
import { envelopeRoutes } from './routes/envelopes.ts';
import { erasureRoutes } from './routes/erasures.ts';
import { keyBackupRoutes } from './routes/key-backup.ts';
import { policyRoutes } from './routes/policy.ts';
import { recipientSetRoutes } from './routes/recipient-set.ts';
import { setupRoutes } from './routes/setup.ts';
import { statusRoutes } from './routes/status.ts';
import { isApiPath, registerSecurityHeaders } from './security-headers.ts';
import { registerStatic } from './static.ts';

export interface AppOptions {
  distDir: string;
  logger?: LoggerOption;
  logLevel?: string;
}

export async function buildApp(
  ctx: EndpointContext,
  options: AppOptions,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger, options.logLevel),
    // Fastify's per-request lines would log full URLs; registerRequestLog writes our own.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_BODY_BYTES,
    // A client that stops sending half-way through a body (a dropped tablet, or a slow-body
    // attack) must not hold a connection, or a shutdown, for Node's default five minutes.
    requestTimeout: 60_000,
    // Request ids in the log are counters, never anything derived from the request.
    requestIdHeader: false,
    return503OnClosing: true,
    // A URL the router cannot decode: Fastify's own answer would quote it back.
    frameworkErrors: (_err, request, reply) => {
      logRefusal(request as FastifyRequest, 'bad-request');
      void (reply as FastifyReply)
        .code(400)
        .send(errorBody('bad-request', 'The address of this request is not valid.'));
    },
  });
  registerJsonBody(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async (request, reply) => {
    if (isApiPath(request.url)) {
      logRefusal(request, 'not-found');
      return reply.code(404).send(errorBody('not-found', 'There is no such API route.'));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found.');
  });
  registerSecurityHeaders(app);
  registerRequestLog(app);
  statusRoutes(app, ctx);
  setupRoutes(app, ctx);
  enrollmentRoutes(app, ctx);
  deviceRoutes(app, ctx);
  deviceApprovalRoutes(app, ctx);
  keyBackupRoutes(app, ctx);
  policyRoutes(app, ctx);
  recipientSetRoutes(app, ctx);
  envelopeRoutes(app, ctx);
  erasureRoutes(app, ctx);
  await registerStatic(app, options.distDir);
  return app;
}
