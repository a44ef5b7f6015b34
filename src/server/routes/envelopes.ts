/**
 * Uploading sealed envelopes (tablets and DSL devices: the school office's computer records
 * nothing) and pulling them by cursor (DSL devices, who can open them). An upload answers
 * 200 with a result per item in request order, even if every item was refused: a batch is
 * not all-or-nothing, so one bad record never blocks the others behind it in a tablet's
 * outbox. A pull page is bounded by count and by bytes,
 * so a phone pulling a log full of attachments never gets hundreds of megabytes at once.
 * Entries a DSL erased (routes/erasures.ts) are skipped, and the cursor moves past them.
 * Each refused item is one line in the refusal log (its id, never its fields), and an
 * upload that delivered anything counts as the device's last sync (to the minute, as last
 * seen: activity-time.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Envelope } from '../../crypto/envelope.ts';
import {
  API,
  MAX_BODY_BYTES,
  type PullResponse,
  type UploadResponse,
} from '../../sync/protocol.ts';
import { worthRecording } from '../activity-time.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { ingestBatch } from '../ingest.ts';
import { logRefusal } from '../refusal-log.ts';
import { deviceOf } from '../request-types.ts';
import { checkPullQuery, checkUploadRequest } from '../validate.ts';

/** A pull page stops short of `limit` rather than grow past this many bytes of envelopes. */
export const PULL_BYTE_BUDGET = MAX_BODY_BYTES;

export function envelopeRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.post(
    API.envelopes,
    { preHandler: ctx.auth.require('tablet', 'dsl') },
    async (request): Promise<UploadResponse> => {
      const device = deviceOf(request);
      const items = checkUploadRequest(request.body);
      const key = ctx.auth.publicKey(device);
      // The log order follows the order the device sent.
      const results = await ingestBatch(ctx, device, key, items);
      for (const result of results)
        if ('error' in result) logRefusal(request, result.error, result.id);
      const delivered = results.some((r) => r.status === 'stored' || r.status === 'duplicate');
      if (delivered && worthRecording(device.lastSyncAt, ctx.now()))
        await ctx.store.markSynced(device.id, isoNow(ctx));
      return { results };
    },
  );

  app.get(
    API.envelopes,
    { preHandler: ctx.auth.require('dsl') },
    async (request): Promise<PullResponse> => {
      const { after, limit } = checkPullQuery(request.query);
      const school = deviceOf(request).school;
      const page = await ctx.store.readLog(school, after, limit, PULL_BYTE_BUDGET);
      // The cursor covers erased entries too, which are left out of the page.
      const cursor = page.at(-1)?.index ?? after;
      // Asked after the read: anything appended meanwhile is "more", never lost.
      const tail = await ctx.store.logTail(school);
      return {
        envelopes: page
          .filter((e) => e.erasedAt === null)
          .map((e) => ({
            logIndex: e.index,
            receivedAt: e.receivedAt,
            prevHead: e.prevHead,
            head: e.head,
            envelope: JSON.parse(e.body) as Envelope,
          })),
        cursor,
        more: (tail?.index ?? 0) > cursor,
      };
    },
  );
}
