/**
 * The two checks that make a printed recovery share safe to type from paper: a check
 * symbol per group of four characters, which finds the group with a typo, and a CRC over
 * the whole share, which catches what a group check cannot see (a wrong first line, a group
 * copied from another share). Byte layout: docs/envelope.md, "Recovery shares".
 */

// GF(32) modulo x^5 + x^2 + 1. The check symbol c of group g satisfies
// c = α·d0 + α²·d1 + α³·d2 + α^(g mod 31): the weights (α, α², α³, 1) are distinct and
// non-zero, so changing any one symbol, or swapping any two in a group, changes the sum;
// the position term catches a group copied into the wrong place. Masks rather than
// branches, so the time taken does not depend on the (secret) share data.
function gf32Mul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 5; i++) {
    p ^= -(b & 1) & a;
    a = ((a << 1) ^ (-((a >> 4) & 1) & 0x25)) & 63;
    b >>= 1;
  }
  return p & 31;
}

function gf32Pow(a: number, e: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r = gf32Mul(r, a);
  return r;
}

/** The check symbol of the group at position `group` (from 0) holding `data`. */
export function checkSymbol(data: number[], group: number): number {
  let c = gf32Pow(2, group % 31);
  data.forEach((d, i) => (c ^= gf32Mul(gf32Pow(2, i + 1), d)));
  return c;
}

/** CRC-15/CAN (polynomial 0x4599): detects any error burst up to 15 bits long. */
export function crc15(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    for (let i = 7; i >= 0; i--) {
      const bit = ((byte >> i) & 1) ^ ((crc >> 14) & 1);
      crc = (crc << 1) & 0x7fff;
      if (bit) crc ^= 0x4599;
    }
  }
  return crc;
}
