/**
 * The start most endpoint test files share: one server for the whole file, with a school set
 * up and one tablet enrolled through the real routes, closed when the file's tests are done.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { API, type UploadItemResult } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  setupSchool,
  signedFetch,
  startTestServer,
  type HasUrl,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

export interface EnrolledSchool {
  server: TestServer;
  school: TestSchool;
  tablet: TestDevice;
}

/**
 * Registers the file's beforeAll and afterAll. `ready` is handed the three once they exist,
 * for the file to keep in its own variables (its tests and helpers read those).
 */
export function withEnrolledSchool(ready: (env: EnrolledSchool) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    const school = await setupSchool(server);
    ready({ server, school, tablet: await enrolTablet(server, school) });
  });
  afterAll(() => server?.close());
}

/** One signed upload, which must be accepted as a whole; the outcome of each item. */
export async function uploadAs(
  server: HasUrl,
  device: TestDevice,
  envelopes: unknown[],
): Promise<UploadItemResult[]> {
  const res = await signedFetch(server, device, 'POST', API.envelopes, { envelopes });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: UploadItemResult[] }).results;
}
