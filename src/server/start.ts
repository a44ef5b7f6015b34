/**
 * Starts one endpoint: opens (or creates) the store in dataDir, loads the receipt key,
 * makes sure a set-up code exists while the school is not set up, and listens. Used by
 * main.ts, the server tests, benchmarks and the end-to-end tests, so several endpoints can
 * run in one process on port 0.
 */
import { mkdirSync } from 'node:fs';
import { DeviceAuth } from './auth.ts';
import { buildApp } from './app.ts';
import { ensureSetupCode, loadReceiptKey } from './bootstrap.ts';
import type { EndpointContext } from './context.ts';
import type { LoggerOption } from './logging.ts';
import { SerialLock } from './serial-lock.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import type { EndpointStore } from './store/types.ts';
import { packageVersion } from './version.ts';

export interface StartOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  distDir: string;
  /** false or absent: silent; true: JSON lines on stdout; a stream: JSON lines to it; an object: pino options. */
  logger?: LoggerOption;
  logLevel?: string;
  /** The clock (ms since the epoch), for tests of expiry and replay windows. */
  now?: () => number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, with the port actually bound. */
  url: string;
  /** The one-time set-up code while the school is not set up, else null. */
  setupCode: string | null;
  /** The open store, for tests and audits (verifyChain). */
  store: EndpointStore;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const store = new SqliteStore(options.dataDir);
  try {
    const now = options.now ?? Date.now;
    const receiptKey = await loadReceiptKey(store);
    const setupCode = await ensureSetupCode(store);
    const ctx: EndpointContext = {
      store,
      receiptKey,
      now,
      version: packageVersion(),
      auth: new DeviceAuth(store, now),
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
      setupCode,
      store,
      close: () => (closing ??= app.close().then(() => store.close())),
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
