/**
 * What the endpoint adds to Fastify's request: the raw body text (the request signature
 * covers the exact bytes sent, not a re-serialisation) and the authenticated device.
 */
import type { DeviceRecord } from './store/types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    device?: DeviceRecord;
  }
}

/** The device a preHandler authenticated; a route without one is a wiring bug. */
export function deviceOf(request: { device?: DeviceRecord }): DeviceRecord {
  if (!request.device) throw new Error('Route reached without device authentication');
  return request.device;
}
