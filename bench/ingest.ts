/**
 * The endpoint's ingest rate as a tablet sees it: real sealed envelopes in signed upload
 * batches of 100 over HTTP, each one checked (request signature, envelope shape, device
 * signature), appended to the hash chain and receipted. Sealing is done beforehand and is
 * not timed; every envelope must come back "stored", or the figure would be meaningless.
 */
import { API, type UploadResponse } from '../src/sync/protocol.ts';
import {
  seal,
  signedFetch,
  type HasUrl,
  type TestDevice,
  type TestSchool,
} from '../test/server/helpers.ts';
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
const WARMUP = 2;
const TIMED = 20;

/** Seals `count` uploads of 100 envelopes from `tablet`, 100 at a time in parallel. */
async function sealBodies(school: TestSchool, tablet: TestDevice, count: number) {
  const bodies: string[] = [];
  for (let b = 0; b < count; b++) {
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
  for (const t of targets) bodies.push(await sealBodies(t.school, t.tablet, WARMUP + TIMED));
  const times: number[][] = targets.map(() => []);
  for (let b = 0; b < WARMUP + TIMED; b++) {
    for (const [i, t] of targets.entries()) {
      const t0 = performance.now();
      await upload(t.server, t.tablet, bodies[i]![b]!);
      if (b >= WARMUP) times[i]!.push((performance.now() - t0) / 1000);
    }
  }
  return times.map((ts) => {
    const rate = BATCH / median(ts);
    const overall = (TIMED * BATCH) / ts.reduce((a, b) => a + b, 0);
    const ms = ts.map((t) => Math.round(t * 1000));
    console.log(
      `  (${Math.round(rate)} envelopes/s from the median upload, ${Math.round(overall)} over all ${TIMED}; uploads took ${ms.join(' ')} ms)`,
    );
    return { rate, overall, envelopes: (WARMUP + TIMED) * BATCH };
  });
}

export async function ingestRate(target: IngestTarget): Promise<IngestRate> {
  return (await ingestRates([target]))[0]!;
}
