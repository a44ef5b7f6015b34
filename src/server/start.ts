/**
 * Starts one endpoint: opens (or creates) the store (SQLite in dataDir, or PostgreSQL at
 * databaseUrl), loads the receipt key, makes sure a set-up code exists for each school
 * still to be set up, and listens. Used by
 * main.ts, the server tests, benchmarks and the end-to-end tests, so several endpoints can
 * run in one process on port 0.
 */
import { DeviceAuth } from './auth.ts';
import { buildApp } from './app.ts';
import { ensureSetupCodes, loadReceiptKey } from './bootstrap.ts';
import type { EndpointContext } from './context.ts';
import type { LoggerOption } from './logging.ts';
import { SerialLock } from './serial-lock.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { openStore } from './store/open.ts';
import type { EndpointStore } from './store/types.ts';
import { packageVersion } from './version.ts';

export interface StartOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  distDir: string;
  /** postgres://… for PostgreSQL; absent or null for SQLite in dataDir. */
  databaseUrl?: string | null;
  /** How many schools the endpoint may hold (default 1; more for a trust's hub). */
  hubSchools?: number;
  /** Requests per device (rate-limit.ts); DEFAULT_RATE_LIMIT if absent. */
  rateLimit?: RateLimitOptions;
  /** false or absent: silent; true: JSON lines on stdout; a stream: JSON lines to it; an object: pino options. */
  logger?: LoggerOption;
  logLevel?: string;
  /** The clock (ms since the epoch), for tests of expiry and replay windows. */
  now?: () => number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, with the port actually bound. */
  url: string;
  /** The first pending one-time set-up code, or null once every school is set up. */
  setupCode: string | null;
  /** Every pending set-up code, oldest first: one per school still to be set up. */
  setupCodes: string[];
  /** The open store, for tests and audits (verifyChain). */
  store: EndpointStore;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Time in-flight requests get to finish when the endpoint stops. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Stops taking requests, lets those in flight finish for a few seconds, then drops any still
 * open (a half-sent upload would otherwise hold the process): uploads are idempotent, so a
 * dropped one is simply sent again, and a receipt is only ever issued after the commit.
 */
async function closeGracefully(
  app: { close(): Promise<unknown>; server: { closeAllConnections(): void } },
  store: EndpointStore,
): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
  await store.close();
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openStore(options);
  try {
    const now = options.now ?? Date.now;
    const receiptKey = await loadReceiptKey(store);
    const setupCodes = await ensureSetupCodes(store, options.hubSchools ?? 1);
    const ctx: EndpointContext = {
      store,
      receiptKey,
      now,
      version: packageVersion(),
      auth: new DeviceAuth(store, now, new RateLimiter(options.rateLimit)),
      appendLock: new SerialLock(),
    };
    const app = await buildApp(ctx, {
      distDir: options.distDir,
      logger: options.logger,
      logLevel: options.logLevel,
    });
    await app.listen({ host: options.host, port: options.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${urlHost(options.host)}:${port}`,
      setupCode: setupCodes[0] ?? null,
      setupCodes,
      store,
      close: () => (closing ??= closeGracefully(app, store)),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
