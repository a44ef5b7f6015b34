/**
 * The enrollment code a DSL gives a tablet: one link that carries the endpoint address, the
 * one-time code and the school signing key's fingerprint. As a QR code, a tablet's camera
 * opens it directly; as text, it can be pasted or typed into the enrollment screen.
 */
import { isBase64Url } from '../crypto/bytes.ts';
import { normaliseCode } from './one-time-code.ts';

export interface EnrollmentTicket {
  endpoint: string;
  code: string;
  fingerprint: string;
}

/** `/enroll` makes a tablet; `/join` makes a safeguarding lead's console. */
export function formatEnrollmentLink(
  t: EnrollmentTicket,
  path: '/enroll' | '/join' = '/enroll',
): string {
  const url = new URL(path, t.endpoint);
  url.searchParams.set('code', t.code);
  url.searchParams.set('fp', t.fingerprint);
  return url.toString();
}

export type ParseResult = { ok: true; ticket: EnrollmentTicket } | { ok: false; message: string };

export function parseEnrollmentText(text: string): ParseResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      message:
        'That is not an enrollment link. Copy the whole link from the DSL’s screen, starting with http.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      message: 'An enrollment link starts with https:// (or http:// inside the school network).',
    };
  }
  const code = normaliseCode(url.searchParams.get('code') ?? '');
  const fingerprint = url.searchParams.get('fp') ?? '';
  if (!code) return { ok: false, message: 'The link’s one-time code is missing or mistyped.' };
  if (!isBase64Url(fingerprint, 32)) {
    return {
      ok: false,
      message: 'The link’s school key fingerprint is missing or mistyped. Copy the whole link.',
    };
  }
  return { ok: true, ticket: { endpoint: url.origin, code, fingerprint } };
}
