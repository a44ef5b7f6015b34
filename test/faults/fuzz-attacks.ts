/**
 * More of the fuzz test's generators (fuzz-cases.ts has the rest): devices asking for what
 * their role or standing does not allow, set-up and enrollment codes that are wrong, used or
 * come with a failing proof, and recipient sets a DSL device might be tricked into sending.
 */
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { API, apiPath } from '../../src/sync/protocol.ts';
import { deviceProof } from '../server/helpers.ts';
import { encodeJunk, junkString, junkValue, pick } from './fuzz-junk.ts';
import { signed, uploadBody, type Gen } from './fuzz-world.ts';

/** Devices asking for what their role or standing does not allow. */
export const unauthorised: Gen = async (w, r) => {
  const cases: [typeof w.tablet, string, string, string | undefined][] = [
    [w.tablet, 'GET', API.devices, undefined],
    [w.tablet, 'GET', `${API.envelopes}?after=0`, undefined],
    [w.tablet, 'POST', API.enrollmentCodes, '{}'],
    [w.tablet, 'POST', apiPath.approveDevice(w.pending.id), '{}'],
    [w.tablet, 'PUT', API.keyBackup, '{}'],
    [w.pending, 'GET', `${API.envelopes}?after=0`, undefined],
    [w.pending, 'POST', apiPath.approveDevice(w.pending.id), '{}'],
    [w.pending, 'POST', API.enrollmentCodes, '{}'],
    [w.revoked, 'GET', API.deviceSelf, undefined],
    [w.revoked, 'POST', API.envelopes, uploadBody([pick(r, w.pool)])],
    [w.dsl, 'POST', apiPath.revokeDevice(w.dsl.id), '{}'],
    [
      w.dsl,
      'POST',
      apiPath.approveDevice(
        pick(r, [
          '',
          '..',
          '%2F',
          'A'.repeat(65),
          'unknown',
          encodeJunk(junkString(r).slice(0, 20)) || 'y',
        ]),
      ),
      '{}',
    ],
  ];
  const [device, method, path, body] = pick(r, cases);
  return signed(device, method, path, body, 'refused');
};

/** Set-up after set-up, enrollment with wrong or used codes, or with a proof that fails. */
export const codes: Gen = async (w, r) => {
  const keys = await generateSigningKeyPair(false);
  const code = pick(r, [
    w.code,
    w.code.toLowerCase(),
    'ABCD-EFGH-JKMN',
    junkString(r).slice(0, 70),
  ]);
  const device = await deviceProof('register', 'Evil tablet', keys, 'WXYZ-WXYZ-WXYZ');
  const body =
    r() < 0.5
      ? { code, device }
      : {
          setupCode: code,
          recipientSet: junkValue(r),
          device,
          dslName: 'X',
          keyBackup: junkValue(r),
        };
  const path = 'setupCode' in body ? API.setup : API.register;
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    expect: 'refused',
  };
};

/** Recipient sets a DSL device might be tricked into sending: replayed, unsigned, skipped. */
export const recipientSets: Gen = async (w, r) => {
  const { sig: _sig, ...body } = w.school.recipientSet;
  const set = pick(r, [
    w.school.recipientSet,
    { ...w.school.recipientSet, version: 2 },
    { ...body, version: 2 },
    { ...w.school.recipientSet, version: 3, readers: [] },
    { ...w.school.recipientSet, school: 'other' },
    junkValue(r),
  ]);
  return signed(w.dsl, 'POST', API.recipientSet, JSON.stringify(set) ?? 'null', 'refused');
};
