/**
 * Pads payloads before encryption so the server, which sees sizes, learns only a coarse
 * bucket, not how long a child's account was. Layout: 4-byte big-endian length, payload,
 * zero fill up to the next bucket (512 B steps to 4 KiB, then powers of two).
 */

export function paddedSize(length: number): number {
  const needed = length + 4;
  if (needed <= 4096) return Math.ceil(needed / 512) * 512;
  return 2 ** Math.ceil(Math.log2(needed));
}

export function pad(payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(paddedSize(payload.length));
  new DataView(out.buffer).setUint32(0, payload.length);
  out.set(payload, 4);
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array<ArrayBuffer> {
  if (padded.length < 4) throw new Error('Padded payload too short');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (length > padded.length - 4) throw new Error('Padded payload length is inconsistent');
  return padded.slice(4, 4 + length);
}
