// The capture screen and the wizard load the default pack and the interpreter; zod (the
// schema) is needed only where a pack is checked. This follows every static import from
// those modules and fails if one reaches zod.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const policy = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/policy');
const LIGHT = ['default-pack/index.ts', 'flowchart.ts'];

/** Every module `file` loads statically, following relative imports (type-only ones skipped). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith('/')) return seen;
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]!;
    reachable(spec.startsWith('.') ? resolve(dirname(file), spec) : spec, seen);
  }
  return seen;
}

describe('modules loaded outside the checker do not load zod', () => {
  it.each(LIGHT)('%s', (name) => {
    const loaded = [...reachable(resolve(policy, name))];
    expect(
      loaded.filter(
        (f) => f === 'zod' || f.endsWith('schema.ts') || f.endsWith('schema-common.ts'),
      ),
    ).toEqual([]);
  });

  it('(the import follower does find zod where it is loaded)', () => {
    expect(reachable(resolve(policy, 'check-pack.ts'))).toContain('zod');
  });
});
