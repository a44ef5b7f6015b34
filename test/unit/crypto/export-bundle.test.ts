/**
 * The encrypted export bundle, with the real iteration count (600,000 PBKDF2 rounds: about
 * half a second each in Node, so every case here derives the key once or twice at most).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes.ts';
import {
  EXPORT_FORMAT,
  ExportBundleError,
  openExportBundle,
  parseExportBundle,
  sealExportBundle,
  type ExportBundle,
} from '../../../src/crypto/export-bundle.ts';

const passphrase = 'correct horse battery staple';
const contents = {
  kind: 'safetrail-incidents',
  exportedAt: '2026-11-23T10:00:00.000Z',
  exportedBy: 'Dana Lead',
  school: 'Gracefield School',
  incidents: [{ incidentId: '01JB0000000000000000000I01', what: 'Unkind messages, “quoted” é' }],
};

let text: string;
let bundle: ExportBundle;
beforeAll(async () => {
  text = await sealExportBundle(contents, passphrase);
  bundle = JSON.parse(text) as ExportBundle;
});

/** Runs `open` and returns the problem it was refused with. */
async function problemOf(open: Promise<unknown>) {
  const e = await open.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExportBundleError);
  return (e as ExportBundleError).problem;
}

describe('the encrypted export bundle', () => {
  it('has the documented header and no plaintext', () => {
    expect(bundle.format).toBe(EXPORT_FORMAT);
    expect(bundle.version).toBe(1);
    expect(bundle.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(fromBase64Url(bundle.kdf.salt)).toHaveLength(16);
    expect(fromBase64Url(bundle.iv)).toHaveLength(12);
    for (const secret of ['Dana', 'Gracefield', 'Unkind', 'incidents']) {
      expect(text).not.toContain(secret);
    }
  });

  it('opens again with the same passphrase, exactly as sealed', async () => {
    expect(await openExportBundle(text, passphrase)).toEqual(contents);
  });

  it('uses a fresh salt and IV every time', async () => {
    const again = JSON.parse(await sealExportBundle(contents, passphrase)) as ExportBundle;
    expect(again.kdf.salt).not.toBe(bundle.kdf.salt);
    expect(again.iv).not.toBe(bundle.iv);
    expect(again.ciphertext).not.toBe(bundle.ciphertext);
  });

  it('refuses the wrong passphrase, saying so', async () => {
    expect(await problemOf(openExportBundle(text, 'correct horse battery stapler'))).toBe(
      'wrong-passphrase',
    );
  });

  it('refuses a changed or shortened ciphertext, or a changed IV, as damaged', async () => {
    const bytes = fromBase64Url(bundle.ciphertext);
    bytes[5]! ^= 0x01;
    const flipped = { ...bundle, ciphertext: toBase64Url(bytes) };
    expect(await problemOf(openExportBundle(JSON.stringify(flipped), passphrase))).toBe('damaged');
    const iv = fromBase64Url(bundle.iv);
    iv[0]! ^= 0x80;
    const movedIv = { ...bundle, iv: toBase64Url(iv) };
    expect(await problemOf(openExportBundle(JSON.stringify(movedIv), passphrase))).toBe('damaged');
    const cut = { ...bundle, ciphertext: bundle.ciphertext.slice(0, -8) };
    expect(await problemOf(openExportBundle(JSON.stringify(cut), passphrase))).toBe('damaged');
  });

  it('refuses a changed header: it no longer matches the passphrase', async () => {
    // The salt and iteration count feed the key, so a changed header reads as a passphrase
    // that does not open it; either way nothing is opened.
    const salt = fromBase64Url(bundle.kdf.salt);
    salt[0]! ^= 0x01;
    const moved = { ...bundle, kdf: { ...bundle.kdf, salt: toBase64Url(salt) } };
    expect(await problemOf(openExportBundle(JSON.stringify(moved), passphrase))).toBe(
      'wrong-passphrase',
    );
  });

  it('calls a file cut short damaged, not foreign', async () => {
    expect(await problemOf(openExportBundle(text.slice(0, text.length / 2), passphrase))).toBe(
      'damaged',
    );
  });

  it('refuses anything that is not a Safetrail bundle', async () => {
    for (const other of ['', 'hello', '{}', '[1,2]', '{"format":"other","version":1}', 'null']) {
      expect(await problemOf(openExportBundle(other, passphrase))).toBe('not-a-bundle');
    }
  });

  it('asks for a newer Safetrail for a newer version', () => {
    expect(() => parseExportBundle(JSON.stringify({ ...bundle, version: 2 }))).toThrow(
      /newer version of Safetrail/,
    );
  });

  it('refuses headers that would hang the page or are malformed', () => {
    for (const kdf of [
      { ...bundle.kdf, iterations: 1e9 },
      { ...bundle.kdf, iterations: 0 },
      { ...bundle.kdf, hash: 'SHA-1' },
      { ...bundle.kdf, salt: 'not base64!' },
    ]) {
      expect(() => parseExportBundle(JSON.stringify({ ...bundle, kdf }))).toThrow(/damaged/);
    }
  });

  it('will not seal under a passphrase shorter than 12 characters', async () => {
    expect(await problemOf(sealExportBundle(contents, 'short pass1'))).toBe('weak-passphrase');
  });
});
