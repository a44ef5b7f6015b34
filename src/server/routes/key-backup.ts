/**
 * Each DSL device's encrypted key backup (its reading and signing keys under the DSL's
 * passphrase, sealed in the browser: the endpoint can store it but never open it). PUT
 * replaces it, when a DSL changes their passphrase or a newly enrolled DSL sets one; GET
 * returns it so the DSL can unlock on a device that lost its local copy. A pending DSL
 * device may use both, since setting up its keys comes before anyone approves it; a
 * device only ever reaches its own backup. The set-up route stores the first one.
 */
import type { FastifyInstance } from 'fastify';
import { API, MAX_KEY_BACKUP_BYTES, type KeyBackup } from '../../sync/protocol.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { deviceOf } from '../request-types.ts';
import { checkKeyBackup } from '../validate.ts';

export function keyBackupRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.put(API.keyBackup, { preHandler: ctx.auth.allowPending('dsl') }, async (request, reply) => {
    // A backup is a few kilobytes; the cap keeps the table from becoming free storage.
    if ((request.rawBody ?? '').length > MAX_KEY_BACKUP_BYTES) {
      throw new HttpError(413, 'body-too-large', 'The key backup is too large.');
    }
    const backup = checkKeyBackup(request.body);
    const device = deviceOf(request);
    await ctx.store.putKeyBackup(device.school, device.id, JSON.stringify(backup), isoNow(ctx));
    return reply.code(204).send();
  });

  app.get(
    API.keyBackup,
    { preHandler: ctx.auth.allowPending('dsl') },
    async (request): Promise<KeyBackup> => {
      const json = await ctx.store.getKeyBackup(deviceOf(request).id);
      if (json === null) {
        throw new HttpError(404, 'no-key-backup', 'This device has no key backup on the endpoint.');
      }
      return JSON.parse(json) as KeyBackup;
    },
  );
}
