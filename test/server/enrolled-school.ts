/**
 * The start most endpoint test files share: one server for the whole file, with a school set
 * up (and usually one tablet enrolled through the real routes), closed when the file's tests
 * are done.
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
  type TestServerOptions,
} from './helpers.ts';

export interface SchoolServer {
  server: TestServer;
  school: TestSchool;
}

export interface EnrolledSchool extends SchoolServer {
  tablet: TestDevice;
}

/**
 * Registers the file's beforeAll and afterAll: a server (with `options`, as for
 * startTestServer) and a school set up on it. `ready` is handed both once they exist, for
 * the file to keep in its own variables (its tests and helpers read those).
 */
export function withSchool(
  ready: (env: SchoolServer) => void | Promise<void>,
  options: TestServerOptions = {},
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer('none', options);
    await ready({ server, school: await setupSchool(server) });
  });
  afterAll(() => server?.close());
}

/** As withSchool, with one tablet enrolled through the real routes as well. */
export function withEnrolledSchool(ready: (env: EnrolledSchool) => void): void {
  withSchool(async ({ server, school }) =>
    ready({ server, school, tablet: await enrolTablet(server, school) }),
  );
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
