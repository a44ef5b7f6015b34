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
 * startTestServer) and a school set up on it. The answer is filled in before the file's
 * tests run, so they read `env.server` and `env.school`.
 */
export function withSchool(options: TestServerOptions = {}): SchoolServer {
  const env = {} as SchoolServer;
  beforeAll(async () => {
    env.server = await startTestServer('none', options);
    env.school = await setupSchool(env.server);
  });
  afterAll(() => env.server?.close());
  return env;
}

/**
 * As withSchool, with one tablet enrolled through the real routes as well. `ready` is handed
 * the three once they exist, for the file to keep in its own variables.
 */
export function withEnrolledSchool(ready: (env: EnrolledSchool) => void): void {
  const env = withSchool();
  beforeAll(async () => {
    ready({ ...env, tablet: await enrolTablet(env.server, env.school) });
  });
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
