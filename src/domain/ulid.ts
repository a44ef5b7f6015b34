/**
 * ULIDs: 48-bit millisecond time + 80 random bits, Crockford base32. Event ids are ULIDs so
 * they sort by creation time and double as upload idempotency keys. Monotonic within one
 * generator: two ids made in the same millisecond still sort in the order they were made.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isUlid(value: unknown): value is string {
  return typeof value === 'string' && ULID_PATTERN.test(value);
}

export type UlidFactory = () => string;

export function createUlidFactory(
  now: () => number = Date.now,
  random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): UlidFactory {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const time = now();
    if (time === lastTime) {
      // Increment the 80-bit random part (16 base32 digits) so ids stay strictly ordered.
      let i = lastRandom.length - 1;
      while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
      if (i < 0) throw new Error('ULID random part overflowed within one millisecond');
      lastRandom[i]!++;
    } else {
      lastTime = time;
      lastRandom = Array.from(random(16), (b) => b & 31);
    }
    let t = time;
    let timePart = '';
    for (let i = 0; i < 10; i++) {
      timePart = ALPHABET[t % 32] + timePart;
      t = Math.floor(t / 32);
    }
    return timePart + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

export const ulid: UlidFactory = createUlidFactory();
