/**
 * The school's recipient set: who may read sealed records. Any enrolled device may fetch
 * the latest (a pending DSL device too: it needs the set to get ready) and checks it
 * against the fingerprint it pinned; approved devices may fetch any earlier version by
 * number, for audits of who could read what when. Only an approved DSL device may publish
 * a new one, which must be signed by the key the current set names and be exactly one
 * version newer: an older or equal version is a rollback attempt (409 stale-recipient-set),
 * a skipped version a conflict, so the endpoint's history of sets has no gaps and no forks.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { fingerprint } from '../../crypto/signing.ts';
import type { SignedRecipientSet } from '../../sync/recipient-set.ts';
import { API, API_ERRORS, API_PATTERNS } from '../../sync/protocol.ts';
import type { EndpointContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { checkRecipientSet } from '../recipient-set-check.ts';
import { deviceOf } from '../request-types.ts';
import type { StoredRecipientSet } from '../store/types.ts';
import { checkVersionParam } from '../validate-devices.ts';

const versionConflict = (current: number) =>
  new HttpError(
    409,
    'version-conflict',
    `The list must be version ${current + 1}; someone may have changed it meanwhile. Reload and try again.`,
  );

/** A rollback attempt, or a replay of the set already held. */
const stale = (version: number, current: number) =>
  new HttpError(
    409,
    API_ERRORS.staleRecipientSet,
    `This list of safeguarding leads (version ${version}) is ${
      version < current ? 'older than' : 'the same version as'
    } the one the school holds (version ${current}). Reload the list and make the change again.`,
  );

const notSetUp = () =>
  new HttpError(404, 'not-set-up', 'This school has no list of safeguarding leads yet.');

/** Served as stored, without a parse and re-encode: its signature is over those bytes' meaning. */
function sendSet(reply: FastifyReply, set: StoredRecipientSet) {
  return reply.type('application/json; charset=utf-8').send(set.json);
}

export function recipientSetRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.recipientSet, { preHandler: ctx.auth.allowPending() }, async (request, reply) => {
    const set = await ctx.store.latestRecipientSet(deviceOf(request).school);
    if (!set) throw notSetUp();
    return sendSet(reply, set);
  });

  app.get(
    API_PATTERNS.recipientSetVersion,
    { preHandler: ctx.auth.require() },
    async (request, reply) => {
      const version = checkVersionParam(request.params);
      const set = await ctx.store.getRecipientSet(deviceOf(request).school, version);
      if (!set) {
        throw new HttpError(
          404,
          'no-such-version',
          `The school has no version ${version} of the list of safeguarding leads.`,
        );
      }
      return sendSet(reply, set);
    },
  );

  app.post(API.recipientSet, { preHandler: ctx.auth.require('dsl') }, async (request, reply) => {
    const school = deviceOf(request).school;
    const current = await ctx.store.latestRecipientSet(school);
    if (!current) throw notSetUp();
    const held = JSON.parse(current.json) as SignedRecipientSet;
    // Signature first: an unsigned or forged set is refused as such whatever its version.
    const set = await checkRecipientSet(request.body, {
      receiptKey: ctx.receiptKey.publicJwk,
      pinnedFingerprint: await fingerprint(held.signingKey),
    });
    if (set.school !== school)
      throw new HttpError(400, 'invalid-recipient-set', 'The list is for a different school.');
    if (set.version <= current.version) throw stale(set.version, current.version);
    if (set.version !== current.version + 1) throw versionConflict(current.version);
    const added = await ctx.store.addRecipientSet(school, {
      version: set.version,
      json: JSON.stringify(set),
    });
    // Lost a race with another DSL's publish of this same version: this one is now stale.
    if (!added) {
      const latest = await ctx.store.latestRecipientSet(school);
      throw stale(set.version, latest?.version ?? set.version);
    }
    return reply.code(201).send(set);
  });
}
