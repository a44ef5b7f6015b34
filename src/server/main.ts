/**
 * The endpoint's command-line entry: `npx tsx src/server/main.ts`. Reads the environment,
 * starts the server, prints the banner (with the set-up code until the school is set up:
 * the console is the only place that code ever appears) and shuts down cleanly on
 * SIGINT/SIGTERM so an in-flight append finishes and SQLite's WAL is checkpointed.
 */
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './start.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    distDir: config.distDir,
    logger: config.logLevel === 'silent' ? false : true,
    logLevel: config.logLevel,
  });
  const banner = [`Safetrail endpoint listening on ${server.url}`];
  if (server.setupCode) {
    banner.push(`Set-up code: ${server.setupCode}`);
    banner.push(`Open ${server.url}/setup?code=${server.setupCode} to set up your school`);
  }
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError
      ? err.message
      : `The endpoint could not start: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
