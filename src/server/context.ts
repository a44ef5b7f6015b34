/**
 * What every route is given: the store, the receipt key, the clock, device auth and the
 * append lock. Passed explicitly (not through globals) so a test or benchmark can run
 * several endpoints in one process.
 */
import type { DeviceAuth } from './auth.ts';
import type { ReceiptKey } from './bootstrap.ts';
import type { SerialLock } from './serial-lock.ts';
import type { EndpointStore } from './store/types.ts';

export interface EndpointContext {
  store: EndpointStore;
  receiptKey: ReceiptKey;
  now: () => number;
  version: string;
  auth: DeviceAuth;
  /** Serialises appends in this process so concurrent uploads don't retry against each other. */
  appendLock: SerialLock;
}

export function isoNow(ctx: Pick<EndpointContext, 'now'>): string {
  return new Date(ctx.now()).toISOString();
}
