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
    });
  });

  it('reads every variable, and allows port 0', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      DATA_DIR: '/srv/st',
      DIST_DIR: '/srv/app',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/srv/st',
      distDir: '/srv/app',
      logLevel: 'warn',
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
});
