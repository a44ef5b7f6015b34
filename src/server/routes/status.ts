/**
 * Public, unauthenticated facts: is the endpoint up (health, naming the store in use), and
 * is the school set up (the set-up and enrollment pages ask before anything else). Nothing
 * here is secret: the receipt key is a public key, and the school's name is on its gate.
 *
 * On a trust's hub, `configured` is false while any set-up code is pending (so the set-up
 * page lets the next school's DSL in; the code is still what lets them set up), and no
 * school is named: an anonymous caller is not told which schools a hub serves.
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
    const [schools, pending] = await Promise.all([
      ctx.store.listSchools(),
      ctx.store.pendingSetupCodes(),
    ]);
    const school = schools.length === 1 && pending.length === 0 ? schools[0]! : null;
    return {
      configured: schools.length > 0 && pending.length === 0,
      school: school ? { id: school.id, name: school.name } : null,
      receiptKey: ctx.receiptKey.publicJwk,
    };
  });
}
