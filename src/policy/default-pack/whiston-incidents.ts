/**
 * Whiston's "Dealing with eSafety incidents" (seed 001, lines 411-436): every incident goes
 * in the School eSafety Log; then cyberbullying through the anti-bullying procedures,
 * network and information-security risks to the eSafety Lead and technical support,
 * child-protection concerns to the safeguarding procedures, and pupils' breaches of the
 * Acceptable Use Policy through the behaviour procedures.
 */
import type { Flowchart } from '../pack-schema.ts';
import { DATED, src, step } from './build.ts';

export const whistonIncidents: Flowchart = {
  id: 'whiston-incidents',
  title: 'Dealing with eSafety incidents',
  for: 'All staff; the eSafety Lead and Head of School',
  source: src('whiston', 'Dealing with eSafety incidents (lines 411-436)', DATED.whiston),
  start: 'log',
  nodes: {
    log: {
      kind: 'action',
      title: 'Record the incident',
      steps: [
        step(
          'esafety-log',
          'All eSafety incidents are recorded in the School eSafety Log which is regularly reviewed.',
          {
            mandatory: true,
          },
        ),
        step(
          'serious-inform',
          'Where a member of staff is made aware of a serious eSafety incident, concerning pupils or staff, they will inform the eSafety Lead, their line manager or Head of School who will then respond in the most appropriate manner.',
          { role: 'e-safety-coordinator' },
        ),
      ],
      next: 'kind',
    },
    kind: {
      kind: 'question',
      text: 'What kind of incident is it?',
      answers: [
        {
          id: 'child-protection',
          label:
            'It raises concerns about Child Protection, or indecent images were discovered on a computer',
          next: 'safeguarding',
        },
        { id: 'cyberbullying', label: 'Cyber bullying', next: 'anti-bullying' },
        {
          id: 'security',
          label: 'A risk to the security of the school network, or an information security risk',
          next: 'security',
        },
        {
          id: 'aup-breach',
          label: 'A pupil did not follow the Acceptable Use Policy',
          next: 'behaviour',
        },
      ],
    },
    safeguarding: {
      kind: 'action',
      title: 'Dealing with a Child Protection issue arising from the use of technology',
      steps: [
        step(
          'safeguarding-procedures',
          'Follow the procedures outlined in the Safeguarding Procedures and Guidance.',
          { role: 'dsl', mandatory: true },
        ),
      ],
      next: 'end-safeguarding',
    },
    'anti-bullying': {
      kind: 'action',
      title: 'Cyber bullying',
      steps: [
        step(
          'anti-bullying-procedures',
          'Instances of cyber bullying will be taken very seriously by the school and dealt with using the school’s anti-bullying procedures.',
          { mandatory: true },
        ),
        step(
          'restorative',
          'Staff as well as pupils may be victims: take appropriate action in either situation, including instigating restorative practices to support the victim.',
        ),
      ],
      next: 'end-bullying',
    },
    security: {
      kind: 'action',
      title: 'Network or information security risk',
      steps: [
        step('refer-lead', 'Refer it to the school’s eSafety Lead.', {
          role: 'e-safety-coordinator',
          mandatory: true,
        }),
        step('refer-technical', 'Refer it to technical support.', {
          contact: 'ict-support',
          mandatory: true,
        }),
        step(
          'minimise-risk',
          'Seek appropriate advice and take action to minimise the risk and prevent further instances occurring, including reviewing any policies, procedures or guidance.',
        ),
        step(
          'security-sanctions',
          'If the action breaches school policy then appropriate sanctions will be applied.',
        ),
      ],
      next: 'pupil-data',
    },
    'pupil-data': {
      kind: 'question',
      text: 'Is there a risk that pupil data has been lost?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'decide-parents' },
        { id: 'no', label: 'No', next: 'end-security' },
      ],
    },
    'decide-parents': {
      kind: 'action',
      title: 'Pupil data may have been lost',
      steps: [
        step('parents-decision', 'The school will decide if parents need to be informed.', {
          mandatory: true,
        }),
      ],
      next: 'end-data',
    },
    behaviour: {
      kind: 'action',
      title: 'Dealing with complaints and breaches of conduct by pupils',
      help: 'Any complaints or breaches of conduct will be dealt with promptly.',
      steps: [
        step(
          'behaviour-procedures',
          'Deal with it following the school’s normal behaviour or disciplinary procedures.',
          { mandatory: true },
        ),
        step(
          'senior-member',
          'Responsibility for handling serious incidents will be given to a senior member of staff.',
        ),
        step(
          'partnership',
          'Parents and the pupil will work in partnership with staff to resolve any issues arising.',
        ),
        step('restorative-victims', 'Restorative practice will be used to support the victims.'),
        step(
          'police-early',
          'There may be occasions when the police must be contacted. Early contact will be made to establish the legal position and discuss strategies.',
          { contact: 'police' },
        ),
      ],
      next: 'end-behaviour',
    },
    'end-safeguarding': {
      kind: 'end',
      outcome: 'Logged; the Safeguarding Procedures and Guidance followed.',
    },
    'end-bullying': {
      kind: 'end',
      outcome: 'Logged; dealt with through the anti-bullying procedures.',
    },
    'end-security': {
      kind: 'end',
      outcome: 'Logged; referred to the eSafety Lead and technical support.',
    },
    'end-data': {
      kind: 'end',
      outcome:
        'Logged; referred to the eSafety Lead and technical support; the school decided whether to inform parents.',
      continueWith: 'data-breach',
    },
    'end-behaviour': {
      kind: 'end',
      outcome: 'Logged; dealt with through the behaviour or disciplinary procedures.',
    },
  },
};
