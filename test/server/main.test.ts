/** The command-line entry as an operator runs it: banner, set-up link, clean shutdown, bad config. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'safetrail-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: join(dir, 'data'),
      DIST_DIR: join(dir, 'dist'),
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Collects stdout until the banner is complete (three lines before set-up). */
function banner(child: ChildProcessWithoutNullStreams): Promise<string[]> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const lines = out.split('\n').filter(Boolean);
      if (lines.some((l) => l.startsWith('Open '))) resolve(lines);
    });
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
}

describe('npx tsx src/server/main.ts', () => {
  it('prints the banner with the set-up code, serves, and shuts down cleanly on SIGTERM', async () => {
    const child = run({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const all = await banner(child);
    // The structured log shares stdout; the code must appear only in the banner.
    const logLines = all.filter((l) => l.startsWith('{'));
    const lines = all.filter((l) => !l.startsWith('{'));
    const code = '[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}';
    expect(lines[0]).toMatch(/^Safetrail endpoint listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines[1]).toMatch(new RegExp(`^Set-up code: ${code}$`));
    const url = lines[0]!.slice('Safetrail endpoint listening on '.length);
    const setup = lines[1]!.slice('Set-up code: '.length);
    expect(lines[2]).toBe(`Open ${url}/setup?code=${setup} to set up your school`);
    expect(logLines.join('\n')).not.toContain(setup);
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('prints one set-up code per school still to come on a hub, and names its store', async () => {
    const child = run({ PORT: '0', HUB_SCHOOLS: '3', DATA_DIR: join(dir, 'hub') });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('Store: ')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const lines = out.split('\n').filter(Boolean);
    expect(lines[1]).toBe('3 of 3 schools still to set up:');
    const codes = lines
      .slice(2, 5)
      .map((l) => /^Set-up code \d: (\S+) {2}http:\S+\/setup\?code=\1$/.exec(l)?.[1]);
    expect(new Set(codes).size).toBe(3);
    expect(codes.every(Boolean)).toBe(true);
    expect(lines[5]).toBe(`Store: SQLite in ${join(dir, 'hub')}`);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad PORT with a clear message and exit code 1', async () => {
    const child = run({ PORT: 'eighty' });
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    expect(await exitOf(child)).toBe(1);
    expect(err).toContain('PORT must be a whole number from 0 to 65535');
  });
});
