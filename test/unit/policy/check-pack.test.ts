import { describe, expect, it } from 'vitest';
import { checkPack, formatErrors } from '../../../src/policy/check-pack.ts';
import { defaultPack } from '../../../src/policy/default-pack/index.ts';
import { jsonPath } from '../../../src/policy/json-path.ts';
import { BROKEN_PACKS, minimalPack } from './broken-packs.ts';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('checkPack on good packs', () => {
  it('accepts the default pack as JSON, unchanged by parsing', () => {
    const result = checkPack(asJson(defaultPack));
    if (!result.ok) throw new Error(formatErrors(result.errors));
    expect(result.pack).toEqual(asJson(defaultPack));
  });

  it('accepts the minimal fixture pack', () => {
    expect(checkPack(minimalPack())).toMatchObject({ ok: true });
  });
});

describe('checkPack on broken packs', () => {
  it.each(BROKEN_PACKS.map((b) => [b.name, b] as const))('%s', (_name, broken) => {
    const pack = minimalPack();
    broken.breakIt(pack);
    const result = checkPack(pack);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(broken.errors.map((e) => e.path));
    result.errors.forEach((error, i) => expect(error.message).toMatch(broken.errors[i]!.message));
  });

  it.each([
    [null, 'Expected an object { ... }, but found null.'],
    [[], 'Expected an object { ... }, but found a list.'],
    ['pack', 'Expected an object { ... }, but found text "pack".'],
  ])('rejects %j as a whole with one error at $', (input, message) => {
    expect(checkPack(input)).toEqual({ ok: false, errors: [{ path: '$', message }] });
  });

  it('reports schema errors and the graph errors of well-formed charts in one run', () => {
    const pack = minimalPack();
    pack.flowcharts.push({
      ...structuredClone(pack.flowcharts[0]),
      id: 'second',
      start: 'missing',
    });
    delete pack.flowcharts[0].title;
    const result = checkPack(pack);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      '$.flowcharts[0].title',
      '$.flowcharts[1].start',
    ]);
  });

  it('reports duplicate step ids across the nodes of one chart', () => {
    const pack = minimalPack();
    const nodes = pack.flowcharts[0].nodes;
    nodes.q1.answers[1].next = 'a2';
    nodes.a2 = {
      kind: 'action',
      title: 'Again',
      steps: [{ id: 'call-lado', text: 'x' }],
      next: 'e2',
    };
    const result = checkPack(pack);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          path: '$.flowcharts[0].nodes.a2.steps[0].id',
          message: expect.stringMatching(/^Duplicate step id/),
        },
      ],
    });
  });

  it('checks scenario steps, contacts and categories too', () => {
    const pack = minimalPack();
    pack.scenarios.push({
      id: 'what-if',
      title: 'What if',
      source: { policy: 'school', section: 'x' },
      steps: [{ id: 's1', text: 'Call', contact: 'ceop', substeps: [{ id: 's1', text: 'Again' }] }],
      contacts: ['childline'],
      categories: ['misuse', 'nope'],
    });
    const result = checkPack(pack);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      '$.scenarios[0].steps[0].contact',
      '$.scenarios[0].steps[0].substeps[0].id',
      '$.scenarios[0].contacts[0]',
      '$.scenarios[0].categories[1]',
    ]);
  });

  it('formats errors one per line as <path>: <message>', () => {
    expect(
      formatErrors([
        { path: '$.a', message: 'One.' },
        { path: '$.b[1]', message: 'Two.' },
      ]),
    ).toBe('$.a: One.\n$.b[1]: Two.');
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '$'],
    [
      ['flowcharts', 2, 'nodes', 'n4', 'answers', 1, 'next'],
      '$.flowcharts[2].nodes.n4.answers[1].next',
    ],
    [['nodes', 'end-illegal'], '$.nodes.end-illegal'],
    [['nodes', '4'], '$.nodes["4"]'],
    [['nodes', 'odd key'], '$.nodes["odd key"]'],
  ])('%j -> %s', (parts, path) => {
    expect(jsonPath(parts)).toBe(path);
  });
});
