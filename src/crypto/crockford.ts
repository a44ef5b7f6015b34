/**
 * Crockford base32, the alphabet of printed recovery shares: digits and capital letters
 * without I, L, O and U, so a share copied by hand cannot confuse 1 with I or 0 with O, and
 * reading it back forgives case and those look-alikes. Symbols are 5-bit numbers; packing
 * is big-endian, most significant bit first. No dependencies: the recovery screen and the
 * printing screen both use it.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** The symbol for one typed character (any case, look-alikes folded), or -1 if it has none. */
export function symbolOf(char: string): number {
  const upper = char.toUpperCase();
  return CROCKFORD_ALPHABET.indexOf(LOOK_ALIKES[upper] ?? upper);
}

/** Symbols (0 to 31) as the characters that are printed. */
export function symbolsToText(symbols: number[]): string {
  return symbols.map((s) => CROCKFORD_ALPHABET[s]!).join('');
}

/** Bytes to 5-bit symbols; the last symbol is filled with zero bits. */
export function bytesToSymbols(bytes: Uint8Array): number[] {
  const symbols: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      symbols.push((buffer >> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) symbols.push((buffer << (5 - bits)) & 31);
  return symbols;
}

/**
 * Symbols back to `byteLength` bytes. Returns null if there are too few symbols or any bit
 * beyond `byteLength` bytes is set: such text was not produced by bytesToSymbols.
 */
export function symbolsToBytes(symbols: number[], byteLength: number): Uint8Array | null {
  if (symbols.length * 5 < byteLength * 8) return null;
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const s of symbols) {
    buffer = ((buffer << 5) | s) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if (o < byteLength) out[o++] = byte;
      else if (byte !== 0) return null;
    }
  }
  return (buffer & ((1 << bits) - 1)) === 0 ? out : null;
}
