/**
 * The one-time codes people type (the endpoint's set-up code, enrollment codes): twelve
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), written XXXX-XXXX-XXXX.
 * Client and endpoint share this normaliser, so a key proof signs exactly the form the
 * endpoint checks.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function formatCode(chars: string): string {
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Upper case, spaces removed, dashes optional on input; null when it cannot be a code. */
export function normaliseCode(text: string): string | null {
  const chars = text.toUpperCase().replace(/[\s-]/g, '');
  return CODE_PATTERN.test(chars) ? formatCode(chars) : null;
}
