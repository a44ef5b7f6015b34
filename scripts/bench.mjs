// `npm run bench`: builds the app (the bundle and browser figures need it), then runs
// bench/run.ts, which prints the table and writes bench/results.json.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
const status = run(process.execPath, ['--import', 'tsx', 'bench/run.ts']);
console.log(`npm run bench took ${Math.round((Date.now() - started) / 1000)} s in all.`);
process.exit(status);
