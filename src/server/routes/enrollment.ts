/**
 * Enrolling a device: an approved DSL device asks for a one-time code (POST
 * enrollment-codes), the new device redeems it with its public key (POST devices/register,
 * unsigned because it has no identity yet: the code is its credential). Only the code's
 * hash is stored; redemption is one store transaction, so a code enrols exactly one device.
 *
 * A code has a role. A tablet code enrols an approved tablet: the DSL creating the code is
 * the approval. A DSL code enrols a DSL device that stays pending until a DSL approves it
 * (routes/device-approval.ts), because a DSL device can pull every record: a code read
 * over someone's shoulder must not be enough on its own. An office code enrols the school
 * office's computer, approved at once like a tablet: it can read no record, only device
 * metadata. The office's computer may itself create tablet codes, and no other kind.
 */
import type { FastifyInstance } from 'fastify';
import type { SignedRecipientSet } from '../../sync/recipient-set.ts';
import { API, type EnrollmentCodeResponse, type RegisterResponse } from '../../sync/protocol.ts';
import { readerKid } from '../../crypto/reader-kid.ts';
import { generateCode, hashCode, normaliseCode } from '../codes.ts';
import { isoNow, type EndpointContext } from '../context.ts';
import { newDeviceId, proofHolds } from '../device-keys.ts';
import { HttpError } from '../errors.ts';
import { deviceOf } from '../request-types.ts';
import type { RedeemOutcome } from '../store/types.ts';
import { checkRegisterRequest } from '../validate.ts';
import { checkCodeRequest } from '../validate-devices.ts';

const REFUSALS: Record<Exclude<RedeemOutcome, 'registered'>, [number, string, string]> = {
  unknown: [
    404,
    'unknown-code',
    'That enrollment code is not recognised. Check it, or ask a safeguarding lead for a new one.',
  ],
  expired: [
    410,
    'code-expired',
    'That enrollment code has expired. Ask a safeguarding lead for a new one.',
  ],
  used: [
    409,
    'code-used',
    'That enrollment code has already been used. Ask a safeguarding lead for a new one.',
  ],
};

function refuse(outcome: keyof typeof REFUSALS): HttpError {
  return new HttpError(...REFUSALS[outcome]);
}

const tabletCodesOnly = () =>
  new HttpError(
    403,
    'forbidden',
    'The school office’s computer can create codes for tablets only. Ask a safeguarding lead for any other code.',
  );

export function enrollmentRoutes(app: FastifyInstance, ctx: EndpointContext): void {
  const preHandler = ctx.auth.require('dsl', 'office');
  app.post(API.enrollmentCodes, { preHandler }, async (request, reply) => {
    const device = deviceOf(request);
    const { ttlMinutes, role, personName } = checkCodeRequest(request.body);
    if (device.role === 'office' && role !== 'tablet') throw tabletCodesOnly();
    const code = generateCode();
    const now = ctx.now();
    const expiresAt = new Date(now + ttlMinutes * 60_000).toISOString();
    await ctx.store.addEnrollmentCode({
      codeHash: await hashCode(code),
      school: device.school,
      createdBy: device.id,
      createdAt: new Date(now).toISOString(),
      expiresAt,
      usedAt: null,
      usedBy: null,
      role,
      personName,
    });
    const response: EnrollmentCodeResponse = { code, expiresAt, role };
    return reply.code(201).send(response);
  });

  app.post(API.register, async (request, reply) => {
    const body = checkRegisterRequest(request.body);
    const code = normaliseCode(body.code);
    if (code === null) throw refuse('unknown');
    const codeHash = await hashCode(code);
    const record = await ctx.store.getEnrollmentCode(codeHash);
    const now = isoNow(ctx);
    // The same order as the store's own check, so the answer doesn't depend on timing.
    if (!record) throw refuse('unknown');
    if (record.usedAt !== null) throw refuse('used');
    if (record.expiresAt <= now) throw refuse('expired');
    if (!(await proofHolds('register', body.device, code, body.code))) {
      throw new HttpError(
        400,
        'bad-proof',
        'The device could not prove it holds its key. Reload the page and try again.',
      );
    }
    if (body.readerKey) {
      if (record.role !== 'dsl') {
        throw new HttpError(
          400,
          'unexpected-reader-key',
          'Only a safeguarding lead’s device announces a reader key.',
        );
      }
      if ((await readerKid(body.readerKey.publicKey)) !== body.readerKey.kid) {
        throw new HttpError(400, 'bad-reader-key', 'The reader key id does not match the key.');
      }
    }
    const set = await ctx.store.latestRecipientSet(record.school);
    if (!set) throw new Error('School has no recipient set');
    const deviceId = newDeviceId();
    // Only a DSL code waits for approval: a tablet or office code was approved by its maker.
    const pending = record.role === 'dsl';
    const outcome = await ctx.store.redeemEnrollmentCode(
      codeHash,
      {
        id: deviceId,
        school: record.school,
        name: body.device.name,
        role: record.role,
        publicKey: body.device.publicKey,
        enrolledAt: now,
        enrolledBy: record.createdBy,
        approvedAt: pending ? null : now,
        personName: record.personName,
        readerKey: body.readerKey ?? null,
      },
      now,
    );
    if (outcome !== 'registered') throw refuse(outcome);
    const response: RegisterResponse = {
      deviceId,
      recipientSet: JSON.parse(set.json) as SignedRecipientSet,
      role: record.role,
      status: pending ? 'pending' : 'approved',
    };
    return reply.code(201).send(response);
  });
}
