/**
 * `npm run policy:check` as a person runs it: the real script in a child process, on the
 * default pack, a good file, broken files, a missing file and a file that is not JSON.
 * The runs are started together so the file costs about one process start-up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/policy/check-pack.ts';
import { defaultPack } from '../../../src/policy/default-pack/index.ts';
import { BROKEN_PACKS, MINIMAL_PACK_FILE, minimalPack } from './broken-packs.ts';

const ROOT = new URL('../../../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'policy-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/policy-check.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stripNpmNoise(stderr) }));
  });
}

/** npm may warn about the machine's own configuration; those lines are not the script's. */
const stripNpmNoise = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');

const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const broken = BROKEN_PACKS.find((b) => b.name.startsWith('graph: an answer leading nowhere'))!;
const brokenPack = minimalPack();
broken.breakIt(brokenPack);

const runs = {
  // No file: the default pack, also written out (one process for both).
  defaultPack: run('--write-json', join(dir, 'pack.json')),
  good: run(fileURLToPath(MINIMAL_PACK_FILE)),
  bad: run(file('broken.json', JSON.stringify(brokenPack))),
  missing: run(join(dir, 'no-such-pack.json')),
  notJson: run(file('not-json.json', '{ "id": "x", ')),
};

describe('npm run policy:check', () => {
  it('checks the default pack when given no file: one summary line, exit 0', async () => {
    const { code, stdout, stderr } = await runs.defaultPack;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(
      `✓ ${defaultPack.name} (${defaultPack.version}): ${defaultPack.flowcharts.length} flowcharts, ${defaultPack.scenarios.length} scenarios, ${defaultPack.ruleSets.length} rule sets, ${defaultPack.categories.length} categories`,
    );
  });

  it('accepts a good pack file', async () => {
    const { code, stdout } = await runs.good;
    expect(code).toBe(0);
    expect(stdout).toBe(
      '✓ Minimal test pack (1.0): 1 flowcharts, 0 scenarios, 0 rule sets, 1 categories\n',
    );
  });

  it('lists every error of a broken pack as <path>: <message>, exit 1', async () => {
    const { code, stdout, stderr } = await runs.bad;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      '$.flowcharts[0].nodes.q1.answers[1].next: Answer "no" leads to "e3", which is not a node of this flowchart.',
      '$.flowcharts[0].nodes.e2: Node "e2" cannot be reached from the start node "q1".',
      expect.stringMatching(/^✗ .*broken\.json: 2 errors\.$/),
    ]);
  });

  it('says in one line when the file cannot be read, exit 1', async () => {
    const { code, stderr } = await runs.missing;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Cannot read .*no-such-pack\.json: no such file\.\n$/);
  });

  it('says in one line when the file is not JSON, exit 1', async () => {
    const { code, stderr } = await runs.notJson;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^.*not-json\.json is not valid JSON: .+\n$/);
  });

  it('writes the checked default pack as JSON with --write-json', async () => {
    const { code, stdout } = await runs.defaultPack;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ .*\nWrote .*pack\.json\n$/);
    const json = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(defaultPack)));
    expect(checkPack(json).ok).toBe(true);
  });
});
