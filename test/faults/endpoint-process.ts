/**
 * The endpoint as its own process, exactly as an operator runs it (`node --import tsx
 * src/server/main.ts`), on a data folder that outlives it, so a test can kill it with
 * SIGKILL at any moment and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface EndpointProcess {
  child: ChildProcess;
  url: string;
  setupCode: string | null;
  exited: Promise<number | null>;
}

export function startEndpoint(env: Record<string, string>): Promise<EndpointProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err += String(c)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      if (!out.includes('Store: ')) return;
      resolve({
        child,
        url: /listening on (http:\/\/\S+)/.exec(out)![1]!,
        setupCode: /Set-up code: (\S+)/.exec(out)?.[1] ?? null,
        exited,
      });
    });
    void exited.then((code) =>
      reject(new Error(`endpoint exited (${code}) before it was ready: ${err}`)),
    );
  });
}
