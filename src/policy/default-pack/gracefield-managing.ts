/**
 * Gracefield's "Managing an E-Safety Incident Flowchart" (seed 000, lines 756-820): for
 * incidents with no illegal aspect. Record and keep evidence; was a member of staff involved
 * (then the LADO criteria); otherwise was the child the victim or the instigator, each with
 * its own in-school actions. The seed's "If the child is at risk inform DSL immediately" is
 * a question here so that deciding the child is not at risk is written down with its reason.
 */
import type { Flowchart } from '../pack-schema.ts';
import { src, step } from './build.ts';

export const gracefieldManaging: Flowchart = {
  id: 'gracefield-managing',
  title: 'Managing an e-safety incident',
  for: 'Head teachers, senior leaders and E-Safety Coordinators',
  description:
    'If the incident did not involve any illegal activity then follow this flowchart. Incident could be: using another person’s user name and password; accessing websites which are against school policy e.g. games, social networks; using a mobile phone to take video during a lesson; using the technology to upset or bully (in extreme cases could be illegal).',
  source: src(
    'gracefield',
    'Gracefield School Managing an E-Safety Incident Flowchart (lines 756-820)',
  ),
  notes: [
    'Users must know to switch off their monitor or close laptop if they find something unpleasant or frightening and then talk to a member of staff or the E-Safety Coordinator.',
  ],
  start: 'record',
  nodes: {
    record: {
      kind: 'action',
      title: 'The E-Safety Coordinator and/or Head Teacher should',
      steps: [
        step('log', 'Record in the school E-Safety Incident Log.', { mandatory: true }),
        step('keep-evidence', 'Keep any evidence.', { mandatory: true }),
      ],
      next: 'staff',
    },
    staff: {
      kind: 'question',
      text: 'Did the incident involve a member of staff?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'lado-test' },
        { id: 'no', label: 'No', next: 'child' },
      ],
    },
    'lado-test': {
      kind: 'question',
      text: 'Has the member of staff: behaved in a way that has harmed a child, or may have harmed a child; possibly committed a criminal offence against or related to a child; or behaved towards a child or children in a way that indicates he or she would pose a risk of harm if they work regularly or closely with children?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'lado' },
        {
          id: 'no',
          label: 'No, none of these',
          next: 'staff-not-lado',
          requiresReason: true,
        },
      ],
    },
    lado: {
      kind: 'action',
      title: 'Contact the LADO',
      steps: [step('contact-lado', 'Contact the LADO.', { contact: 'lado', mandatory: true })],
      next: 'end-lado',
    },
    child: {
      kind: 'question',
      text: 'Was the child the victim or the instigator?',
      answers: [
        { id: 'victim', label: 'Pupil as victim', next: 'support' },
        { id: 'instigator', label: 'Pupil as instigator', next: 'instigator' },
      ],
    },
    support: {
      kind: 'action',
      title: 'Pupil as victim',
      steps: [
        step(
          'support-pupil',
          'In-school action to support pupil by one or more of the following: class teacher; E-Safety Coordinator; Senior Leader or Headteacher; Designated Safeguarding Lead (DSL); School PCSO.',
          { mandatory: true },
        ),
        step('victim-parents', 'Inform parents/carer as appropriate.'),
        step('victim-confiscate', 'Confiscate the device, if appropriate.'),
      ],
      next: 'at-risk',
    },
    'at-risk': {
      kind: 'question',
      text: 'Is the child at risk?',
      answers: [
        { id: 'yes', label: 'Yes, the child is at risk', next: 'inform-dsl' },
        { id: 'no', label: 'No', next: 'end-victim', requiresReason: true },
      ],
    },
    'inform-dsl': {
      kind: 'action',
      title: 'The child is at risk',
      steps: [
        step('dsl-now', 'If the child is at risk inform DSL immediately.', {
          role: 'dsl',
          mandatory: true,
        }),
      ],
      next: 'end-victim',
    },
    instigator: {
      kind: 'action',
      title: 'Pupil as instigator',
      steps: [
        step('other-pupils', 'Review incident and identify if other pupils were involved.'),
        step(
          'sanctions',
          'Decide appropriate sanctions and/or support based on school rules/guidelines.',
        ),
        step('instigator-parents', 'Inform parents/carers if serious or persistent incident.'),
        step(
          'local-authority',
          'In serious incidents consider informing the local authority as the child instigator could be at risk.',
          { contact: 'local-authority' },
        ),
        step('review-procedures', 'Review school procedures/policies to develop best practice.'),
      ],
      next: 'end-instigator',
    },
    'end-lado': {
      kind: 'end',
      outcome:
        'Recorded in the E-Safety Incident Log; the LADO contacted about the member of staff.',
    },
    'staff-not-lado': {
      kind: 'end',
      outcome:
        'Recorded in the E-Safety Incident Log; the LADO criteria are not met. Where a member of staff was the victim, follow the flowchart for incidents involving staff as victims.',
      continueWith: 'gracefield-staff-victims',
    },
    'end-victim': {
      kind: 'end',
      outcome: 'Recorded in the E-Safety Incident Log; the pupil supported in school.',
    },
    'end-instigator': {
      kind: 'end',
      outcome:
        'Recorded in the E-Safety Incident Log; the incident reviewed and sanctions or support decided.',
    },
  },
};
