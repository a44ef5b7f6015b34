// The capture screen must stay light: these modules are loaded on it (or by the service
// worker and the endpoint's hot path) and must not pull in HPKE. This follows every static
// import from each of them and fails if one reaches @hpke/core or a module that loads it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const crypto = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/crypto');
const LIGHT = [
  'envelope-format.ts',
  'jwk.ts',
  'reader-kid.ts',
  'bytes.ts',
  'hash.ts',
  'staff-key.ts',
  'shamir.ts',
  'crockford.ts',
  'share-text.ts',
  'share-checks.ts',
  'reader-public.ts',
];
const HEAVY = ['@hpke/core', 'hpke.ts', 'envelope.ts', 'envelope-core.ts', 'key-grant.ts'];

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

describe('modules on the light path do not load HPKE', () => {
  it.each(LIGHT)('%s', (name) => {
    const loaded = [...reachable(resolve(crypto, name))].map((f) => f.split('/').pop()!);
    expect(loaded.filter((f) => HEAVY.includes(f) || f === 'core')).toEqual([]);
    expect([...reachable(resolve(crypto, name))]).not.toContain('@hpke/core');
  });
});
