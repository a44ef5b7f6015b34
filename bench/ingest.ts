/**
 * The endpoint's ingest rate as a tablet sees it: real sealed envelopes in signed upload
 * batches of 100 over HTTP, each one checked (request signature, envelope shape, device
 * signature), appended to the hash chain and receipted. Sealing is done beforehand and is
 * not timed; every envelope must come back "stored", or the figure would be meaningless.
 *
 * The rate is the running endpoint's, not a just-started one's: the timed uploads follow
 * 3,000 untimed envelopes. The first couple of thousand after a start are slower (by 5 to
 * 20% in the runs behind this choice) while V8 compiles the hot paths on the same two cores
 * and each pooled database connection plans its statements; an endpoint at a school or a
 * trust's hub runs for weeks, so that start-up cost is printed but is not the figure.
 */
import { randomBytes } from 'node:crypto';
import { unsigned, type Envelope } from '../src/crypto/envelope.ts';
import { signObject } from '../src/crypto/signing.ts';
import { API, type UploadResponse } from '../src/sync/protocol.ts';
import {
  seal,
  signedFetch,
  type HasUrl,
  type TestDevice,
  type TestSchool,
} from '../test/server/helpers.ts';
import { ulid } from '../src/domain/ulid.ts';
import { payload } from './fixtures.ts';
import { median } from './results.ts';

export const BATCH = 100;

/** An endpoint with one school and one enrolled tablet to upload from. */
export interface IngestTarget {
  server: HasUrl;
  school: TestSchool;
  tablet: TestDevice;
}

export interface IngestRate {
  /** Envelopes per second from the median upload: what the figures report. */
  rate: number;
  /** Envelopes per second over all the timed uploads. */
  overall: number;
  /** How many envelopes were stored, the untimed ones included. */
  envelopes: number;
}

/** Untimed uploads first, so a freshly started endpoint's first requests are not counted. */
const WARMUP = 30;
const TIMED = 20;

/** How the figures are measured, for their descriptions. */
export const INGEST_METHOD = `signed uploads of ${BATCH} envelopes (rate from the median of ${TIMED}, after ${(WARMUP * BATCH).toLocaleString('en-GB')} untimed envelopes)`;

/**
 * An untimed upload: copies of one sealed envelope, each with a fresh id, seq and
 * ciphertext (random bytes of the sealed one's length), signed by the tablet. The endpoint
 * does exactly the same work for them as for freshly sealed ones, since it never opens an
 * envelope; they cost the bench a signature each instead of a seal.
 */
async function warmUpBody(template: Envelope, tablet: TestDevice, first: number) {
  const ctBytes = Buffer.from(template.ct, 'base64url').length;
  const envelopes = await Promise.all(
    Array.from({ length: BATCH }, async (_, i) => {
      const body = unsigned({
        ...template,
        id: ulid(),
        seq: first + i,
        ct: randomBytes(ctBytes).toString('base64url'),
      });
      return { ...body, sig: await signObject(tablet.keys.privateKey, body) };
    }),
  );
  return JSON.stringify({ envelopes });
}

/**
 * The upload bodies for one target: WARMUP untimed ones, then TIMED of freshly sealed
 * envelopes (sealed 100 at a time in parallel).
 */
async function uploadBodies(school: TestSchool, tablet: TestDevice) {
  const bodies: string[] = [];
  const template = await seal(school, tablet, payload(0));
  // Far above the seqs seal() hands out, so no copy repeats a real envelope's seq.
  const base = 1_000_000_000;
  for (let b = 0; b < WARMUP; b++)
    bodies.push(await warmUpBody(template, tablet, base + b * BATCH));
  for (let b = 0; b < TIMED; b++) {
    const envelopes = await Promise.all(
      Array.from({ length: BATCH }, (_, i) => seal(school, tablet, payload(b * BATCH + i))),
    );
    bodies.push(JSON.stringify({ envelopes }));
  }
  return bodies;
}

async function upload(server: HasUrl, tablet: TestDevice, body: string): Promise<void> {
  const res = await signedFetch(server, tablet, 'POST', API.envelopes, body);
  if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  const { results } = (await res.json()) as UploadResponse;
  const notStored = results.filter((r) => r.status !== 'stored');
  if (results.length !== BATCH || notStored.length > 0)
    throw new Error(`ingest did not store every envelope: ${JSON.stringify(notStored[0])}`);
}

/**
 * The ingest rate of each target, from 20 timed uploads of 100 envelopes each (after 2
 * untimed). With several targets the uploads take turns (one to each, then again), so a
 * spell of other work on this shared 2-core machine slows them all alike and their ratio
 * holds. The figures report the median upload, which a few stalled uploads do not move.
 */
export async function ingestRates(targets: IngestTarget[]): Promise<IngestRate[]> {
  const bodies: string[][] = [];
  for (const t of targets) bodies.push(await uploadBodies(t.school, t.tablet));
  const times: number[][] = targets.map(() => []);
  for (let b = 0; b < WARMUP + TIMED; b++) {
    for (const [i, t] of targets.entries()) {
      const t0 = performance.now();
      await upload(t.server, t.tablet, bodies[i]![b]!);
      times[i]!.push((performance.now() - t0) / 1000);
    }
  }
  return times.map((all) => {
    const ts = all.slice(WARMUP);
    const rate = BATCH / median(ts);
    const overall = (TIMED * BATCH) / ts.reduce((a, b) => a + b, 0);
    const ms = ts.map((t) => Math.round(t * 1000));
    const start = all.slice(0, 20);
    console.log(
      `  (${Math.round(rate)} envelopes/s from the median upload, ${Math.round(overall)} over all ${TIMED}; uploads took ${ms.join(' ')} ms; the first ${start.length} untimed: ${Math.round(BATCH / median(start))} envelopes/s from their median)`,
    );
    return { rate, overall, envelopes: (WARMUP + TIMED) * BATCH };
  });
}

export async function ingestRate(target: IngestTarget): Promise<IngestRate> {
  return (await ingestRates([target]))[0]!;
}
