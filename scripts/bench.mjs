// `npm run bench`: builds the app (the bundle figures need it), then runs bench/run.ts.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
process.exit(run(process.execPath, ['--import', 'tsx', 'bench/run.ts']));
