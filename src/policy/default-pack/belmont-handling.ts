/**
 * Belmont's "Handling Incidents" and "Incident Management" (seed 002, lines 155-162 and
 * 242-252) as a flowchart: the same-day report to the DSL, the head teacher as first point of
 * contact, staff misuse to the Headteacher unless the concern is about the Headteacher (then
 * the Deputy CEO (Academies) and the LADO), suspected illegal material to the police and the
 * IWF, and parents told. Its ends point to the nine "What we do if?" guides.
 */
import type { Flowchart } from '../pack-schema.ts';
import { DATED, src, step } from './build.ts';

const WHAT_WE_DO_IF = [
  'belmont-site-unintentional',
  'belmont-site-intentional-child',
  'belmont-site-intentional-staff',
  'belmont-adult-misuse',
  'belmont-bullying',
  'belmont-malicious-comments',
  'belmont-inappropriate-contact',
  'belmont-inappropriate-games',
  'belmont-parent-posts',
];

export const belmontHandling: Flowchart = {
  id: 'belmont-handling',
  title: 'Handling an online safety incident',
  for: 'All staff; the Headteacher and the DSL',
  source: src('belmont', 'Handling Incidents (lines 155-162)', DATED.belmont),
  alsoFrom: [
    src('belmont', 'Incident Management (lines 242-252)', DATED.belmont),
    src('belmont', 'Roles and responsibilities: Teachers, DSL (lines 130, 141)', DATED.belmont),
  ],
  notes: [
    'Children should be confident in a no-blame culture when it comes to reporting inappropriate incidents involving the internet or mobile technology: they must be able to do this without fear.',
  ],
  start: 'report',
  nodes: {
    report: {
      kind: 'action',
      title: 'Report it',
      steps: [
        step(
          'dsl-same-day',
          'Any suspected online risk or infringement is reported to Designated Safeguarding Lead on that day.',
          { role: 'dsl', mandatory: true },
        ),
        step('record-cpoms', 'Record and report any concerns to the DSL and record on CPOMs.', {
          mandatory: true,
        }),
        step('first-point', 'Headteacher will act as first point of contact for any incident.', {
          role: 'head-teacher',
        }),
      ],
      next: 'staff',
    },
    staff: {
      kind: 'question',
      text: 'Is it a concern about staff misuse?',
      answers: [
        { id: 'yes', label: 'Yes, a concern about a member of staff', next: 'about-head' },
        { id: 'no', label: 'No', next: 'illegal' },
      ],
    },
    'about-head': {
      kind: 'question',
      text: 'Is the concern about the Headteacher?',
      answers: [
        { id: 'yes', label: 'Yes, about the Headteacher', next: 'above-head' },
        { id: 'no', label: 'No', next: 'to-head' },
      ],
    },
    'to-head': {
      kind: 'action',
      title: 'Refer to the Headteacher',
      steps: [
        step(
          'refer-head',
          'Any concern about staff misuse is always referred directly to the Headteacher.',
          { role: 'head-teacher', mandatory: true },
        ),
      ],
      next: 'end-staff',
    },
    'above-head': {
      kind: 'action',
      title: 'The concern is about the Headteacher',
      help: 'Do not refer it to the Headteacher.',
      steps: [
        step(
          'refer-deputy-ceo',
          'The concern is about the Headteacher, so the complaint is referred to the Deputy CEO (Academies).',
          { contact: 'deputy-ceo', mandatory: true },
        ),
        step(
          'refer-lado',
          'The complaint is also referred to the LADO (Local Authority’s Designated Officer).',
          { contact: 'lado', mandatory: true },
        ),
      ],
      next: 'end-head',
    },
    illegal: {
      kind: 'question',
      text: 'Is suspected illegal material involved?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'refer-illegal' },
        { id: 'no', label: 'No', next: 'disturbing', requiresReason: true },
      ],
    },
    'refer-illegal': {
      kind: 'action',
      title: 'Suspected illegal material',
      steps: [
        step(
          'refer-police',
          'Immediately refer the suspected illegal material to the Police (“the appropriate authorities such as Police and Internet Watch Foundation”).',
          { contact: 'police', mandatory: true },
        ),
        step(
          'refer-iwf',
          'Immediately refer the suspected illegal material to the Internet Watch Foundation.',
          { contact: 'iwf' },
        ),
      ],
      next: 'parents',
    },
    disturbing: {
      kind: 'question',
      text: 'Has a member of staff or a pupil received online communication that we consider is particularly disturbing, harassing or breaks the law?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'contact-police' },
        { id: 'no', label: 'No', next: 'parents' },
      ],
    },
    'contact-police': {
      kind: 'action',
      title: 'Contact the police',
      steps: [
        step(
          'police-disturbing',
          'The Police will be contacted if one of our staff or pupils receives online communication that we consider is particularly disturbing, harassing or breaks the law.',
          { contact: 'police', mandatory: true },
        ),
      ],
      next: 'parents',
    },
    parents: {
      kind: 'action',
      title: 'Inform parents and seek support',
      steps: [
        step(
          'inform-parents',
          'Parents/carers are specifically informed of online safety incidents involving young people for whom they are responsible.',
        ),
        step(
          'agencies',
          'Support is actively sought from other agencies as needed (i.e. the local authority, LGfL, UK Safer Internet Centre helpline, CEOP, Prevent Officer, Police, Internet Watch Foundation).',
          { contact: 'posh' },
        ),
        step('log-safeguarding', 'Online safety incidents are logged as a safeguarding incident.', {
          role: 'dsl',
        }),
      ],
      next: 'end',
    },
    'end-staff': {
      kind: 'end',
      outcome:
        'Reported to the DSL the same day; the concern about staff misuse referred to the Headteacher.',
      scenarios: ['belmont-site-intentional-staff', 'belmont-adult-misuse'],
    },
    'end-head': {
      kind: 'end',
      outcome:
        'Reported to the DSL the same day; the concern about the Headteacher referred to the Deputy CEO (Academies) and the LADO.',
    },
    end: {
      kind: 'end',
      outcome:
        'Reported to the DSL the same day and logged as a safeguarding incident: follow the "What we do if?" guide that fits.',
      scenarios: WHAT_WE_DO_IF,
    },
  },
};
