/**
 * Fixtures for the device lifecycle: codes with options, DSL devices enrolled (pending)
 * through real DSL codes, approving, revoking, and reading the device list, all over HTTP
 * with signed requests, as the console would.
 */
import {
  API,
  apiPath,
  type DeviceInfo,
  type EnrollmentCodeRequest,
  type RegisterResponse,
} from '../../src/sync/protocol.ts';
import {
  registerRequest,
  signedFetch,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

/** Status and error code of an answer, for compact expectations. */
export async function errorOf(res: Response): Promise<{ status: number; error: string }> {
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

export async function createCodeWith(
  server: TestServer,
  dsl: TestDevice,
  body: EnrollmentCodeRequest,
): Promise<string> {
  const res = await signedFetch(server, dsl, 'POST', API.enrollmentCodes, body);
  if (res.status !== 201) throw new Error(`code failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

/** A DSL device enrolled with a DSL code: pending until someone approves it. */
export async function enrolDsl(
  server: TestServer,
  school: TestSchool,
  name = 'Deputy phone',
  personName?: string,
): Promise<TestDevice & { registered: RegisterResponse }> {
  const code = await createCodeWith(server, school.dslDevice, { role: 'dsl', name: personName });
  const { res, keys, publicJwk } = await registerRequest(server, code, name);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  const registered = (await res.json()) as RegisterResponse;
  return { id: registered.deviceId, keys, publicJwk, registered };
}

export function approve(server: TestServer, by: TestDevice, id: string) {
  return signedFetch(server, by, 'POST', apiPath.approveDevice(id));
}

export function revoke(server: TestServer, by: TestDevice, id: string) {
  return signedFetch(server, by, 'POST', apiPath.revokeDevice(id));
}

export async function listDevices(server: TestServer, dsl: TestDevice): Promise<DeviceInfo[]> {
  const res = await signedFetch(server, dsl, 'GET', API.devices);
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { devices: DeviceInfo[] }).devices;
}

export async function self(server: TestServer, device: TestDevice): Promise<Response> {
  return signedFetch(server, device, 'GET', API.deviceSelf);
}
