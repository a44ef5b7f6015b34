/**
 * The school's recipient set. Any enrolled device may fetch the latest (and checks it
 * against the fingerprint it pinned); only a DSL device may publish a new one, which must
 * be signed by the same school key and be exactly one version newer, so the endpoint's
 * history of sets has no gaps and cannot fork.
 */
import type { FastifyInstance } from 'fastify';
import { fingerprint } from '../../crypto/signing.ts';
import type { SignedRecipientSet } from '../../sync/recipient-set.ts';
import { API } from '../../sync/protocol.ts';
import type { EndpointContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { checkRecipientSet } from '../recipient-set-check.ts';
import { deviceOf } from '../request-types.ts';

const versionConflict = (current: number) =>
  new HttpError(
    409,
    'version-conflict',
    `The list must be version ${current + 1}; someone may have changed it meanwhile. Reload and try again.`,
  );

export function recipientSetRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.recipientSet, { preHandler: ctx.auth.require() }, async (request, reply) => {
    const set = await ctx.store.latestRecipientSet(deviceOf(request).school);
    if (!set)
      throw new HttpError(404, 'not-set-up', 'This school has no list of safeguarding leads yet.');
    // Served as stored, without a parse and re-encode on every fetch.
    return reply.type('application/json; charset=utf-8').send(set.json);
  });

  app.post(API.recipientSet, { preHandler: ctx.auth.require('dsl') }, async (request, reply) => {
    const school = deviceOf(request).school;
    const current = await ctx.store.latestRecipientSet(school);
    if (!current)
      throw new HttpError(404, 'not-set-up', 'This school has no list of safeguarding leads yet.');
    const held = JSON.parse(current.json) as SignedRecipientSet;
    const set = await checkRecipientSet(request.body, {
      receiptKey: ctx.receiptKey.publicJwk,
      pinnedFingerprint: await fingerprint(held.signingKey),
    });
    if (set.school !== school)
      throw new HttpError(400, 'invalid-recipient-set', 'The list is for a different school.');
    if (set.version !== current.version + 1) throw versionConflict(current.version);
    const added = await ctx.store.addRecipientSet(school, {
      version: set.version,
      json: JSON.stringify(set),
    });
    if (!added) throw versionConflict(current.version);
    return reply.code(201).send(set);
  });
}
