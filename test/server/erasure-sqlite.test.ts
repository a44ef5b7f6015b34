/**
 * Retention erasure (erasure-cases.ts) on a two-school hub with the embedded SQLite store,
 * and what only SQLite can show here: the erased ciphertext is gone from the files on disk
 * (database and write-ahead log), not merely hidden from the API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API } from '../../src/sync/protocol.ts';
import { describeErasure } from './erasure-cases.ts';
import { enrolTablet, seal, setupSchool, signedFetch, startTestServer } from './helpers.ts';

describeErasure('sqlite', () => startTestServer('none', { hubSchools: 2 }));

describe('retention erasure in the SQLite files', () => {
  it('leaves no copy of the erased ciphertext in the database or its log', async () => {
    const server = await startTestServer();
    try {
      const school = await setupSchool(server);
      const tablet = await enrolTablet(server, school);
      const kept = await seal(school, tablet, { pad: 'k'.repeat(20_000) });
      const gone = await seal(school, tablet, { pad: 'g'.repeat(20_000) });
      const up = await signedFetch(server, tablet, 'POST', API.envelopes, {
        envelopes: [kept, gone],
      });
      expect(up.status).toBe(200);
      const res = await signedFetch(server, school.dslDevice, 'POST', API.erasures, {
        ids: [gone.id],
      });
      expect(await res.json()).toEqual({ erased: 1, index: 1 });
      const files = readdirSync(server.dataDir).map((f) => readFileSync(join(server.dataDir, f)));
      const has = (text: string) => files.some((bytes) => bytes.includes(text));
      // Slices from the start, middle and end of each ciphertext.
      const slices = (ct: string) =>
        [0, ct.length / 2, ct.length - 64].map((i) => ct.slice(i, i + 64));
      expect(slices(kept.ct).every(has)).toBe(true);
      expect(slices(gone.ct).some(has)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
