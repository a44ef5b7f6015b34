/** Turns any thrown value into one plain sentence for the screen (never a stack trace). */
export function plainError(
  e: unknown,
  fallback = 'Something went wrong. Nothing you saved has been lost.',
): string {
  if (e instanceof Error && e.message && e.name !== 'TypeError' && e.name !== 'SyntaxError')
    return e.message;
  return fallback;
}
