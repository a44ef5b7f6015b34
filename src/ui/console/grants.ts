/**
 * Records sealed before a DSL joined reach them through `key.granted` events: another DSL
 * re-wrapped each record's key to them. This collects the grants addressed to this reader
 * (opening each grant event like any record, so its sender's signature is checked); a
 * record is then opened with the reader's own slot or, failing that, with its grant
 * (openForReader in src/crypto/open-batch.ts).
 */
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { openEnvelope, type Envelope } from '../../crypto/envelope.ts';
import { isKeyGrantPayload, type GrantSlot, type KeyGrantPayload } from '../../crypto/key-grant.ts';
import type { PublicJwk } from '../../crypto/jwk.ts';

type Reader = UnlockedDslKeys['reader'];

export interface CollectedGrants {
  slots: Map<string, GrantSlot>;
  /** Grant events addressed to this reader, newest last (for the signing-key hand-over). */
  events: KeyGrantPayload[];
}

export async function collectGrants(
  envelopes: Envelope[],
  reader: Reader,
  deviceKey: (deviceId: string) => PublicJwk | undefined,
): Promise<CollectedGrants> {
  const slots = new Map<string, GrantSlot>();
  const events: KeyGrantPayload[] = [];
  for (const e of envelopes) {
    if (e.kind !== 'key.granted' || !e.readers.some((r) => r.kid === reader.kid)) continue;
    const key = deviceKey(e.device);
    if (!key) continue;
    try {
      const { payload } = await openEnvelope(e, reader, key);
      if (!isKeyGrantPayload(payload) || payload.to.kid !== reader.kid) continue;
      events.push(payload);
      for (const g of payload.grants) slots.set(g.envelopeId, g);
    } catch {
      // A grant that does not open is ignored; the record it covers shows as unopened.
    }
  }
  return { slots, events };
}
