/**
 * ODST's "Responding to incidents of misuse" (seed 003, sections 12.4-12.8, lines 421-442):
 * suspected illegal activity goes to the police at once; otherwise two or more senior
 * reviewers investigate on a designated computer, record each URL and the reason for
 * concern, halt and call the police if child abuse images appear, and isolate the device.
 * Every path ends by completing the Appendix G record form. (The Appendix F flowchart itself
 * is an image that the text of the seed does not contain.)
 */
import type { Flowchart } from '../pack-schema.ts';
import { DATED, src, step } from './build.ts';

const ISOLATE =
  'Isolate the computer in question as best you can. Any change to its state may hinder a later police investigation.';

export const odstMisuse: Flowchart = {
  id: 'odst-misuse',
  title: 'Responding to incidents of misuse',
  for: 'Senior leaders and governors',
  description:
    'For use when staff need to manage incidents that involve the use of online services. Incidents might involve illegal or inappropriate activities.',
  source: src(
    'odst',
    '12. Responding to incidents of misuse, 12.4-12.8 (lines 421-442)',
    DATED.odst,
  ),
  alsoFrom: [
    src(
      'odst',
      'Appendix F: Responding to incidents of misuse – flow chart (image, not in the text)',
    ),
  ],
  start: 'suspicion',
  nodes: {
    suspicion: {
      kind: 'question',
      text: 'Is there any suspicion that the web site(s) concerned may contain child abuse images, or is there any other suspected illegal activity?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'illegal' },
        { id: 'no', label: 'No', next: 'set-up', requiresReason: true },
      ],
    },
    illegal: {
      kind: 'action',
      title: 'Illegal incidents',
      help: 'Refer to the right-hand side of the flowchart in Appendix F for responding to online safety incidents.',
      steps: [
        step('report-police', 'Report immediately to the police.', {
          contact: 'police',
          mandatory: true,
        }),
        step('isolate-illegal', ISOLATE, { mandatory: true }),
      ],
      next: 'record',
    },
    'set-up': {
      kind: 'action',
      title: 'Other incidents: take all the steps in this procedure',
      steps: [
        step(
          'two-reviewers',
          'Have more than one senior member of staff and/or governor involved in this process. This is vital to protect individuals if accusations are subsequently reported.',
          { mandatory: true },
        ),
        step(
          'designated-computer',
          'Conduct the investigation using a designated computer that will not be used by young people and if necessary can be taken off site by the police should the need arise. Use the same computer for the duration of the procedure.',
          { mandatory: true },
        ),
        step(
          'record-urls',
          'Ensure during the investigation that the sites and content visited are closely monitored and recorded (to provide further protection); record the URL of any site containing the alleged misuse and describe the nature of the content causing concern.',
          { mandatory: true, form: 'odst-misuse-record' },
        ),
        step(
          'screenshots',
          'It may be necessary to record and store screenshots of the content on the machine being used for investigation. These may be printed, signed and attached to the record (except in the case of images of child sexual abuse).',
        ),
        step('isolate', ISOLATE, { mandatory: true }),
      ],
      next: 'abuse-images',
    },
    'abuse-images': {
      kind: 'question',
      text: 'Does the content being reviewed include images of child abuse?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'halt' },
        { id: 'no', label: 'No', next: 'other-police' },
      ],
    },
    halt: {
      kind: 'action',
      title: 'Images of child abuse',
      steps: [
        step('halt-monitoring', 'Halt the monitoring and refer to the Police immediately.', {
          contact: 'police',
          mandatory: true,
        }),
        step(
          'no-screenshots',
          'Do not record, store or print screenshots of images of child sexual abuse.',
          { mandatory: true },
        ),
      ],
      next: 'record',
    },
    'other-police': {
      kind: 'question',
      text: 'Does it include other instances to report to the police: incidents of ‘grooming’ behaviour; the sending of obscene materials to a child; adult material which potentially breaches the Obscene Publications Act; criminally racist material; other criminal conduct, activity or materials?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'report-other' },
        { id: 'no', label: 'No', next: 'substance', requiresReason: true },
      ],
    },
    'report-other': {
      kind: 'action',
      title: 'Report to the police',
      steps: [
        step('police-other', 'Report the incident to the police.', {
          contact: 'police',
          mandatory: true,
        }),
      ],
      next: 'record',
    },
    substance: {
      kind: 'question',
      text: 'Once this has been completed and fully investigated: does this concern have substance?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'respond' },
        { id: 'no', label: 'No', next: 'record', requiresReason: true },
      ],
    },
    respond: {
      kind: 'action',
      title: 'Appropriate action is required',
      help: 'Appropriate action could include the following.',
      steps: [
        step('internal', 'Internal response or discipline procedures.'),
        step(
          'odst-officers',
          'Involvement of ODST officers or national/local organisations (as relevant).',
          { contact: 'trust-officers' },
        ),
        step('police-action', 'Police involvement and/or action.', { contact: 'police' }),
      ],
      next: 'record',
    },
    record: {
      kind: 'action',
      title: 'Complete the record form',
      help: 'These steps provide an evidence trail for the school and possibly the police, and demonstrate that visits to these sites were carried out for child protection purposes.',
      steps: [
        step(
          'record-form',
          'Complete the record form (Appendix G). The completed form should be retained by the investigating panel for evidence and reference purposes.',
          { form: 'odst-misuse-record', mandatory: true },
        ),
        step('reporting-log', 'Enter the incident in the Reporting Log.', {
          form: 'odst-reporting-log',
        }),
      ],
      next: 'end',
    },
    end: {
      kind: 'end',
      outcome:
        'Investigated, recorded on the Appendix G form and retained by the investigating panel.',
    },
  },
};
