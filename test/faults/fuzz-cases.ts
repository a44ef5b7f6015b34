/**
 * What the fuzz test sends: generators of malformed, oversized, tampered, replayed and
 * unauthorised requests to every route, each with what must come back (FuzzRequest.expect).
 * A generator answers one request, or several to be sent in order (a request and its
 * replay). Everything is drawn from the seeded generator, so a failing run can be repeated.
 */
import { ulid } from '../../src/domain/ulid.ts';
import { API, apiPath } from '../../src/sync/protocol.ts';
import { REPLAY_WINDOW_MS } from '../../src/sync/request-auth.ts';
import { seal } from '../server/helpers.ts';
import { codes, recipientSets, unauthorised } from './fuzz-attacks.ts';
import { signed, uploadBody, type FuzzWorld, type Gen } from './fuzz-world.ts';
import { int, junkBody, junkPathSegment, junkString, pick, tamper, type Rng } from './fuzz-junk.ts';

const PUBLIC_GET = [API.health, API.school, API.policy];
/** Signed routes with a body, and the device a legitimate request would come from. */
const SIGNED_WRITES = [
  ['POST', API.enrollmentCodes],
  ['POST', API.deviceSelfStatus],
  ['PUT', API.keyBackup],
  ['PUT', API.policy],
  ['POST', API.recipientSet],
  ['POST', API.envelopes],
  ['POST', apiPath.approveDevice('x')],
  ['POST', apiPath.revokeDevice('x')],
] as const;
const SIGNED_READS = [
  API.devices,
  API.deviceSelf,
  API.keyBackup,
  API.recipientSet,
  apiPath.recipientSetVersion(1),
  `${API.envelopes}?after=0&limit=5`,
];
const ALL = [
  ...PUBLIC_GET.map((p) => ['GET', p] as const),
  ['POST', API.setup] as const,
  ['POST', API.register] as const,
  ...SIGNED_WRITES,
  ...SIGNED_READS.map((p) => ['GET', p] as const),
];

const devices = (w: FuzzWorld) => [
  w.dsl,
  w.tablet,
  w.revoked,
  w.pending,
  { ...w.tablet, id: 'A'.repeat(22) },
];

/** Unsigned requests with junk bodies and content types to every route. */
const unsignedJunk: Gen = async (w, r) => {
  const [method, path] = pick(r, ALL);
  const body = method === 'GET' ? undefined : junkBody(r);
  const type = pick(r, [
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
  ]);
  const headers: Record<string, string> =
    type && body !== undefined ? { 'content-type': type } : {};
  if (r() < 0.3)
    headers['x-safetrail-device'] = pick(r, [w.tablet.id, junkString(r).slice(0, 30)]).replace(
      /[^\x20-\x7e]/g,
      '?',
    );
  const open = method === 'GET' && PUBLIC_GET.includes(path as (typeof PUBLIC_GET)[number]);
  return { method, path, headers, body, expect: open ? 'any' : 'refused' };
};

