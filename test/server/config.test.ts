import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';

describe('configuration from the environment', () => {
  it('has safe defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: resolve('data'),
      distDir: resolve('dist'),
      logLevel: 'info',
      databaseUrl: null,
      hubSchools: 1,
      rateLimit: { perMinute: 300, burst: 60 },
    });
  });

  it('reads every variable, and allows port 0', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      DATA_DIR: '/srv/st',
      DIST_DIR: '/srv/app',
      LOG_LEVEL: 'WARN',
      DATABASE_URL: 'postgres://hub:pw@db.trust.example:5432/safetrail',
      HUB_SCHOOLS: '24',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_BURST: '10',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/srv/st',
      distDir: '/srv/app',
      logLevel: 'warn',
      databaseUrl: 'postgres://hub:pw@db.trust.example:5432/safetrail',
      hubSchools: 24,
      rateLimit: { perMinute: 0, burst: 10 },
    });
  });

  it.each(['abc', '-1', '65536', '80.5', '8080x', '1e3'])(
    'refuses PORT=%s with a clear message',
    (port) => {
      expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
      expect(() => loadConfig({ PORT: port })).toThrow(
        /PORT must be a whole number from 0 to 65535/,
      );
    },
  );

  it('refuses an unknown LOG_LEVEL and a malformed HOST', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ HOST: 'http://x' })).toThrow(/HOST/);
  });

  it.each(['0', '-2', 'many', '1001', '2.5'])('refuses HUB_SCHOOLS=%s', (n) => {
    expect(() => loadConfig({ HUB_SCHOOLS: n })).toThrow(/HUB_SCHOOLS must be a whole number/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without repeating it (it may hold a password)', () => {
    const url = 'mysql://root:s3cret@db/x';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL must be a PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: url })).not.toThrow(/s3cret/);
  });
});
