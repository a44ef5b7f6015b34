/**
 * The school's devices as metadata: the list for a DSL's console and the school office's
 * computer (who enrolled what, when each last synced, how much each has waiting), a
 * device's view of itself (so a tablet learns it was approved, and a DSL device that it is
 * still pending), and the outbox report devices send to feed that list. Nothing here is
 * record content.
 */
import type { FastifyInstance } from 'fastify';
import { API, type DeviceInfo } from '../../sync/protocol.ts';
import type { EndpointContext } from '../context.ts';
import { deviceInfos, loadDeviceInfo } from '../device-info.ts';
import { deviceOf } from '../request-types.ts';
import { checkStatusReport } from '../validate-devices.ts';

export function deviceRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.devices, { preHandler: ctx.auth.require('dsl', 'office') }, async (request) => {
    const devices = await ctx.store.listDevices(deviceOf(request).school);
    return { devices: deviceInfos(devices) };
  });

  // Pending devices may ask: it is how a new DSL device finds out it has been approved.
  app.get(
    API.deviceSelf,
    { preHandler: ctx.auth.allowPending() },
    async (request): Promise<DeviceInfo> => loadDeviceInfo(ctx.store, deviceOf(request).id),
  );

  app.post(API.deviceSelfStatus, { preHandler: ctx.auth.require() }, async (request, reply) => {
    const report = checkStatusReport(request.body);
    await ctx.store.reportDeviceStatus(deviceOf(request).id, report.queued, report.oldestQueuedAt);
    return reply.code(204).send();
  });
}
