/**
 * The absolute rule, checked end to end: after a realistic day's writes (a profile, an
 * encrypted draft, a sealed incident queued and delivered, another waiting, a pulled
 * envelope, a DSL vault, settings), no object store holds the words of the record.
 */
import { describe, expect, it } from 'vitest';
import { aesGcmEncrypt, importAesKey } from '../../src/crypto/aead.ts';
import { randomBytes, toBase64Url, utf8 } from '../../src/crypto/bytes.ts';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import {
  envelopeHash,
  openEnvelope,
  sealEnvelope,
  type Envelope,
} from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { incidentReference } from '../../src/domain/incident.ts';
import { ulid } from '../../src/domain/ulid.ts';
import type { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice, takeNextSeq } from '../../src/storage/device-repo.ts';
import { putDraft } from '../../src/storage/draft-repo.ts';
import { addPulled } from '../../src/storage/inbox-repo.ts';
import { queueSealed } from '../../src/storage/outbox-queue.ts';
import { createOutboxStore } from '../../src/storage/outbox-repo.ts';
import { saveProfile } from '../../src/storage/profile-repo.ts';
import { createSettingsStore } from '../../src/storage/settings.ts';
import { saveDslVault } from '../../src/storage/vault-repo.ts';
import { deviceRecord, salt, sealedBlob, uniqueName, useTestDb } from './support.ts';

const db = useTestDb();
const MARKER = 'PLAINTEXT-MARKER-7f3a Jamie said her stepdad hits her';

/** Every row of every object store, as JSON; CryptoKeys (opaque by design) are skipped. */
async function dumpAll(database: SafetrailDb): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of database.tables) dump[table.name] = await table.toArray();
  return JSON.stringify(dump, (_k, v: unknown) => (v instanceof CryptoKey ? '[CryptoKey]' : v));
}

describe('no plaintext at rest', () => {
  it('stores only ciphertext and metadata in every object store', async () => {
    const keys = await generateSigningKeyPair(false);
    const dsl = await generateReaderKeyPair();
    await saveDevice(
      db(),
      await deviceRecord({
        signingKey: keys.privateKey,
        publicKey: await exportPublicJwk(keys.publicKey),
      }),
    );
    await saveProfile(db(), {
      id: 'p1',
      name: 'Ms Able',
      salt: salt(),
      iterations: 600_000,
      wrappedKey: sealedBlob(),
      createdAt: '2025-01-01T00:00:00.000Z',
      failedAttempts: 0,
    });

    // A draft encrypted the way the capture screen does it, with the plaintext left on the
    // object as a careless caller might.
    const draftKey = await importAesKey(randomBytes(32));
    const data = await aesGcmEncrypt(draftKey, utf8(JSON.stringify({ what: MARKER })));
    await putDraft(db(), {
      id: 'd1',
      profileId: 'p1',
      createdAt: 'x',
      updatedAt: 'x',
      wrappedKey: sealedBlob(),
      data,
      what: MARKER,
    } as never);
    await putDraft(db(), {
      id: 'd2',
      profileId: 'p1',
      createdAt: 'x',
      updatedAt: 'x',
      wrappedKey: sealedBlob(),
      data,
    });

    // Two sealed incidents: one delivered (tombstone), one still waiting.
    const sealed: Envelope[] = [];
    for (const draftId of ['d1', 'd2']) {
      const seq = await takeNextSeq(db());
      const id = ulid();
      const env = await sealEnvelope(
        {
          id,
          school: 'sch1',
          device: 'dev1',
          seq,
          kind: 'incident.created',
          created: new Date().toISOString(),
          recipientSet: 1,
        },
        {
          type: 'incident.created',
          incidentId: draftId,
          fields: {
            what: MARKER,
            when: '2025-01-01T09:00',
            where: 'Playground',
            reportedBy: MARKER,
          },
          recordedBy: 'Ms Able',
        },
        [{ kid: dsl.kid, publicKey: dsl.publicKey }],
        keys.privateKey,
      );
      sealed.push(env);
      await queueSealed(
        db(),
        {
          id,
          seq,
          kind: 'incident.created',
          school: 'sch1',
          createdAt: env.created,
          state: 'sealed',
          envelope: canonicalJson(env),
          hash: await envelopeHash(env),
          attempts: 0,
          lastAttemptAt: null,
          nextAttemptAt: 0,
          lastError: null,
          reference: incidentReference(ulid()),
        },
        draftId === 'd1' ? 'd1' : undefined,
      );
    }
    const [first] = sealed;
    await createOutboxStore(db()).acknowledge(
      first!.id,
      {
        v: 1,
        school: 'sch1',
        id: first!.id,
        envelopeHash: await envelopeHash(first!),
        logIndex: 1,
        chainHead: 'h',
        receivedAt: new Date().toISOString(),
        sig: 's',
      },
      Date.now(),
    );
    await addPulled(db(), [
      { logIndex: 1, receivedAt: new Date().toISOString(), envelope: sealed[1]! },
    ]);
    await saveDslVault(db(), {
      key: 'dsl',
      salt: salt(),
      iterations: 600_000,
      wrapped: sealedBlob(),
      readerKid: dsl.kid,
      dslName: 'Mr Lead',
    });
    const settingsName = uniqueName();
    const settings = createSettingsStore(settingsName);
    await settings.set('lastSyncError', 'Cannot reach the school endpoint.');

    // Positive control: the marker really is inside what was queued, under encryption.
    const opened = await openEnvelope<{ fields: { what: string } }>(
      sealed[1],
      { kid: dsl.kid, privateKey: dsl.privateKey },
      keys.publicKey,
    );
    expect(opened.payload.fields.what).toBe(MARKER);

    const dump = await dumpAll(db());
    for (const table of [
      'device',
      'profiles',
      'drafts',
      'outbox',
      'tombstones',
      'vault',
      'inbox',
    ]) {
      expect(JSON.parse(dump)[table].length, `rows in ${table}`).toBeGreaterThan(0);
    }
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain('Jamie');
    expect(dump).not.toContain(toBase64Url(utf8(MARKER)).slice(0, 24));
    expect(JSON.stringify(await settings.get('lastSyncError'))).not.toContain(MARKER);
    await settings.close();
    indexedDB.deleteDatabase(settingsName);

    // The scan itself can fail: a row written behind the repositories' back is caught.
    await db().table('drafts').put({ id: 'leak', profileId: 'p1', note: MARKER });
    expect(await dumpAll(db())).toContain(MARKER);
  });
});
