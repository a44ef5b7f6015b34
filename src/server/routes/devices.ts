/**
 * GET /api/v1/devices: the school's enrolled devices for a DSL's console and for checking
 * which key signed an envelope. Metadata only; nothing here is record content.
 */
import type { FastifyInstance } from 'fastify';
import { API, type DeviceInfo } from '../../sync/protocol.ts';
import type { EndpointContext } from '../context.ts';
import { deviceOf } from '../request-types.ts';
import type { DeviceRecord } from '../store/types.ts';

export function deviceInfo(d: DeviceRecord): DeviceInfo {
  return {
    id: d.id,
    name: d.name,
    role: d.role,
    publicKey: d.publicKey,
    enrolledAt: d.enrolledAt,
    lastSeenAt: d.lastSeenAt,
    revoked: d.revokedAt !== null,
  };
}

export function deviceRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.devices, { preHandler: ctx.auth.require('dsl') }, async (request) => {
    const devices = await ctx.store.listDevices(deviceOf(request).school);
    return { devices: devices.map(deviceInfo) };
  });
}
