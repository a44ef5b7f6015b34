/**
 * The school's policy pack: its procedures, contacts, categories and rule sets, which every
 * device caches for offline use. GET is public (the pack holds procedures, not records) and
 * serves the uploaded pack or the default one built from the seed policies; PUT lets an
 * approved DSL device replace it with a pack that passes the same checker as
 * `npm run policy:check`, so a broken pack can never reach the tablets.
 */
import type { FastifyInstance } from 'fastify';
import { checkPack } from '../../policy/check-pack.ts';
import { defaultPack } from '../../policy/default-pack/index.ts';
import { API, MAX_POLICY_BYTES } from '../../sync/protocol.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { deviceOf } from '../request-types.ts';

const DEFAULT_JSON = JSON.stringify(defaultPack);

export function policyRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.policy, async (_request, reply) => {
    const school = await ctx.store.getSchool();
    const json = (school && (await ctx.store.getPolicy(school.id))) ?? DEFAULT_JSON;
    return reply.type('application/json').send(json);
  });

  app.put(API.policy, { preHandler: ctx.auth.require('dsl') }, async (request, reply) => {
    if ((request.rawBody ?? '').length > MAX_POLICY_BYTES) {
      throw new HttpError(413, 'body-too-large', 'The policy pack is too large (at most 1 MB).');
    }
    const result = checkPack(request.body);
    if (!result.ok) {
      const first = result.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
      throw new HttpError(
        400,
        'invalid-policy-pack',
        `The policy pack has ${result.errors.length} problem(s): ${first.join('; ')}`,
      );
    }
    const device = deviceOf(request);
    await ctx.store.putPolicy(device.school, JSON.stringify(result.pack), device.id, isoNow(ctx));
    return reply.code(204).send();
  });
}
