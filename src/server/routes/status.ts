/**
 * Public, unauthenticated facts: is the endpoint up (health), and is the school set up
 * (the set-up and enrollment pages ask before anything else). Nothing here is secret:
 * the receipt key is a public key, and the school's name is on its gate.
 */
import type { FastifyInstance } from 'fastify';
import {
  API,
  SYNC_FORMAT_VERSION,
  type HealthResponse,
  type SchoolStatus,
} from '../../sync/protocol.ts';
import type { EndpointContext } from '../context.ts';

export function statusRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.health, async (): Promise<HealthResponse> => ({
    status: 'ok',
    version: ctx.version,
    syncFormat: SYNC_FORMAT_VERSION,
    store: ctx.store.kind,
  }));

  app.get(API.school, async (): Promise<SchoolStatus> => {
    const school = await ctx.store.getSchool();
    return {
      configured: school !== null,
      school: school ? { id: school.id, name: school.name } : null,
      receiptKey: ctx.receiptKey.publicJwk,
    };
  });
}
