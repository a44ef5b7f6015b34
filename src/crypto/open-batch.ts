/**
 * The one path by which a console opens a batch of records as one reader: each envelope
 * with every check of openEnvelope (shape, the sending device's signature, this reader's
 * slot, the MAC over header and reader list, AES-GCM), or of openEnvelopeWithGrant when a
 * lead who joined later has no slot of their own. The open workers (open-worker.ts) and
 * the page's own fallback (open-pool.ts) both run this, so where a record is opened never
 * changes what is checked or what a failure says. Nothing here keeps or logs plaintext.
 */
import { openEnvelope, type Envelope, type EnvelopeHeader } from './envelope.ts';
import type { PublicJwk } from './jwk.ts';
import { openEnvelopeWithGrant, type GrantSlot } from './key-grant.ts';

export interface OpenReader {
  kid: string;
  privateKey: CryptoKey;
}

export interface OpenJob {
  /** The envelope, or its JSON text as stored (text is far cheaper to post to a worker). */
  envelope: Envelope | string;
  /** The sending device's public key, from the school's device list. */
  deviceKey: PublicJwk;
  /** Used only when the envelope has no slot for this reader (a lead who joined later). */
  grant?: GrantSlot;
}

export type OpenOutcome<T = unknown> =
  { ok: true; header: EnvelopeHeader; payload: T } | { ok: false; problem: string };

/** Opens with this reader's own slot when there is one, else with a grant. */
export function openForReader<T>(
  envelope: Envelope,
  reader: OpenReader,
  deviceKey: PublicJwk,
  grant: GrantSlot | undefined,
) {
  if (!envelope.readers.some((r) => r.kid === reader.kid) && grant) {
    return openEnvelopeWithGrant<T>(envelope, grant, reader, deviceKey);
  }
  return openEnvelope<T>(envelope, reader, deviceKey);
}

/** Opens one job; a failure becomes its reason, in the words the console shows. */
export async function openJob<T = unknown>(
  job: OpenJob,
  reader: OpenReader,
): Promise<OpenOutcome<T>> {
  try {
    const envelope =
      typeof job.envelope === 'string' ? (JSON.parse(job.envelope) as Envelope) : job.envelope;
    const { header, payload } = await openForReader<T>(envelope, reader, job.deviceKey, job.grant);
    return { ok: true, header, payload };
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : 'Could not be opened.' };
  }
}

/** Every job of a batch at once: WebCrypto calls overlap, and the answers keep their order. */
export function openBatch(jobs: OpenJob[], reader: OpenReader): Promise<OpenOutcome[]> {
  return Promise.all(jobs.map((job) => openJob(job, reader)));
}
