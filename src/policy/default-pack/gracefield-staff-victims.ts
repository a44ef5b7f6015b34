/**
 * Gracefield's "Managing an E-Safety Incident Flowchart involving staff as victims" (seed 000,
 * lines 823-862): the Headteacher records and keeps evidence, then the steps depend on who
 * the instigator is (pupils, staff, or parents/carers). The seed's own words are "Follow some
 * of the steps below", so only the recording steps are mandatory. The list of further
 * contacts to support the member of staff closes every branch.
 */
import type { Flowchart } from '../pack-schema.ts';
import { src, step } from './build.ts';

export const gracefieldStaffVictims: Flowchart = {
  id: 'gracefield-staff-victims',
  title: 'Managing an e-safety incident involving staff as victims',
  for: 'Head teachers, senior leaders and E-Safety Coordinator',
  source: src(
    'gracefield',
    'Managing an E-Safety Incident Flowchart involving staff as victims (lines 823-862)',
  ),
  notes: [
    'If you feel unable to report an incident to your HT you could talk to a member of SLT or contact the local E-Safety Advisor (via BSCB).',
    'Users must know to switch off their monitor or close laptop if they find something unpleasant or frightening and then talk to a member of staff or the E-Safety Coordinator.',
  ],
  start: 'report',
  nodes: {
    report: {
      kind: 'action',
      title: 'All incidents should be reported to the Headteacher who will',
      steps: [
        step('log', 'Record in the school E-Safety Incident Log.', {
          role: 'head-teacher',
          mandatory: true,
        }),
        step('keep-evidence', 'Keep any evidence – printouts and/or screen shots.', {
          mandatory: true,
        }),
        step('report-abuse', 'Use the ‘Report Abuse’ button, if appropriate.'),
      ],
      next: 'instigator',
    },
    instigator: {
      kind: 'question',
      text: 'Who was the instigator?',
      answers: [
        { id: 'pupils', label: 'Pupils as instigators', next: 'pupils' },
        { id: 'staff', label: 'Staff as instigator', next: 'staff' },
        { id: 'parents', label: 'Parents/carers as instigators', next: 'parents' },
      ],
    },
    pupils: {
      kind: 'action',
      title: 'Pupils as instigators: follow some of the steps below',
      steps: [
        step('identify-pupil', 'Identify the pupil involved.'),
        step(
          'pupil-remove',
          'Ask pupil to remove offensive material. Refer to the signed Acceptable Use Agreement.',
        ),
        step(
          'social-network',
          'If the perpetrator refuses to remove the material and is under 13 contact the Social Network who will close the account.',
        ),
        step('school-rules', 'Take appropriate actions in line with school policies/rules.'),
        step('pupil-parents', 'Inform parents/carers if serious or persistent incident.'),
      ],
      next: 'serious',
    },
    serious: {
      kind: 'question',
      text: 'Is it a serious incident, or do you need further advice?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'serious-steps' },
        { id: 'no', label: 'No', next: 'support', requiresReason: true },
      ],
    },
    'serious-steps': {
      kind: 'action',
      title: 'For serious incidents or further advice',
      steps: [
        step('neighbourhood-police', 'Inform your Local Police Neighbourhood Team.', {
          contact: 'police-neighbourhood',
        }),
        step(
          'child-at-risk',
          'If the child is at risk talk to the school DSL who may decide to contact LADO.',
          { role: 'dsl' },
        ),
      ],
      next: 'support',
    },
    staff: {
      kind: 'action',
      title: 'Staff as instigator: follow some of the steps below',
      steps: [
        step(
          'hr-advice',
          'Seek professional HR advice via the school office for initial advice and/or contact Schools E-Safety Adviser; in all serious cases this is the first step.',
          { contact: 'hr-adviser' },
        ),
        step(
          'staff-remove',
          'Contact the member of staff and request the offending material be removed immediately. (In serious cases you may be advised not to discuss the incident with the staff member.)',
        ),
        step(
          'staff-aup',
          'Refer to the signed ICT Acceptable Use Agreement, Professional Code of Conduct and consider if this incident has an impact on the Contract of Employment of the member of staff.',
        ),
      ],
      next: 'support',
    },
    parents: {
      kind: 'action',
      title: 'Parents/carers as instigators: follow some of the steps below',
      steps: [
        step(
          'invite-parent',
          'Contact the person and invite into school and discuss using some of the examples below: you have become aware of discussions taking place online…; you want to discuss this; you have an open door policy so disappointed they did not approach you first; they have signed the Home School Agreement which clearly states…',
        ),
        step('parent-remove', 'Request the offending material be removed.'),
      ],
      next: 'solved',
    },
    solved: {
      kind: 'question',
      text: 'Has this solved the problem?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'support' },
        { id: 'no', label: 'No', next: 'escalate' },
      ],
    },
    escalate: {
      kind: 'action',
      title: 'If this does not solve the problem',
      steps: [
        step('police-bscb', 'Consider involving the local police/BSCB representative.', {
          contact: 'police-neighbourhood',
        }),
        step('letter', 'You may also wish to send a letter to the parent.'),
      ],
      next: 'support',
    },
    support: {
      kind: 'action',
      title: 'Further contact to support staff',
      steps: [
        step('adviser', 'Schools E-Safety Adviser.', { contact: 'e-safety-adviser' }),
        step('head', 'Schools Head Teacher.', { role: 'head-teacher' }),
        step('union', 'The member of staff may also wish to take advice from their union.'),
      ],
      next: 'end',
    },
    end: {
      kind: 'end',
      outcome:
        'Recorded in the E-Safety Incident Log with its evidence; the steps for the instigator taken and the member of staff offered support.',
    },
  },
};
