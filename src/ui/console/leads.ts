/**
 * Changing who can read the school's records, from a DSL's console: invite a new lead (a
 * DSL enrollment code), approve them (publish a recipient set that adds their reader key,
 * signed with the school signing key, then re-grant the back catalogue and hand over the
 * signing key in a sealed `key.granted` event), and remove a lead (publish a set without
 * them and revoke their devices). Payloads are never re-encrypted: grants re-wrap keys.
 */
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import {
  grantCatalogue,
  wrapSchoolSigningKey,
  MAX_GRANTS_PER_EVENT,
  type KeyGrantPayload,
} from '../../crypto/key-grant.ts';
import { readerKid } from '../../crypto/reader-kid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice, replaceRecipientSet } from '../../storage/device-repo.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { DeviceInfo } from '../../sync/protocol.ts';
import {
  signRecipientSet,
  verifyRecipientSet,
  type RecipientReader,
  type SignedRecipientSet,
} from '../../sync/recipient-set.ts';
import { uploadInPage } from '../sync/page-upload.ts';
import { sealEvent } from '../sync/seal-event.ts';
import { pullNew } from './inbox.ts';

export interface LeadsContext {
  db: SafetrailDb;
  api: ApiClient;
  keys: UnlockedDslKeys;
  dslName: string;
}

/** The school's current set, from the endpoint but trusted only if it verifies. */
export async function currentSet(ctx: LeadsContext): Promise<SignedRecipientSet> {
  const device = await getDevice(ctx.db);
  if (!device) throw new Error('This browser is not a safeguarding console.');
  const latest = await verifyRecipientSet(
    await ctx.api.recipientSet(),
    device.pinnedFingerprint,
    device.recipientSet.version,
  );
  if (latest.version > device.recipientSet.version) await replaceRecipientSet(ctx.db, latest);
  return latest;
}

/** Adopts the endpoint's set if it verifies and is newer; true when it changed. */
export async function refreshRecipientSet(db: SafetrailDb, api: ApiClient): Promise<boolean> {
  const device = await getDevice(db);
  if (!device) return false;
  const latest = await verifyRecipientSet(
    await api.recipientSet(),
    device.pinnedFingerprint,
    device.recipientSet.version,
  );
  if (latest.version <= device.recipientSet.version) return false;
  await replaceRecipientSet(db, latest);
  return true;
}

async function publish(ctx: LeadsContext, readers: RecipientReader[]): Promise<SignedRecipientSet> {
  if (!ctx.keys.signingKey) {
    throw new Error(
      'Your console does not hold the school signing key yet, so it cannot change who reads records. Ask the DSL who approved you to open their console once.',
    );
  }
  const current = await currentSet(ctx);
  const { sig: _sig, ...body } = current;
  const next = await signRecipientSet(
    { ...body, version: current.version + 1, issued: new Date().toISOString(), readers },
    ctx.keys.signingKey,
  );
  await ctx.api.publishRecipientSet(next);
  await replaceRecipientSet(ctx.db, next);
  return next;
}

export interface ApprovalResult {
  granted: number;
  refused: { id: string; reason: string }[];
}

/**
 * Approves a pending DSL device whose announced key id the approver has compared with the
 * one on the new lead's screen, adds them to the readers and re-grants every record this
 * console can open. The grant event is sealed to the new set, so only readers see it.
 */
export async function approveLead(
  ctx: LeadsContext,
  device: DeviceInfo,
  signingJwk: JsonWebKey | null,
): Promise<ApprovalResult> {
  const announced = device.readerKey;
  if (!announced || (await readerKid(announced.publicKey)) !== announced.kid) {
    throw new Error(
      'This device did not announce a valid reader key, so it cannot be made a safeguarding lead.',
    );
  }
  const name = device.personName || device.name;
  const current = await currentSet(ctx);
  if (!current.readers.some((r) => r.kid === announced.kid)) {
    await publish(ctx, [
      ...current.readers,
      { kid: announced.kid, name, role: 'dsl', publicKey: announced.publicKey },
    ]);
  }
  await ctx.api.approveDevice(device.id);

  await pullNew(ctx.db, ctx.api);
  const envelopes = (await listInbox(ctx.db)).map((i) => JSON.parse(i.envelope) as unknown);
  const { grants, refused } = await grantCatalogue(envelopes, ctx.keys.reader, announced);
  const me = { kid: ctx.keys.reader.kid, name: ctx.dslName };
  const device0 = await getDevice(ctx.db);
  const signingKey =
    signingJwk && device0
      ? await wrapSchoolSigningKey(signingJwk, announced, device0.schoolId)
      : undefined;
  for (let i = 0; i === 0 || i < grants.length; i += MAX_GRANTS_PER_EVENT) {
    const payload: KeyGrantPayload = {
      type: 'key.granted',
      to: { kid: announced.kid, name },
      grants: grants.slice(i, i + MAX_GRANTS_PER_EVENT),
      grantedBy: me,
      ...(i === 0 && signingKey ? { signingKey } : {}),
    };
    await sealEvent(ctx.db, 'key.granted', payload);
  }
  const report = await uploadInPage(ctx.db, true);
  if (report?.error)
    throw new Error(
      `The new lead was approved, but the key grant is still waiting to send: ${report.error}`,
    );
  return { granted: grants.length, refused };
}

/** Removes a lead from the readers of new records and revokes their devices. */
export async function removeLead(
  ctx: LeadsContext,
  kid: string,
  devices: DeviceInfo[],
): Promise<void> {
  if (kid === ctx.keys.reader.kid)
    throw new Error('You cannot remove yourself. Ask another safeguarding lead to do it.');
  const current = await currentSet(ctx);
  const remaining = current.readers.filter((r) => r.kid !== kid);
  if (!remaining.some((r) => r.role === 'dsl'))
    throw new Error('At least one safeguarding lead must remain.');
  await publish(ctx, remaining);
  for (const d of devices) {
    if (d.readerKey?.kid === kid && d.status !== 'revoked') await ctx.api.revokeDevice(d.id);
  }
}
