/**
 * Key grants: giving a DSL who joined later the back catalogue without re-encrypting any
 * payload and without changing any stored envelope (the endpoint's log is append-only and
 * its receipts commit to each envelope's hash). A reader who can open an envelope unwraps
 * its one-time secret, checks the envelope MAC with it, and wraps the same secret to the
 * new reader with the same HPKE info and aad (SHA-256 of the canonical header) as the
 * original slots. The grant slots travel in a `key.granted` event, itself sealed to the
 * current recipient set, so the endpoint cannot see who was given what.
 *
 * A grant cannot be used to forge a record: opening with a grant runs the same checks as
 * openEnvelope (device signature, MAC, AES-GCM), and only the true secret passes the MAC
 * the device made. A forged or mismatched grant simply fails to open.
 */
import { isBase64Url } from './bytes.ts';
import {
  checkedKeys,
  openWithSecret,
  signedBy,
  slotAad,
  unwrapSecret,
  wellFormed,
  type OpenedEnvelope,
} from './envelope-core.ts';
import { EnvelopeError, headerOf, type Envelope, type ReaderPublic } from './envelope-format.ts';
import { wrapToReader } from './hpke.ts';
import { isUlid } from '../domain/ulid.ts';
import { readerKid } from './reader-kid.ts';
import type { PublicJwk } from './signing.ts';
import { isWrappedSecret, type WrappedSecret } from './secret-wrap.ts';

export {
  SECRET_LABELS,
  SecretWrapError,
  unwrapSchoolSigningKey,
  unwrapSecretForReader,
  wrapSchoolSigningKey,
  wrapSecretToReader,
  type SecretLabel,
  type WrappedSecret,
} from './secret-wrap.ts';

/** One envelope's secret, wrapped to one more reader. */
export interface GrantSlot {
  envelopeId: string;
  kid: string;
  enc: string;
  key: string;
}

/** The payload of a `key.granted` event. */
export interface KeyGrantPayload {
  type: 'key.granted';
  to: { kid: string; name: string };
  grants: GrantSlot[];
  grantedBy: { kid: string; name: string };
  /** The school signing key for the new DSL, when the granting DSL chose to hand it over. */
  signingKey?: WrappedSecret;
}

/** Keeps one key.granted event well inside an envelope's ciphertext limit (~240 B a grant). */
export const MAX_GRANTS_PER_EVENT = 2000;

type Reader = { kid: string; privateKey: CryptoKey };

/** Shape check for one grant slot (no key needed). */
export function isGrantSlot(value: unknown): value is GrantSlot {
  const g = value as Partial<GrantSlot> | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    Object.keys(g).length === 4 &&
    isUlid(g.envelopeId) &&
    isBase64Url(g.kid, 16) &&
    isBase64Url(g.enc, 65) &&
    isBase64Url(g.key) &&
    g.key.length <= 128
  );
}

const isPerson = (p: unknown): p is { kid: string; name: string } =>
  typeof p === 'object' &&
  p !== null &&
  isBase64Url((p as { kid?: unknown }).kid, 16) &&
  typeof (p as { name?: unknown }).name === 'string';

/** Shape check for an opened `key.granted` payload: every grant is for `to`. */
export function isKeyGrantPayload(value: unknown): value is KeyGrantPayload {
  const p = value as Partial<KeyGrantPayload> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.type === 'key.granted' &&
    isPerson(p.to) &&
    isPerson(p.grantedBy) &&
    Array.isArray(p.grants) &&
    p.grants.length <= MAX_GRANTS_PER_EVENT &&
    p.grants.every((g) => isGrantSlot(g) && g.kid === p.to!.kid) &&
    (p.signingKey === undefined || (isWrappedSecret(p.signingKey) && p.signingKey.kid === p.to.kid))
  );
}

/** Checks a grant against the envelope it claims to open and the reader it claims to be for. */
function checkGrantFits(env: Envelope, grant: GrantSlot, kid: string): void {
  if (!isGrantSlot(grant)) throw new EnvelopeError('This key grant is malformed.');
  if (grant.envelopeId !== env.id)
    throw new EnvelopeError('This key grant is for a different record.');
  if (grant.kid !== kid) throw new EnvelopeError('This key grant was made for a different reader.');
}

/**
 * Wraps an envelope's secret to `to`. `from` opens their own slot, or `fromGrant` when they
 * were themselves given this envelope by a grant (so grants can be passed on after the
 * original DSL has left). The MAC is checked first: a changed envelope is never re-granted.
 */
export async function grantSlot(
  envelope: unknown,
  from: Reader,
  to: ReaderPublic,
  fromGrant?: GrantSlot,
): Promise<GrantSlot> {
  const env = wellFormed(envelope);
  if ((await readerKid(to.publicKey)) !== to.kid)
    throw new EnvelopeError('The new reader’s key id does not match their public key.');
  let source: { enc: string; key: string } | undefined;
  if (fromGrant) {
    checkGrantFits(env, fromGrant, from.kid);
    source = fromGrant;
  } else {
    source = env.readers.find((r) => r.kid === from.kid);
  }
  if (!source) throw new EnvelopeError('This envelope was not sealed to your key.');
  const secret = await unwrapSecret(env, source, from.privateKey);
  try {
    await checkedKeys(env, secret);
    const wrapped = await wrapToReader(to.publicKey, secret, await slotAad(headerOf(env)));
    return { envelopeId: env.id, kid: to.kid, ...wrapped };
  } finally {
    secret.fill(0);
  }
}

/**
 * Grants every envelope in `envelopes` that `from` can open to `to`, one at a time. Those
 * already sealed to `to` need no grant and are left out; those that cannot be granted are
 * listed with the reason, so the console can say what was not passed on.
 */
export async function grantCatalogue(
  envelopes: unknown[],
  from: Reader,
  to: ReaderPublic,
  fromGrants: ReadonlyMap<string, GrantSlot> = new Map(),
): Promise<{ grants: GrantSlot[]; refused: { id: string; reason: string }[] }> {
  const grants: GrantSlot[] = [];
  const refused: { id: string; reason: string }[] = [];
  for (const e of envelopes) {
    const id = String((e as { id?: unknown } | null)?.id ?? '');
    if ((e as Envelope | null)?.readers?.some?.((r) => r.kid === to.kid)) continue;
    try {
      grants.push(await grantSlot(e, from, to, fromGrants.get(id)));
    } catch (err) {
      refused.push({ id, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { grants, refused };
}

/**
 * Opens an envelope with a grant slot instead of the reader's own slot: the same checks as
 * openEnvelope (shape, device signature, MAC, decryption), the secret taken from the grant.
 */
export async function openEnvelopeWithGrant<T = unknown>(
  envelope: unknown,
  grant: GrantSlot,
  reader: Reader,
  devicePublicKey: CryptoKey | PublicJwk,
): Promise<OpenedEnvelope<T>> {
  const env = await signedBy(envelope, devicePublicKey);
  checkGrantFits(env, grant, reader.kid);
  const secret = await unwrapSecret(
    env,
    grant,
    reader.privateKey,
    'Your key could not open this key grant.',
  );
  return openWithSecret<T>(env, secret);
}
