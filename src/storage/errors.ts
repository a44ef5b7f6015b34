/**
 * Storage errors in words a member of staff can act on. IndexedDB reports a full disk as a
 * QuotaExceededError, sometimes wrapped by Dexie in an AbortError; either way the write
 * was rolled back as a whole, so the message can promise that nothing was lost. Every write
 * also survives the browser closing the connection under it (reopen.ts).
 */
import { retryOnConnectionLoss } from './reopen.ts';

export class StorageFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(
      "This device's storage is full: the last change was not saved, but nothing was lost. " +
        'Free some space (or ask IT to), then try again.',
      options,
    );
    this.name = 'StorageFullError';
  }
}

function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown };
  return (
    e.name === 'QuotaExceededError' ||
    isQuotaError(e.inner, depth + 1) ||
    isQuotaError(e.cause, depth + 1)
  );
}

/** Returns StorageFullError for any form of quota failure, otherwise the error unchanged. */
export function mapStorageError(error: unknown): unknown {
  if (error instanceof StorageFullError) return error;
  return isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
}

/** The full-disk message for a quota failure in any form, otherwise `fallback`. */
export function storageMessage(error: unknown, fallback: string): string {
  const mapped = mapStorageError(error);
  return mapped instanceof StorageFullError ? mapped.message : fallback;
}

/**
 * Runs a write, again on a fresh connection if the browser dropped the old one under it,
 * and rethrows quota failures as StorageFullError.
 */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await retryOnConnectionLoss(write);
  } catch (error) {
    throw mapStorageError(error);
  }
}

/** Runs a read, again on a fresh connection if the browser dropped the old one under it. */
export function guardRead<T>(read: () => Promise<T>): Promise<T> {
  return retryOnConnectionLoss(read);
}

/** Thrown instead of storing a recipient set older than the one held (a rollback attempt). */
export class OlderRecipientSetError extends Error {
  constructor(held: number, offered: number) {
    super(
      `This device already holds version ${held} of the list of safeguarding leads; version ${offered} is older and was not saved.`,
    );
    this.name = 'OlderRecipientSetError';
  }
}
