/**
 * Surviving a lost IndexedDB connection. The browser can close the database under a running
 * app (storage pressure, a crashed storage process, "force close" in its internals, a
 * cleared site in another tab). Dexie reopens on the next query by itself, but whatever was
 * running at that moment fails: the transaction is aborted (Chromium says `UnknownError`),
 * or is refused because the connection is closing (`InvalidStateError`, Dexie's
 * `DatabaseClosedError`). Without this a draft would show "Not saved" and an upload run
 * would stop halfway.
 *
 * `retryOnConnectionLoss` runs one storage operation again on a fresh connection when it
 * failed that way. That is always safe: an IndexedDB transaction is all or nothing, so an
 * aborted one changed nothing and running it again cannot apply it twice. A full disk is
 * not a lost connection and is never retried here (errors.ts turns it into a message).
 */
import { Dexie } from 'dexie';

const CONNECTION_LOST = new Set([
  'DatabaseClosedError',
  'InvalidStateError',
  'UnknownError',
  'AbortError',
]);

/** Two more tries: the first may still meet the closing connection, the next opens anew. */
const RETRIES = 2;

function names(error: unknown, depth = 0): string[] {
  if (depth > 3 || typeof error !== 'object' || error === null) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown };
  return [
    ...(typeof e.name === 'string' ? [e.name] : []),
    ...names(e.inner, depth + 1),
    ...names(e.cause, depth + 1),
  ];
}

/** True for the errors a connection closed by the browser produces (never a full disk). */
export function isConnectionLoss(error: unknown): boolean {
  const all = names(error);
  return all.length > 0 && CONNECTION_LOST.has(all[0]!) && !all.includes('QuotaExceededError');
}

/**
 * Runs `operation`; if the connection was lost under it, runs it again (Dexie reopens the
 * database on the next query). Inside an enclosing transaction it runs once: that
 * transaction is lost as a whole, and only its owner can start it again.
 */
export async function retryOnConnectionLoss<T>(operation: () => Promise<T>): Promise<T> {
  if (Dexie.currentTransaction) return operation();
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= RETRIES || !isConnectionLoss(error)) throw error;
    }
  }
}
