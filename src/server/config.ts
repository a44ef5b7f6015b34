/**
 * Endpoint configuration from environment variables. Everything the operator can change
 * lives here, validated once at start, so a typo in PORT fails loudly with a sentence a
 * school's IT technician can act on rather than an obscure listen error later.
 */
import { resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  distDir: string;
  logLevel: LogLevel;
  /** postgres://… to keep everything in PostgreSQL (a trust's hub); null for SQLite in dataDir. */
  databaseUrl: string | null;
  /** How many schools the endpoint may hold: 1 for a school's own, more for a trust's hub. */
  hubSchools: number;
  /** Requests per device: RATE_LIMIT_PER_MINUTE (0 = off) and RATE_LIMIT_BURST. */
  rateLimit: RateLimitOptions;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function parsePort(raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535 (0 picks a free port); got "${raw}".`,
    );
  }
  return port;
}

function parseLogLevel(raw: string): LogLevel {
  const level = raw.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${raw}".`);
  }
  return level as LogLevel;
}

export const MAX_HUB_SCHOOLS = 1000;

function parseCount(name: string, raw: string, min: number, max: number): number {
  const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  return n;
}

function parseHubSchools(raw: string): number {
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_HUB_SCHOOLS)) {
    throw new ConfigError(
      `HUB_SCHOOLS must be a whole number from 1 to ${MAX_HUB_SCHOOLS} (how many schools this endpoint may hold); got "${raw}".`,
    );
  }
  return n;
}

function parseDatabaseUrl(raw: string | null): string | null {
  if (raw === null) return null;
  if (!/^postgres(ql)?:\/\/\S+$/.test(raw)) {
    // The value may hold a password: it is never repeated back.
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database), or unset to use SQLite in DATA_DIR.',
    );
  }
  return raw;
}

/** Reads and validates the configuration; throws ConfigError with a plain message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const value = (name: string, fallback: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? fallback : v;
  };
  const host = value('HOST', '127.0.0.1');
  if (/\s|\//.test(host))
    throw new ConfigError(`HOST must be a host name or IP address; got "${host}".`);
  return {
    host,
    port: parsePort(value('PORT', '8080')),
    dataDir: resolve(value('DATA_DIR', './data')),
    distDir: resolve(value('DIST_DIR', './dist')),
    logLevel: parseLogLevel(value('LOG_LEVEL', 'info')),
    databaseUrl: parseDatabaseUrl(value('DATABASE_URL', '') || null),
    hubSchools: parseHubSchools(value('HUB_SCHOOLS', '1')),
    rateLimit: {
      perMinute: parseCount(
        'RATE_LIMIT_PER_MINUTE',
        value('RATE_LIMIT_PER_MINUTE', String(DEFAULT_RATE_LIMIT.perMinute)),
        0,
        1_000_000,
      ),
      burst: parseCount(
        'RATE_LIMIT_BURST',
        value('RATE_LIMIT_BURST', String(DEFAULT_RATE_LIMIT.burst)),
        1,
        1_000_000,
      ),
    },
  };
}
