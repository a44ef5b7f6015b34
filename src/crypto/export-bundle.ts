/**
 * The encrypted export bundle: incident records opened on a DSL console, sealed under a
 * passphrase so they can be handed to another DSL console or a successor on a USB stick or
 * through the school's secure file transfer. Made and opened in the browser only: the
 * endpoint never sees a bundle, and nothing in one is written to storage when it is opened.
 *
 * Format (JSON text, version 1):
 *   { format: 'safetrail-export', version: 1,
 *     kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
 *     check, iv, ciphertext }
 * PBKDF2-SHA256 turns the passphrase into a 256-bit secret; HKDF splits that into the
 * AES-256-GCM key and a short `check` value. The check exists only so a wrong passphrase
 * can be told apart from a damaged file; it costs an attacker exactly as much to test a
 * guess against it as against the ciphertext, so it gives nothing away. The header (all
 * but `iv` and `ciphertext`, which GCM covers itself) is the associated data, so changing
 * any of it is caught. Bytes are base64url, like everything else on the wire.
 */
import {
  bytesEqual,
  fromBase64Url,
  fromUtf8,
  isBase64Url,
  randomBytes,
  toBase64Url,
  utf8,
} from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import { PBKDF2_ITERATIONS } from './kdf.ts';

export const EXPORT_FORMAT = 'safetrail-export';
export const EXPORT_VERSION = 1;
/** The shortest passphrase a bundle may be sealed under (it may travel with the file). */
export const EXPORT_PASSPHRASE_MIN = 12;
/** Above this a bundle is refused unread: a damaged or hostile header must not hang the page. */
const MAX_ITERATIONS = 10_000_000;

export interface ExportBundleKdf {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: string;
}

export interface ExportBundle {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  kdf: ExportBundleKdf;
  /** Tells a wrong passphrase from a damaged file (see the header comment). */
  check: string;
  iv: string;
  ciphertext: string;
}

export type ExportBundleProblem =
  'not-a-bundle' | 'newer-version' | 'damaged' | 'wrong-passphrase' | 'weak-passphrase';

/** A refusal with a sentence a DSL can act on; `problem` says which, for the screen and tests. */
export class ExportBundleError extends Error {
  constructor(
    readonly problem: ExportBundleProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ExportBundleError';
  }
}

const MESSAGES: Record<ExportBundleProblem, string> = {
  'not-a-bundle': 'This file is not a Safetrail export bundle.',
  'newer-version':
    'This export was made by a newer version of Safetrail. Update this console, then open it again.',
  damaged:
    'This export file is damaged: it has been changed or cut short since it was made. Ask for a fresh copy.',
  'wrong-passphrase': 'That passphrase does not open this export. Check it and try again.',
  'weak-passphrase': `The passphrase must be at least ${EXPORT_PASSPHRASE_MIN} characters long.`,
};

const fail = (problem: ExportBundleProblem): never => {
  throw new ExportBundleError(problem, MESSAGES[problem]);
};

const subtle = () => globalThis.crypto.subtle;

/** The AES key and the check value for a passphrase and header. */
async function keysFor(passphrase: string, kdf: ExportBundleKdf) {
  const base = await subtle().importKey(
    'raw',
    utf8(passphrase.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const secret = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64Url(kdf.salt), iterations: kdf.iterations },
    base,
    256,
  );
  const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const salt = new Uint8Array(0);
  const key = await subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('safetrail/v1/export/key') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const check = new Uint8Array(
    await subtle().deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('safetrail/v1/export/check') },
      hkdf,
      128,
    ),
  );
  return { key, check };
}

/** The associated data: everything in the header except what GCM already covers. */
const aadOf = ({ format, version, kdf, check }: Omit<ExportBundle, 'iv' | 'ciphertext'>) =>
  canonicalBytes({
    format,
    version,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt },
    check,
  });

/**
 * Seals `contents` (any JSON value: the console puts the opened incidents, who exported
 * them, when and for which school) under `passphrase`. Returns the bundle's JSON text.
 */
export async function sealExportBundle(contents: unknown, passphrase: string): Promise<string> {
  if (contents === undefined) throw new TypeError('Nothing to export.');
  if ([...passphrase.normalize('NFKC')].length < EXPORT_PASSPHRASE_MIN) fail('weak-passphrase');
  const kdf: ExportBundleKdf = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt: toBase64Url(randomBytes(16)),
  };
  const { key, check } = await keysFor(passphrase, kdf);
  const header: Omit<ExportBundle, 'iv' | 'ciphertext'> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    kdf,
    check: toBase64Url(check),
  };
  const iv = randomBytes(12);
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: aadOf(header) },
    key,
    utf8(JSON.stringify(contents)),
  );
  const bundle: ExportBundle = {
    ...header,
    iv: toBase64Url(iv),
    ciphertext: toBase64Url(ciphertext),
  };
  return JSON.stringify(bundle, null, 2);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the header, or says plainly why this is not a bundle this console can open. */
export function parseExportBundle(text: string): ExportBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A bundle cut short (a failed copy) no longer parses, but still names its format.
    return text.includes(`"${EXPORT_FORMAT}"`) ? fail('damaged') : fail('not-a-bundle');
  }
  if (!isObject(value) || value.format !== EXPORT_FORMAT) return fail('not-a-bundle');
  if (typeof value.version === 'number' && value.version > EXPORT_VERSION) fail('newer-version');
  const k = value.kdf;
  const ok =
    value.version === EXPORT_VERSION &&
    isObject(k) &&
    k.name === 'PBKDF2' &&
    k.hash === 'SHA-256' &&
    Number.isSafeInteger(k.iterations) &&
    (k.iterations as number) >= 1 &&
    (k.iterations as number) <= MAX_ITERATIONS &&
    isBase64Url(k.salt, 16) &&
    isBase64Url(value.check, 16) &&
    isBase64Url(value.iv, 12) &&
    isBase64Url(value.ciphertext) &&
    (value.ciphertext as string).length >= 22;
  if (!ok) fail('damaged');
  return value as unknown as ExportBundle;
}

/**
 * Opens a bundle's JSON text with its passphrase and returns the contents, in memory only.
 * Throws an ExportBundleError: not a bundle, a newer version, the wrong passphrase, or damaged.
 */
export async function openExportBundle(text: string, passphrase: string): Promise<unknown> {
  const bundle = parseExportBundle(text);
  const { key, check } = await keysFor(passphrase, bundle.kdf);
  if (!bytesEqual(check, fromBase64Url(bundle.check))) fail('wrong-passphrase');
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(bundle.iv), additionalData: aadOf(bundle) },
      key,
      fromBase64Url(bundle.ciphertext),
    );
  } catch {
    return fail('damaged');
  }
  try {
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
  } catch {
    return fail('damaged');
  }
}
