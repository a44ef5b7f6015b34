// Which starts draw the PIN screen before the app loads, and that the script drawing it
// stays small: it must not load the router, the database library or the screens, whose
// compile time on a tablet is what drawing it first saves.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLockStart } from '../../../src/ui/start/lock-start.ts';

const tablet = { schoolName: 'Gracefield School', name: 'Trip tablet', role: 'tablet' } as const;
const profile = { id: 'p1', name: 'Sam' };

describe('isLockStart', () => {
  it('is a tablet with staff profiles opening the start page or the capture screen', () => {
    expect(isLockStart('/', { device: tablet, profiles: [profile] })).toBe(true);
    expect(isLockStart('/capture', { device: tablet, profiles: [profile] })).toBe(true);
  });

  it('is not a tablet with no profiles yet (its first screen creates one)', () => {
    expect(isLockStart('/capture', { device: tablet, profiles: [] })).toBe(false);
  });

  it('is not a console, an office computer or a device not yet enrolled', () => {
    for (const role of ['dsl', 'office'] as const) {
      expect(isLockStart('/', { device: { ...tablet, role }, profiles: [profile] })).toBe(false);
    }
    expect(isLockStart('/', { device: null, profiles: [] })).toBe(false);
  });

  it('is not another screen, nor a start whose rows could not be read', () => {
    for (const path of ['/rules', '/procedures', '/capture/new', '/console', '/enrol']) {
      expect(isLockStart(path, { device: tablet, profiles: [profile] })).toBe(false);
    }
    expect(isLockStart('/capture', null)).toBe(false);
  });
});

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/ui');

/** Every module `file` loads statically, following relative imports (type-only ones skipped). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith('/') || file.endsWith('.css')) return seen;
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]!;
    reachable(spec.startsWith('.') ? resolve(dirname(file), spec) : spec, seen);
  }
  return seen;
}

describe('the entry script', () => {
  const loaded = [...reachable(resolve(ui, 'main.tsx'))];

  it('draws the PIN screen from its own modules', () => {
    expect(loaded).toContain(resolve(ui, 'start/StartLock.tsx'));
    expect(loaded).toContain(resolve(ui, 'capture/UnlockForm.tsx'));
  });

  it('loads neither the router, nor Dexie, nor the app, until it has drawn', () => {
    const heavy = loaded.filter(
      (f) =>
        f.startsWith('@tanstack/') ||
        f === 'dexie' ||
        f.endsWith('/storage/db.ts') ||
        f.endsWith('/app/start-app.tsx') ||
        f.endsWith('/app/App.tsx'),
    );
    expect(heavy).toEqual([]);
  });
});
