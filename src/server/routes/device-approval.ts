/**
 * Approving and revoking devices (approved DSL devices; the school office's computer may
 * revoke tablets, such as a lost one, and nothing else). Approval is how a DSL
 * device enrolled with a DSL code becomes able to pull; revocation is how a lost tablet or
 * a leaver's phone is shut out. Both answer the device's DeviceInfo and are idempotent, so
 * a console that retries after a dropped answer sees the same result. A revoked device's
 * delivered records stay in the log: revocation stops what it can do next, nothing more.
 *
 * Two rules keep a school from locking itself out: a DSL cannot revoke the device it is
 * using, and the last approved DSL device is never revoked (the store checks that in the
 * same transaction, so two DSLs revoking each other at once cannot both succeed).
 */
import type { FastifyInstance } from 'fastify';
import { API_ERRORS, API_PATTERNS, type DeviceInfo } from '../../sync/protocol.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { loadDeviceInfo } from '../device-info.ts';
import { HttpError } from '../errors.ts';
import { deviceOf } from '../request-types.ts';
import { checkDeviceIdParam, noSuchDevice } from '../validate-devices.ts';

const alreadyRevoked = () =>
  new HttpError(
    409,
    'already-revoked',
    'This device has been revoked, so it cannot be approved. Enrol it again with a new code.',
  );

const cannotRevokeSelf = () =>
  new HttpError(
    400,
    API_ERRORS.cannotRevokeSelf,
    'You cannot revoke the device you are using. Ask another safeguarding lead to do it.',
  );

const officeRevokesTabletsOnly = () =>
  new HttpError(
    403,
    'forbidden',
    'The school office’s computer can revoke tablets only. Ask a safeguarding lead to revoke this device.',
  );

const lastDsl = () =>
  new HttpError(
    409,
    API_ERRORS.lastDsl,
    'This is the school’s last approved safeguarding lead device, so it cannot be revoked. Approve another safeguarding lead’s device first.',
  );

export function deviceApprovalRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.post(
    API_PATTERNS.approveDevice,
    { preHandler: ctx.auth.require('dsl') },
    async (request): Promise<DeviceInfo> => {
      const id = checkDeviceIdParam(request.params);
      const outcome = await ctx.store.approveDevice(deviceOf(request).school, id, isoNow(ctx));
      if (outcome === 'not-found') throw noSuchDevice();
      if (outcome === 'revoked') throw alreadyRevoked();
      return loadDeviceInfo(ctx.store, id);
    },
  );

  app.post(
    API_PATTERNS.revokeDevice,
    { preHandler: ctx.auth.require('dsl', 'office') },
    async (request): Promise<DeviceInfo> => {
      const id = checkDeviceIdParam(request.params);
      const me = deviceOf(request);
      if (me.role === 'office') {
        // A device's role never changes, so checking it before the revocation is enough.
        const target = await ctx.store.getDevice(id);
        if (!target || target.school !== me.school) throw noSuchDevice();
        if (target.role !== 'tablet') throw officeRevokesTabletsOnly();
      }
      if (id === me.id) throw cannotRevokeSelf();
      const outcome = await ctx.store.revokeDevice(me.school, id, isoNow(ctx));
      if (outcome === 'not-found') throw noSuchDevice();
      if (outcome === 'last-dsl') throw lastDsl();
      return loadDeviceInfo(ctx.store, id);
    },
  );
}
