/**
 * POST /api/v1/setup: the lead DSL's browser claims a fresh endpoint with the code from the
 * console. It brings the signed recipient set (which pins the school signing key), the
 * encrypted backup of the DSL's reading key and the DSL device's public key. Works once:
 * the set-up code is deleted in the same transaction that creates the school.
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

async function codeMatches(typed: string, stored: string | null): Promise<string | null> {
  const canonical = normaliseCode(typed);
  const expected = stored === null ? null : normaliseCode(stored);
  if (canonical === null || expected === null) return null;
  return hashesEqual(await hashCode(canonical), await hashCode(expected)) ? canonical : null;
}

function leadReader(set: SignedRecipientSet): ReaderKeyAnnouncement | null {
  const dsl = set.readers.filter((r) => r.role === 'dsl');
  return dsl.length === 1 ? { kid: dsl[0]!.kid, publicKey: dsl[0]!.publicKey } : null;
}

export function setupRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  app.post(API.setup, async (request, reply) => {
    if (await ctx.store.getSchool()) throw alreadySetUp();
    const body = checkSetupRequest(request.body);
    const code = await codeMatches(body.setupCode, await ctx.store.getMeta('setup_code'));
    if (code === null) {
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
    if (!(await proofHolds('setup', body.device, code, body.setupCode))) {
      throw new HttpError(
        400,
        'bad-proof',
        'The device could not prove it holds its key. Reload the page and try again.',
      );
    }
    const now = isoNow(ctx);
    const school = { id: set.school, name: set.schoolName, created: now };
    const deviceId = newDeviceId();
    const created = await ctx.store.setupSchool({
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
    });
    if (!created) throw alreadySetUp();
    const response: SetupResponse = { deviceId, school: { id: school.id, name: school.name } };
    return reply.code(201).send(response);
  });
}
