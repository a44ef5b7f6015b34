/** A fault inside the endpoint (here: a table gone from under it) is a bare 500, not a leak or a crash. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/sync/protocol.ts';
import {
  setupSchool,
  signedFetch,
  sql,
  startTestServer,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

describe('internal errors', () => {
  it('become a 500 with a generic JSON message, and the server keeps serving', async () => {
    sql(server, 'ALTER TABLE enrollment_codes RENAME TO enrollment_codes_gone');
    const res = await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: 'internal-error',
      message: expect.stringMatching(/went wrong/),
    });
    expect(text).not.toMatch(/enrollment_codes|sqlite|table/i);
    expect((await fetch(server.url + API.health)).status).toBe(200);
    expect(server.logs()).toContain('"msg":"request failed"');
    expect(server.logs()).not.toContain('no such table');
  });
});
