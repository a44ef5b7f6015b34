/**
 * Gracefield's "Flowchart to support decisions related to an illegal E-Safety Incident"
 * (seed 000, lines 713-757), for the Headteacher, senior leaders and the E-Safety
 * Coordinator. The "not sure" branch is the seed's own advice ("If you are not sure ...
 * contact for advice: the Local Safe Neighbourhood Officer") and returns to the question.
 * Deciding that nothing illegal happened means not informing the police, so it needs a reason.
 */
import type { Flowchart } from '../pack-schema.ts';
import { src, step } from './build.ts';

export const gracefieldIllegal: Flowchart = {
  id: 'gracefield-illegal',
  title: 'Decisions related to an illegal e-safety incident',
  for: 'Headteacher, senior leaders and E-Safety Coordinator',
  description:
    'Following an incident the E-Safety Coordinator and/or Headteacher will need to decide quickly if the incident involved any illegal activity.',
  source: src(
    'gracefield',
    'Flowchart to support decisions related to an illegal E-Safety Incident (lines 713-757)',
  ),
  notes: [
    'Users must know to switch off their monitor or close laptop if they find something unpleasant or frightening and then talk to a member of staff or the E-Safety Coordinator.',
  ],
  start: 'illegal',
  nodes: {
    illegal: {
      kind: 'question',
      text: 'Was illegal material or activity found or suspected?',
      help: 'Illegal means something against the law such as: downloading child pornography; passing onto others images or video containing child pornography; inciting racial or religious hatred; extreme cases of cyberbullying; promoting illegal acts.',
      answers: [
        { id: 'yes', label: 'Yes, found or suspected', next: 'police' },
        {
          id: 'no',
          label: 'No, the incident did not involve any illegal activity',
          next: 'not-illegal',
          requiresReason: true,
        },
        { id: 'not-sure', label: 'Not sure', next: 'advice' },
      ],
    },
    advice: {
      kind: 'action',
      title: 'Get advice on whether it is illegal',
      steps: [
        step(
          'ask-neighbourhood-officer',
          'If you are not sure if the incident has any illegal aspects, contact for advice: the Local Safe Neighbourhood Officer.',
          { contact: 'police-neighbourhood' },
        ),
      ],
      next: 'illegal',
    },
    police: {
      kind: 'action',
      title: 'Illegal material or activity found or suspected',
      steps: [
        step('inform-police', 'Inform police. Follow any advice given by the police otherwise:', {
          contact: 'police',
          mandatory: true,
        }),
        step(
          'confiscate',
          'Confiscate any laptop or other device and if related to school network disable user account.',
          { mandatory: true },
        ),
        step(
          'save-evidence',
          'Save ALL evidence but DO NOT view or copy. Let the Police review the evidence.',
          { mandatory: true },
        ),
      ],
      next: 'staff',
    },
    staff: {
      kind: 'question',
      text: 'Is a member of staff involved?',
      answers: [
        { id: 'yes', label: 'Yes, a member of staff', next: 'lado' },
        { id: 'no', label: 'No', next: 'end-illegal' },
      ],
    },
    lado: {
      kind: 'action',
      title: 'A member of staff is involved',
      steps: [
        step(
          'contact-lado',
          'If a member of staff, contact the Local Authority Designated Officer for Allegations Management (LADO).',
          { contact: 'lado', mandatory: true },
        ),
      ],
      next: 'end-illegal-staff',
    },
    'end-illegal': {
      kind: 'end',
      outcome: 'Police informed; device confiscated and evidence saved, unviewed, for the police.',
    },
    'end-illegal-staff': {
      kind: 'end',
      outcome:
        'Police informed; device confiscated and evidence saved, unviewed, for the police; the LADO contacted.',
    },
    'not-illegal': {
      kind: 'end',
      outcome:
        'The incident did not involve any illegal activity: follow the flowchart for non-illegal incidents.',
      continueWith: 'gracefield-managing',
    },
  },
};
