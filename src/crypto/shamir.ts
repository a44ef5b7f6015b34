/**
 * Shamir secret sharing over GF(2^8), byte by byte: used to split the break-glass recovery
 * key 2-of-3 so that no single person (head teacher, DPO, chair of governors) holds it, yet
 * any two of them can rebuild it if every DSL key is lost. Each byte of the secret is the
 * constant term of its own random polynomial of degree threshold - 1; share i is that
 * polynomial's value at x = i. Fewer than `threshold` shares reveal nothing about the
 * secret (every value of it stays equally likely), which is why the coefficients must come
 * from a CSPRNG and are never forced to be non-zero.
 *
 * Field arithmetic is done bit by bit with masks rather than with log/exp tables, so the
 * memory accesses do not depend on secret bytes. The byte layout is in docs/envelope.md.
 */
import { randomBytes } from './bytes.ts';

/** Printed shares are for people, not machines: ten is already more than any school needs. */
export const MAX_SHARES = 10;

export interface SecretShare {
  /** The x coordinate, 1 to MAX_SHARES; printed as the share number. */
  index: number;
  /** The polynomials' values at x = index, one byte per byte of the secret. */
  bytes: Uint8Array<ArrayBuffer>;
}

export class ShamirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShamirError';
  }
}

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (0x11b, the AES field). */
export function gfMul(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 8; i++) {
    product ^= -(b & 1) & a;
    const carry = -((a >> 7) & 1);
    a = ((a << 1) & 0xff) ^ (carry & 0x1b);
    b >>= 1;
  }
  return product & 0xff;
}

/** a^254 = a^-1 for a != 0; the exponent is fixed, so the steps do not depend on a. */
function gfInverse(a: number): number {
  let result = 1;
  let power = a;
  for (let e = 254; e > 0; e >>= 1) {
    if (e & 1) result = gfMul(result, power);
    power = gfMul(power, power);
  }
  return result;
}

function checkSplit(secret: Uint8Array, threshold: number, total: number): void {
  if (secret.length === 0) throw new ShamirError('There is no secret to split.');
  if (!Number.isSafeInteger(total) || total < 2 || total > MAX_SHARES)
    throw new ShamirError(`The number of shares must be 2 to ${MAX_SHARES}.`);
  // A threshold of 1 would make every share a copy of the secret: refuse rather than pretend.
  if (!Number.isSafeInteger(threshold) || threshold < 2 || threshold > total)
    throw new ShamirError(`The number of shares needed must be 2 to ${total}.`);
}

/** Splits `secret` into `total` shares, any `threshold` of which rebuild it. */
export function splitSecret(secret: Uint8Array, threshold: number, total: number): SecretShare[] {
  checkSplit(secret, threshold, total);
  const coefficients = Array.from({ length: threshold - 1 }, () => randomBytes(secret.length));
  try {
    return splitSecretWithCoefficients(secret, threshold, total, coefficients);
  } finally {
    coefficients.forEach((c) => c.fill(0));
  }
}

/**
 * The deterministic core of splitSecret. `coefficients[j]` holds, for every byte of the
 * secret, the coefficient of x^(j+1). Exported only so the committed test vector
 * (test/vectors/shamir-v1.json) can be reproduced: fixed coefficients protect nothing.
 */
export function splitSecretWithCoefficients(
  secret: Uint8Array,
  threshold: number,
  total: number,
  coefficients: Uint8Array[],
): SecretShare[] {
  checkSplit(secret, threshold, total);
  if (coefficients.length !== threshold - 1 || coefficients.some((c) => c.length !== secret.length))
    throw new ShamirError('There must be threshold - 1 coefficients the length of the secret.');
  const shares: SecretShare[] = [];
  for (let x = 1; x <= total; x++) {
    const bytes = new Uint8Array(secret.length);
    for (let i = 0; i < secret.length; i++) {
      // Horner's rule from the highest coefficient down to the secret byte itself.
      let y = 0;
      for (let j = coefficients.length - 1; j >= 0; j--) y = gfMul(y, x) ^ coefficients[j]![i]!;
      bytes[i] = gfMul(y, x) ^ secret[i]!;
    }
    shares.push({ index: x, bytes });
  }
  return shares;
}

function checkCombine(shares: SecretShare[]): void {
  if (shares.length < 2) throw new ShamirError('At least two shares are needed.');
  const seen = new Set<number>();
  for (const s of shares) {
    if (!Number.isSafeInteger(s.index) || s.index < 1 || s.index > 255)
      throw new ShamirError(`Share number ${s.index} is not a valid share number.`);
    if (seen.has(s.index)) throw new ShamirError(`Share ${s.index} was given more than once.`);
    seen.add(s.index);
    if (s.bytes.length === 0 || s.bytes.length !== shares[0]!.bytes.length)
      throw new ShamirError('The shares have different lengths, so they cannot be from one split.');
  }
}

/**
 * Rebuilds the secret from distinct shares by Lagrange interpolation at x = 0. With fewer
 * shares than the split's threshold the result is a wrong secret, not an error: nothing in
 * a share says what the secret was, so callers must check the result (recovery-shares.ts
 * compares the rebuilt key with the recovery key id).
 */
export function combineShares(shares: SecretShare[]): Uint8Array<ArrayBuffer> {
  checkCombine(shares);
  const secret = new Uint8Array(shares[0]!.bytes.length);
  shares.forEach((share, i) => {
    // The Lagrange basis polynomial for this share, evaluated at 0. In GF(2^8) subtraction
    // is XOR, so (0 - x_j) / (x_i - x_j) is x_j / (x_i ^ x_j).
    let basis = 1;
    shares.forEach((other, j) => {
      if (i !== j) basis = gfMul(basis, gfMul(other.index, gfInverse(share.index ^ other.index)));
    });
    for (let b = 0; b < secret.length; b++) secret[b] = secret[b]! ^ gfMul(share.bytes[b]!, basis);
  });
  return secret;
}
