/**
 * The endpoint under test: a real server on 127.0.0.1:0 with a fresh data folder (and,
 * when asked, a fake build in DIST_DIR), its log captured, plus `sql`/`rows`, which read or
 * nudge the SQLite file the way an operator with the file could.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RateLimitOptions } from '../../src/server/rate-limit.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { SQLITE_FILE } from '../../src/server/store/sqlite-store.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  distDir: string;
  /** Everything the server has logged so far. */
  logs(): string;
}

/** Anything with the endpoint's address: a TestServer, or one started another way. */
export interface HasUrl {
  url: string;
}

export interface TestServerOptions {
  /** postgres://… to use PostgreSQL instead of SQLite in the data folder. */
  databaseUrl?: string;
  /** Schools the endpoint may hold (a hub); 1 by default. */
  hubSchools?: number;
  rateLimit?: RateLimitOptions;
  /** The endpoint's clock (ms since the epoch); the real one if absent. */
  now?: () => number;
}

/** `dist`: 'none' leaves DIST_DIR without a build; otherwise these files are written there. */
export async function startTestServer(
  dist: 'none' | Record<string, string> = 'none',
  options: TestServerOptions = {},
): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), 'safetrail-server-'));
  // DATA_DIR does not exist yet: the server must create it.
  const dataDir = join(root, 'data');
  const distDir = join(root, 'dist');
  if (dist !== 'none') {
    for (const [path, text] of Object.entries(dist)) {
      mkdirSync(join(distDir, path, '..'), { recursive: true });
      writeFileSync(join(distDir, path), text);
    }
  }
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    distDir,
    logger: stream,
    databaseUrl: options.databaseUrl,
    hubSchools: options.hubSchools,
    rateLimit: options.rateLimit,
    now: options.now,
  });
  return {
    ...server,
    dataDir,
    distDir,
    logs: () => chunks.join(''),
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs SQL against the server's database file: reads, or changes what a test must fake (an expiry, a revocation). */
export function sql<T = Record<string, unknown>>(
  server: TestServer,
  query: string,
  ...params: unknown[]
): T[] {
  const db = new Database(join(server.dataDir, SQLITE_FILE));
  try {
    const stmt = db.prepare(query);
    return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
  } finally {
    db.close();
  }
}

export function rows(server: TestServer, table: string): number {
  return sql<{ n: number }>(server, `SELECT COUNT(*) AS n FROM ${table}`)[0]!.n;
}

export async function getJson<T = unknown>(server: HasUrl, path: string): Promise<T> {
  return (await (await fetch(server.url + path)).json()) as T;
}

export function postJson(
  server: HasUrl,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
