/**
 * Deliberately broken policy packs: each starts from the small valid pack in
 * fixtures/minimal-pack.json, breaks one thing, and names the error(s) the checker must
 * report for it (path exactly, message by pattern). Shared by the checker and CLI tests.
 */
import { readFileSync } from 'node:fs';

// Loose JSON, as a school's editor would produce it: the tests break it freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const MINIMAL_PACK_FILE = new URL('./fixtures/minimal-pack.json', import.meta.url);

export function minimalPack(): Json {
  return JSON.parse(readFileSync(MINIMAL_PACK_FILE, 'utf8'));
}

export interface BrokenPack {
  name: string;
  breakIt: (pack: Json) => void;
  errors: { path: string; message: RegExp }[];
}

const chart = (pack: Json) => pack.flowcharts[0];

export const BROKEN_PACKS: BrokenPack[] = [
  {
    name: 'schema: an answer without a label',
    breakIt: (p) => delete chart(p).nodes.q1.answers[0].label,
    errors: [
      {
        path: '$.flowcharts[0].nodes.q1.answers[0].label',
        message: /^Missing: text is required here\.$/,
      },
    ],
  },
  {
    name: 'schema: a node of an unknown kind',
    breakIt: (p) => (chart(p).nodes.q1.kind = 'decision'),
    errors: [
      {
        path: '$.flowcharts[0].nodes.q1.kind',
        message: /^"kind" must be one of "question", "action", "end" \(found text "decision"\)\.$/,
      },
    ],
  },
  {
    name: 'schema: a misspelt field',
    breakIt: (p) => {
      const step = chart(p).nodes.a1.steps[0];
      step.contcat = step.contact;
    },
    errors: [
      { path: '$.flowcharts[0].nodes.a1.steps[0].contcat', message: /^Unknown field "contcat"/ },
    ],
  },
  {
    name: 'schema: an id with capitals and spaces',
    breakIt: (p) => (p.contacts[1].id = 'Local Police'),
    errors: [{ path: '$.contacts[1].id', message: /lower-case letters, digits and hyphens/ }],
  },
  {
    name: 'schema: a version that is not semver-ish',
    breakIt: (p) => (p.version = 'v2'),
    errors: [{ path: '$.version', message: /looks like 1\.0 or 2\.3\.1/ }],
  },
  {
    name: 'schema: a risk area outside the four Cs',
    breakIt: (p) => (p.categories[0].risk = 'cyber'),
    errors: [
      {
        path: '$.categories[0].risk',
        message: /^This must be one of "content", "contact", "conduct", "commerce"/,
      },
    ],
  },
  {
    name: 'schema: an empty label and a wrong type',
    breakIt: (p) => {
      p.categories[0].label = '  ';
      p.settings.idleLockMinutes = '10';
    },
    errors: [
      { path: '$.categories[0].label', message: /^This must not be empty\.$/ },
      { path: '$.settings.idleLockMinutes', message: /^Expected a number, but found text "10"\.$/ },
    ],
  },
  {
    name: 'schema: a node id that is not an id',
    breakIt: (p) => {
      chart(p).nodes['Bad Node'] = { kind: 'end', outcome: 'x' };
    },
    errors: [
      { path: '$.flowcharts[0].nodes["Bad Node"]', message: /^The key "Bad Node" is not allowed/ },
    ],
  },
  {
    name: 'graph: the start node is missing',
    breakIt: (p) => (chart(p).start = 'begin'),
    errors: [
      {
        path: '$.flowcharts[0].start',
        message: /^The start node "begin" is not one of this flowchart's nodes\.$/,
      },
    ],
  },
  {
    name: 'graph: an unreachable node',
    breakIt: (p) => (chart(p).nodes.orphan = { kind: 'end', outcome: 'Never reached.' }),
    errors: [
      {
        path: '$.flowcharts[0].nodes.orphan',
        message: /^Node "orphan" cannot be reached from the start node "q1"\.$/,
      },
    ],
  },
  {
    name: 'graph: a question without answers (dead end)',
    breakIt: (p) => {
      chart(p).nodes.q1.answers[1].next = 'q2';
      chart(p).nodes.q2 = { kind: 'question', text: 'And then?', answers: [] };
      delete chart(p).nodes.e2;
    },
    errors: [
      {
        path: '$.flowcharts[0].nodes.q2.answers',
        message: /^Dead end: question "q2" has no answers/,
      },
    ],
  },
  {
    name: 'graph: an action without next (dead end)',
    breakIt: (p) => {
      delete chart(p).nodes.a1.next;
      delete chart(p).nodes.e1;
    },
    errors: [
      { path: '$.flowcharts[0].nodes.a1', message: /^Dead end: action "a1" has no "next" node/ },
    ],
  },
  {
    name: 'graph: an answer leading nowhere',
    breakIt: (p) => (chart(p).nodes.q1.answers[1].next = 'e3'),
    errors: [
      {
        path: '$.flowcharts[0].nodes.q1.answers[1].next',
        message: /^Answer "no" leads to "e3", which is not a node of this flowchart\.$/,
      },
      { path: '$.flowcharts[0].nodes.e2', message: /cannot be reached/ },
    ],
  },
  {
    name: 'graph: a loop with no way out',
    breakIt: (p) => {
      chart(p).nodes.q1.answers[1].next = 'loop-a';
      chart(p).nodes['loop-a'] = {
        kind: 'action',
        title: 'A',
        steps: [{ id: 'la', text: 'A' }],
        next: 'loop-b',
      };
      chart(p).nodes['loop-b'] = {
        kind: 'question',
        text: 'Again?',
        answers: [{ id: 'again', label: 'Again', next: 'loop-a' }],
      };
      delete chart(p).nodes.e2;
    },
    errors: [
      {
        path: '$.flowcharts[0].nodes.loop-a',
        message: /^Nodes "loop-a", "loop-b" form a loop with no way out/,
      },
    ],
  },
  {
    name: 'reference: a step naming a missing contact',
    breakIt: (p) => (chart(p).nodes.a1.steps[0].contact = 'ceop'),
    errors: [
      {
        path: '$.flowcharts[0].nodes.a1.steps[0].contact',
        message: /^Step "call-lado" refers to contact "ceop", which is not in the pack\.$/,
      },
    ],
  },
  {
    name: 'reference: a step naming a missing role',
    breakIt: (p) => (chart(p).nodes.a1.steps[0].role = 'deputy-dsl'),
    errors: [
      { path: '$.flowcharts[0].nodes.a1.steps[0].role', message: /school role "deputy-dsl"/ },
    ],
  },
  {
    name: 'reference: duplicate contact ids',
    breakIt: (p) => p.contacts.push({ id: 'lado', name: 'LADO again', phone: '' }),
    errors: [
      {
        path: '$.contacts[2].id',
        message: /^Duplicate contact id "lado" \(first used at \$\.contacts\[0\]\.id\)\.$/,
      },
    ],
  },
  {
    name: 'reference: duplicate answer ids in one question',
    breakIt: (p) => (chart(p).nodes.q1.answers[1].id = 'yes'),
    errors: [
      { path: '$.flowcharts[0].nodes.q1.answers[1].id', message: /^Duplicate answer id "yes"/ },
    ],
  },
  {
    name: 'reference: a category suggesting a missing flowchart',
    breakIt: (p) => (p.categories[0].flowchart = 'misuse-chart'),
    errors: [
      {
        path: '$.categories[0].flowchart',
        message:
          /^Category "misuse" suggests flowchart "misuse-chart", which is not in the pack\.$/,
      },
    ],
  },
  {
    name: 'reference: an end continuing with a missing flowchart',
    breakIt: (p) => (chart(p).nodes.e2.continueWith = 'next-chart'),
    errors: [
      {
        path: '$.flowcharts[0].nodes.e2.continueWith',
        message: /continues with flowchart "next-chart"/,
      },
    ],
  },
  {
    name: 'reference: a required role missing',
    breakIt: (p) => p.school.roles.splice(3, 1),
    errors: [{ path: '$.school.roles', message: /^The pack must name the role "dpo"/ }],
  },
  {
    name: 'reference: the default marking not among the markings',
    breakIt: (p) => (p.settings.protectiveMarkingDefault = 'RESTRICTED'),
    errors: [
      { path: '$.settings.protectiveMarkingDefault', message: /"RESTRICTED" is not one of/ },
    ],
  },
  {
    name: 'reference: a retention rule for a missing category',
    breakIt: (p) =>
      p.retention.push({
        id: 'misuse-years',
        scope: 'category',
        ref: 'misused',
        years: 6,
        description: 'x',
        status: 'school-to-confirm',
      }),
    errors: [{ path: '$.retention[1].ref', message: /must name a category of the pack/ }],
  },
];
