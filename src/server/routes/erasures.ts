/**
 * Retention erasure: an approved DSL device asks the endpoint to erase the ciphertext of
 * some of its school's envelopes (the DSL has already sealed an ordinary record saying what
 * was deleted and why, so the chronology keeps the decision). The store empties each
 * entry's body but keeps its index, id, hashes and receipt, so the chain still verifies and
 * a replay of the erased content is still refused. Every request becomes one entry of the
 * school's erasure log (who, when, which ids), which DSL consoles read to drop their own
 * copies. Ids the school does not hold are ignored and never counted, so nothing about
 * another school's log can be learned here. The request log gets counts, never ids.
 */
import type { FastifyInstance } from 'fastify';
import { API, type ErasureListResponse, type ErasureResponse } from '../../sync/protocol.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { deviceOf } from '../request-types.ts';
import { checkErasureQuery, checkErasureRequest } from '../validate.ts';

export function erasureRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.post(
    API.erasures,
    { preHandler: ctx.auth.require('dsl') },
    async (request): Promise<ErasureResponse> => {
      const ids = checkErasureRequest(request.body);
      const device = deviceOf(request);
      const record = await ctx.store.eraseEnvelopes(device.school, ids, device.id, isoNow(ctx));
      request.log.info(
        { device: device.id, erasure: record.index, erased: record.ids.length },
        'erased',
      );
      return { erased: record.ids.length, index: record.index };
    },
  );

  app.get(
    API.erasures,
    { preHandler: ctx.auth.require('dsl') },
    async (request): Promise<ErasureListResponse> => {
      const { after, limit } = checkErasureQuery(request.query);
      const school = deviceOf(request).school;
      // One more than asked for says whether there is a next page.
      const rows = await ctx.store.listErasures(school, after, limit + 1);
      const page = rows.slice(0, limit);
      return {
        erasures: page.map(({ index, ids, device, at }) => ({ index, ids, device, at })),
        next: rows.length > limit ? page.at(-1)!.index : null,
      };
    },
  );
}
