/**
 * A tablet for the console figures that runs in Node, so 10,000 records can be sealed and
 * delivered in seconds rather than typed into a browser: it redeems an enrollment link a
 * DSL made in the console through the real API client (as src/ui/enroll/enroll-device.ts
 * does, with a fresh ECDSA key and its proof of possession), accepts the school's readers
 * only if the set is signed by the key the link pins, seals with src/crypto/envelope.ts
 * and uploads through the real signed upload API in batches of MAX_BATCH.
 */
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import { sealEnvelope } from '../src/crypto/envelope.ts';
import { exportPublicJwk, generateSigningKeyPair, signObject } from '../src/crypto/signing.ts';
import type { IncidentCreatedPayload } from '../src/domain/incident.ts';
import { ulid } from '../src/domain/ulid.ts';
import { ApiError, createApiClient } from '../src/sync/api-client.ts';
import { parseEnrollmentText } from '../src/sync/enrollment-link.ts';
import { keyProofStatement, MAX_BATCH } from '../src/sync/protocol.ts';
import { verifyRecipientSet, type SignedRecipientSet } from '../src/sync/recipient-set.ts';

export interface NodeTablet {
  endpoint: string;
  deviceId: string;
  signingKey: CryptoKey;
  recipientSet: SignedRecipientSet;
}

/** Enrolls a tablet from an enrollment link, as the enrollment screen would. */
export async function enrollFromLink(link: string, name: string): Promise<NodeTablet> {
  const parsed = parseEnrollmentText(link);
  if (!parsed.ok) throw new Error(parsed.message);
  const { ticket } = parsed;
  const keys = await generateSigningKeyPair(false);
  const publicKey = await exportPublicJwk(keys.publicKey);
  const proof = await signObject(
    keys.privateKey,
    keyProofStatement('register', name, publicKey, ticket.code),
  );
  const api = createApiClient({ endpoint: ticket.endpoint });
  const { deviceId, recipientSet } = await api.register({
    code: ticket.code,
    device: { name, publicKey, proof },
  });
  // The set the register answer carries, fetched again signed as the tablet: both must verify.
  const signed = createApiClient({
    endpoint: ticket.endpoint,
    device: { deviceId, signingKey: keys.privateKey },
  });
  await verifyRecipientSet(recipientSet, ticket.fingerprint);
  const current = await verifyRecipientSet(await signed.recipientSet(), ticket.fingerprint);
  return {
    endpoint: ticket.endpoint,
    deviceId,
    signingKey: keys.privateKey,
    recipientSet: current,
  };
}

/** Seals each record to every reader in the tablet's recipient set, 100 at a time in parallel. */
export async function sealIncidents(
  tablet: NodeTablet,
  records: { created: string; payload: IncidentCreatedPayload }[],
): Promise<string[]> {
  const readers = tablet.recipientSet.readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey }));
  const sealed: string[] = [];
  for (let i = 0; i < records.length; i += MAX_BATCH) {
    const batch = await Promise.all(
      records.slice(i, i + MAX_BATCH).map(({ created, payload }, j) =>
        sealEnvelope(
          {
            id: ulid(),
            school: tablet.recipientSet.school,
            device: tablet.deviceId,
            seq: i + j + 1,
            kind: 'incident.created',
            created,
            recipientSet: tablet.recipientSet.version,
          },
          payload,
          readers,
          tablet.signingKey,
        ),
      ),
    );
    for (const e of batch) sealed.push(canonicalJson(e));
  }
  return sealed;
}

/**
 * Uploads in signed batches of MAX_BATCH; every envelope must come back stored. The
 * endpoint limits each device's request rate, so a refused request waits and is sent again,
 * as a tablet's sync engine would.
 */
export async function uploadAll(tablet: NodeTablet, envelopes: string[]): Promise<void> {
  const transport = createApiClient({
    endpoint: tablet.endpoint,
    device: { deviceId: tablet.deviceId, signingKey: tablet.signingKey },
  }).uploadTransport();
  const upload = async (batch: string[]) => {
    for (;;) {
      try {
        return await transport.upload(batch);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 429)) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  for (let i = 0; i < envelopes.length; i += MAX_BATCH) {
    const results = await upload(envelopes.slice(i, i + MAX_BATCH));
    const notStored = results.find((r) => r.status !== 'stored');
    if (notStored) throw new Error(`upload refused: ${JSON.stringify(notStored)}`);
  }
}
