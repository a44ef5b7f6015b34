/**
 * Transports for engine tests: an honest one that hands the exact request body to a fake
 * endpoint, and one that lets the endpoint commit and then rewrites its answers (wrong
 * key, wrong hash...), which is how a buggy proxy or a hostile endpoint would look.
 */
import type { UploadTransport } from '../../../src/sync/engine.ts';
import type { UploadItemResult } from '../../../src/sync/protocol.ts';
import { signReceipt, type Receipt } from '../../../src/sync/receipt.ts';
import type { FakeEndpoint } from './fake-endpoint.ts';

export const uploadBody = (envelopes: string[]) => `{"envelopes":[${envelopes.join(',')}]}`;

export const honest = (server: FakeEndpoint): UploadTransport => ({
  upload: (envelopes) => server.handle(uploadBody(envelopes)),
});

/** The endpoint stores the envelopes, then the transport rewrites what comes back. */
export const tampering = (
  server: FakeEndpoint,
  rewrite: (r: UploadItemResult) => Promise<UploadItemResult>,
): UploadTransport => ({
  upload: async (envelopes) => Promise.all((await honest(server).upload(envelopes)).map(rewrite)),
});

/** Re-signs a stored/duplicate result's receipt with `key`, after applying `change`. */
export async function resign(
  r: UploadItemResult,
  key: CryptoKey,
  change: Partial<Receipt> = {},
): Promise<UploadItemResult> {
  if (r.status !== 'stored' && r.status !== 'duplicate') return r;
  const { sig: _sig, ...body } = { ...r.receipt, ...change };
  return { ...r, receipt: await signReceipt(body, key) };
}
