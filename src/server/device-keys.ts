/**
 * New devices: their ids and the proof that whoever registers a public key holds its
 * private half (a signature over the purpose, name, key and the one-time code, so a proof
 * cannot be replayed with another code or for another purpose).
 */
import { randomBytes, toBase64Url } from '../crypto/bytes.ts';
import { verifyObject } from '../crypto/signing.ts';
import { keyProofStatement, type DeviceKeyProof } from '../sync/protocol.ts';

/** 16 random bytes: unguessable, and within the envelope's device-id pattern. */
export function newDeviceId(): string {
  return toBase64Url(randomBytes(16));
}

/**
 * True if the proof signs the statement for the code in its canonical form (XXXX-XXXX-XXXX)
 * or exactly as the person typed it: a client may sign either, and both bind the same code.
 */
export async function proofHolds(
  purpose: 'setup' | 'register',
  device: DeviceKeyProof,
  canonicalCode: string,
  typedCode: string,
): Promise<boolean> {
  for (const code of new Set([canonicalCode, typedCode])) {
    const statement = keyProofStatement(purpose, device.name, device.publicKey, code);
    if (await verifyObject(device.publicKey, device.proof, statement)) return true;
  }
  return false;
}
