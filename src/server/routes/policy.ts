/**
 * The school's policy pack: its procedures, contacts, categories and rule sets, which every
 * device caches for offline use. GET is public (the pack holds procedures, not records) and
 * serves the uploaded pack or the default one built from the seed policies; PUT lets an
 * approved DSL device replace it with a pack that passes the same checker as
 * `npm run policy:check`, so a broken pack can never reach the tablets.
 *
 * Which school: `?school=<id>` names it (a trust's hub serves many); without it, the only
 * school the endpoint holds, or the default pack while there is none or several.
 */
import type { FastifyInstance } from 'fastify';
import { checkPack } from '../../policy/check-pack.ts';
import { defaultPack } from '../../policy/default-pack/index.ts';
import { API, MAX_POLICY_BYTES } from '../../sync/protocol.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { deviceOf } from '../request-types.ts';
import { isId, isObject } from '../validate.ts';

const DEFAULT_JSON = JSON.stringify(defaultPack);

async function schoolOf(ctx: EndpointContext, query: unknown): Promise<string | null> {
  const named = isObject(query) ? query.school : undefined;
  if (named === undefined) {
    const schools = await ctx.store.listSchools();
    return schools.length === 1 ? schools[0]!.id : null;
  }
  if (!isId(named) || !(await ctx.store.getSchool(named))) {
    throw new HttpError(404, 'no-such-school', 'This endpoint has no such school.');
  }
  return named;
}

export function policyRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.get(API.policy, async (request, reply) => {
    const school = await schoolOf(ctx, request.query);
    const json = (school && (await ctx.store.getPolicy(school))) ?? DEFAULT_JSON;
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