/** Paths and methods no route has, and queries no route expects. */
const junkPath: Gen = async (_w, r) => {
  const segments = Array.from({ length: 1 + int(r, 4) }, () => junkPathSegment(r)).join('/');
  const query = r() < 0.3 ? `?${junkPathSegment(r)}=${junkPathSegment(r)}` : '';
  const method = pick(r, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
  const body = method === 'GET' || method === 'OPTIONS' ? undefined : junkBody(r);
  return {
    method,
    path: `/api/v1/${segments}${query}`,
    headers: { 'content-type': 'application/json' },
    body,
    expect: 'any',
  };
};

/** Properly signed by some device (valid, revoked, pending or unknown), with a junk body. */
const signedJunk: Gen = async (w, r) => {
  const [method, path] = pick(r, SIGNED_WRITES);
  const device = pick(r, devices(w));
  // A DSL may create a code with any object (unknown fields are ignored): that is allowed.
  const expect =
    path === API.envelopes ? 'no-store' : path === API.enrollmentCodes ? 'any' : 'refused';
  return signed(device, method, path, junkBody(r), expect);
};

/** A legitimate request, changed after signing: body, path, time, nonce, signature or id. */
const tamperedAuth: Gen = async (w, r) => {
  const path = pick(r, SIGNED_READS);
  const req = await signed(pick(r, [w.dsl, w.tablet]), 'GET', path, undefined, 'refused');
  const h = req.headers;
  switch (int(r, 7)) {
    case 0:
      req.path = `${path}${path.includes('?') ? '&' : '?'}x=1`;
      break;
    case 1:
      h['x-safetrail-time'] = String(Number(h['x-safetrail-time']) + 1);
      break;
    case 2:
      h['x-safetrail-nonce'] = `${h['x-safetrail-nonce']!.slice(1)}Q`;
      break;
    case 3:
      h['x-safetrail-signature'] = h['x-safetrail-signature']!.split('').reverse().join('');
      break;
    case 4:
      h['x-safetrail-device'] = h['x-safetrail-device'] === w.dsl.id ? w.tablet.id : w.dsl.id;
      break;
    case 5:
      h['x-safetrail-signature'] = pick(r, [
        '',
        'x',
        'A'.repeat(199),
        junkString(r)
          .slice(0, 100)
          .replace(/[^\x20-\x7e]/g, 'z'),
      ]);
      break;
    default:
      req.method = 'POST';
      req.body = '{}';
      h['content-type'] = 'application/json';
  }
  return req;
};

/** Signed outside the replay window, either side. */
const stale: Gen = async (w, r) => {
  const skew = (REPLAY_WINDOW_MS + 1000 + int(r, 3_600_000)) * (r() < 0.5 ? -1 : 1);
  return signed(pick(r, [w.dsl, w.tablet]), 'GET', pick(r, SIGNED_READS), undefined, 'refused', {
    now: Date.now() + skew,
  });
};

/** A legitimate request sent twice: the copy is refused. Now and then it is a real upload. */
const replay: Gen = async (w, r) => {
  if (r() < 0.1) {
    const body = uploadBody([await seal(w.school, w.tablet, { note: 'replayed' })]);
    const first = await signed(w.tablet, 'POST', API.envelopes, body, 'legit-upload');
    return [first, { ...first, expect: 'refused' }];
  }
  const first = await signed(w.dsl, 'GET', pick(r, SIGNED_READS), undefined, 'any');
  return [first, { ...first, expect: 'refused' }];
};

/** Sealed envelopes changed after signing, a stored one under a new id, another's signature. */
const tamperedEnvelopes: Gen = async (w, r) => {
  const items: unknown[] = [];
  for (let i = 1 + int(r, 4); i > 0; i--) {
    const k = int(r, 10);
    if (k < 7) {
      // Another envelope than the one changed: swapping in its own id or ct changes nothing.
      const e = pick(r, w.pool);
      items.push(
        tamper(
          r,
          e,
          pick(
            r,
            [...w.pool, ...w.stored].filter((o) => o !== e),
          ),
        ),
      );
    } else if (k === 7) items.push({ ...pick(r, w.pool), school: 'other-school' });
    else if (k === 8) items.push({ ...pick(r, w.pool), device: w.dsl.id });
    else items.push({ ...pick(r, w.stored), id: ulid() });
  }
  return signed(pick(r, [w.tablet, w.dsl]), 'POST', API.envelopes, uploadBody(items), 'no-store');
};

/** Too big: the body, a key backup, a policy pack, a batch; or too many headers' worth. */
const oversized: Gen = async (w, r) => {
  switch (int(r, 5)) {
    case 0:
      return {
        method: 'POST',
        path: API.envelopes,
        headers: { 'content-type': 'application/json' },
        body: `{"envelopes":["${'x'.repeat(4 * 1024 * 1024)}"]}`,
        expect: 'refused',
      };
    case 1:
      return signed(
        w.dsl,
        'PUT',
        API.keyBackup,
        JSON.stringify({
          salt: 'A'.repeat(22),
          iterations: 1,
          iv: 'A'.repeat(16),
          ct: 'A'.repeat(100_000),
        }),
        'refused',
      );
    case 2:
      return signed(
        w.dsl,
        'PUT',
        API.policy,
        JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
        'refused',
      );
    case 3:
      return signed(
        w.tablet,
        'POST',
        API.envelopes,
        uploadBody(Array.from({ length: 101 }, () => w.pool[0])),
        'refused',
      );
    default:
      return {
        method: 'GET',
        path: API.deviceSelf,
        headers: {
          'x-safetrail-device': w.tablet.id,
          'x-safetrail-signature': 'A'.repeat(6000),
          'x-safetrail-time': String(Date.now()),
          'x-safetrail-nonce': 'A'.repeat(300),
        },
        expect: 'refused',
      };
  }
};

export const GENERATORS: [Gen, number][] = [
  [unsignedJunk, 16],
  [junkPath, 10],
  [signedJunk, 16],
  [tamperedAuth, 14],
  [stale, 5],
  [replay, 10],
  [tamperedEnvelopes, 20],
  [oversized, 0.4],
  [unauthorised, 6],
  [codes, 4],
  [recipientSets, 3],
];

export function pickGenerator(r: Rng): Gen {
  const total = GENERATORS.reduce((s, [, n]) => s + n, 0);
  let x = r() * total;
  for (const [gen, n] of GENERATORS) if ((x -= n) < 0) return gen;
  return GENERATORS[0]![0];
}
