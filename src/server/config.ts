/**
 * Endpoint configuration from environment variables. Everything the operator can change
 * lives here, validated once at start, so a typo in PORT fails loudly with a sentence a
 * school's IT technician can act on rather than an obscure listen error later.
 */
import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  distDir: string;
  logLevel: LogLevel;
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
  };
}
