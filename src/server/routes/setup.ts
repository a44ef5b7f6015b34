/**
 * POST /api/v1/setup: the lead DSL's browser claims a fresh endpoint (or, on a trust's hub,
 * one school's place on it) with a set-up code from the console. It brings the signed
 * recipient set (which pins the school signing key), the encrypted backup of the DSL's
 * reading key and the DSL device's public key. Each code works once: it is deleted in the
 * same transaction that creates the school. When no code is pending, the endpoint is set up.
 */
import type { FastifyInstance } from 'fastify';
import { API, type ReaderKeyAnnouncement, type SetupResponse } from '../../sync/protocol.ts';
import type { SignedRecipientSet } from '../../sync/recipient-set.ts';
import { hashCode, hashesEqual, normaliseCode } from '../codes.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { newDeviceId, proofHolds } from '../device-keys.ts';
import { HttpError } from '../errors.ts';
import { checkRecipientSet } from '../recipient-set-check.ts';
import { checkSetupRequest } from '../validate.ts';

const alreadySetUp = () =>
  new HttpError(
    409,
    'already-set-up',
    'This school endpoint is already set up. Ask a safeguarding lead for an enrollment code instead.',
  );

/** The pending code the typed one matches, compared by hash so timing tells nothing. */
async function codeMatches(
  typed: string,
  pending: string[],
): Promise<{ canonical: string; stored: string } | null> {
  const canonical = normaliseCode(typed);
  if (canonical === null) return null;
  const typedHash = await hashCode(canonical);
  let match: string | null = null;
  // Every pending code is compared, so the answer takes as long whichever one matched.
  for (const stored of pending) {
    const expected = normaliseCode(stored);
    if (expected !== null && hashesEqual(typedHash, await hashCode(expected))) match = stored;
  }
  return match === null ? null : { canonical, stored: match };
}

const schoolExists = () =>
  new HttpError(
    409,
    'school-exists',
    'A school with this id is already on this endpoint. Reload the set-up page and try again.',
  );

function leadReader(set: SignedRecipientSet): ReaderKeyAnnouncement | null {
  const dsl = set.readers.filter((r) => r.role === 'dsl');
  return dsl.length === 1 ? { kid: dsl[0]!.kid, publicKey: dsl[0]!.publicKey } : null;
}

export function setupRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.post(API.setup, async (request, reply) => {
    const pending = await ctx.store.pendingSetupCodes();
    if (pending.length === 0) throw alreadySetUp();
    const body = checkSetupRequest(request.body);
    const matched = await codeMatches(body.setupCode, pending);
    if (matched === null) {
      throw new HttpError(
        403,
        'wrong-setup-code',
        'That set-up code is not right. Copy it again from the endpoint’s console.',
      );
    }
    const set = await checkRecipientSet(body.recipientSet, {
      receiptKey: ctx.receiptKey.publicJwk,
    });
    if (set.version !== 1)
      throw new HttpError(
        400,
        'invalid-recipient-set',
        'The first list of safeguarding leads must be version 1.',
      );
    if (!(await proofHolds('setup', body.device, matched.canonical, body.setupCode))) {
      throw new HttpError(
        400,
        'bad-proof',
        'The device could not prove it holds its key. Reload the page and try again.',
      );
    }
    const now = isoNow(ctx);
    const school = { id: set.school, name: set.schoolName, created: now };
    const deviceId = newDeviceId();
    const outcome = await ctx.store.setupSchool(
      {
        school,
        recipientSet: { version: set.version, json: JSON.stringify(set) },
        // Kept per device: GET /api/v1/key-backup returns it to this device like any other.
        keyBackupJson: JSON.stringify(body.keyBackup),
        device: {
          id: deviceId,
          school: set.school,
          name: body.device.name,
          role: 'dsl',
          publicKey: body.device.publicKey,
          enrolledAt: now,
          enrolledBy: null,
          // Holding the set-up code is the approval of the school's first DSL device.
          approvedAt: now,
          personName: body.dslName,
          // The first set names exactly the lead DSL's reader key: it belongs to this device.
          readerKey: leadReader(set),
        },
      },
      matched.stored,
    );
    if (outcome === 'school-exists') throw schoolExists();
    // Another set-up with the same code won the race.
    if (outcome === 'code-used') throw alreadySetUp();
    const response: SetupResponse = { deviceId, school: { id: school.id, name: school.name } };
    return reply.code(201).send(response);
  });
}
