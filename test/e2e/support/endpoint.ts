/**
 * Starts the real school endpoint as a child process (the same entry point `npm start`
 * runs) on a free port with a fresh DATA_DIR, and keeps everything it prints, so tests can
 * check the log never carries record content.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningEndpoint {
  url: string;
  setupCode: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `distDir`: the built app to serve (default `dist`); a copy lets a test deploy a new build. */
export async function startEndpoint(options: { distDir?: string } = {}): Promise<RunningEndpoint> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safetrail-e2e-'));
  const distDir = options.distDir ?? 'dist';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!/listening on (http:\/\/\S+)/.test(out) || !/Set-up code: (\S+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`Endpoint exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`Endpoint did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /listening on (http:\/\/\S+)/.exec(out)![1]!.replace(/\/$/, '');
  const setupCode = /Set-up code: (\S+)/.exec(out)![1]!;
  return {
    url,
    setupCode,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every byte of every file under `dir`, for plaintext scans. */
export function readAllFiles(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    parts.push(statSync(p).isDirectory() ? readAllFiles(p) : readFileSync(p));
  }
  return Buffer.concat(parts);
}
