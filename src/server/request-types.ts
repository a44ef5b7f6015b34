/**
 * What the endpoint adds to Fastify's request: the raw body text (the request signature
 * covers the exact bytes sent, not a re-serialisation), the authenticated device, and the
 * id of the enrolled device a request claimed to come from (for the refusal log, before
 * its signature is known to hold).
 */
import type { DeviceRecord } from './store/types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    device?: DeviceRecord;
    claimedDevice?: string;
  }
}

/** The device a preHandler authenticated; a route without one is a wiring bug. */
export function deviceOf(request: { device?: DeviceRecord }): DeviceRecord {
  if (!request.device) throw new Error('Route reached without device authentication');
  return request.device;
}
