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
    databaseUrl: config.databaseUrl,
    hubSchools: config.hubSchools,
    rateLimit: config.rateLimit,
    logger: config.logLevel === 'silent' ? false : true,
    logLevel: config.logLevel,
  });
  // Before the banner: whoever waits for it (an operator, a supervisor, a test) may stop
  // the endpoint the moment it appears, and that stop must be a clean one.
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
  const banner = [`Safetrail endpoint listening on ${server.url}`];
  const codes = server.setupCodes;
  if (codes.length === 1 && config.hubSchools === 1) {
    banner.push(`Set-up code: ${codes[0]}`);
    banner.push(`Open ${server.url}/setup?code=${codes[0]} to set up your school`);
  } else if (codes.length > 0) {
    // A hub: one code per school still to come; hand each to one school's lead DSL.
    banner.push(`${codes.length} of ${config.hubSchools} schools still to set up:`);
    codes.forEach((code, i) => {
      banner.push(`Set-up code ${i + 1}: ${code}  ${server.url}/setup?code=${code}`);
    });
  }
  banner.push(
    `Store: ${server.store.kind === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}`,
  );
  process.stdout.write(`${banner.join('\n')}\n`);
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError
      ? err.message
      : `The endpoint could not start: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
