/**
 * Security incidents and personal-data breaches (Gracefield, seed 000 lines 51-52, 125-129,
 * 286-288, 360; Holywell, seed 004 lines 111-121, 366-371): every breach, attempt, loss,
 * virus, unsolicited e-mail or misuse goes to the DPO at once. Where personal data may have
 * been lost or disclosed, reaching the breach node starts the reporting clock (its length is
 * `settings.dataBreachReportingHours`), and the DPO's decision to report to the ICO or not is
 * recorded; not reporting needs a reason. The seeds say only that the DPO "has a mandatory
 * window in which to comply within GDPR", so the wording here adds no legal advice of its own.
 */
import type { Flowchart } from '../pack-schema.ts';
import { DATED, src, step } from './build.ts';

export const dataBreach: Flowchart = {
  id: 'data-breach',
  title: 'Security incidents and personal-data breaches',
  for: 'All staff; the Data Protection Officer',
  source: src('gracefield', 'Incident Reporting (lines 51-52 and 286-288)'),
  alsoFrom: [
    src('holywell', 'Incident reporting; 4. Computer viruses (lines 111-121)', DATED.holywell),
    src('holywell', '10. Passwords (lines 366-371)', DATED.holywell),
    src('gracefield', 'Computer Viruses; Passwords and Password Security (lines 125-129, 360)'),
  ],
  start: 'report',
  nodes: {
    report: {
      kind: 'action',
      title: 'Report it immediately',
      steps: [
        step(
          'report-dpo',
          'Any security breaches or attempts, loss of equipment and any unauthorised use or suspected misuse of ICT must be immediately reported to the school’s relevant responsible person (Data Protection Officer).',
          { role: 'dpo', mandatory: true },
        ),
        step(
          'dpo-absent',
          'In the absence of the Data Protection Officer issues can be logged with the Head Teacher, Administrator and Compliance Officer.',
          { role: 'head-teacher' },
        ),
      ],
      next: 'kind',
    },
    kind: {
      kind: 'question',
      text: 'What happened?',
      help: 'All security breaches, lost/stolen equipment or data (including remote access Secure ID tokens and PINs), virus notifications, unsolicited emails, misuse or unauthorised use of ICT and all other policy non-compliance must be reported.',
      answers: [
        { id: 'virus', label: 'A virus is suspected or was notified', next: 'virus' },
        { id: 'password', label: 'A password or account may be compromised', next: 'password' },
        { id: 'lost', label: 'Equipment or data was lost or stolen', next: 'lost' },
        { id: 'email', label: 'An unsolicited or suspicious e-mail was received', next: 'email' },
        {
          id: 'other',
          label: 'Another security breach, attempt or misuse of ICT',
          next: 'personal-data',
        },
      ],
    },
    virus: {
      kind: 'action',
      title: 'A virus on school ICT equipment',
      steps: [
        step('stop-using', 'Stop using the equipment.', { mandatory: true }),
        step(
          'contact-support',
          'Contact your ICT support provider immediately. They will advise you what actions to take and be responsible for advising others that need to know.',
          { contact: 'ict-support', mandatory: true },
        ),
      ],
      next: 'personal-data',
    },
    password: {
      kind: 'action',
      title: 'A password or account may be compromised',
      steps: [
        step(
          'tell-dpo',
          'If you are aware of a breach of security with your password or account inform the Data Protection Officer immediately.',
          { role: 'dpo', mandatory: true },
        ),
        step(
          'tell-support',
          'If you think your password may have been compromised or someone else has become aware of your password report this to your ICT support team.',
          { contact: 'ict-support' },
        ),
        step(
          'change-password',
          'Change passwords whenever there is any indication of possible system or password compromise.',
          { mandatory: true },
        ),
      ],
      next: 'personal-data',
    },
    lost: {
      kind: 'action',
      title: 'Lost or stolen equipment or data',
      steps: [
        step(
          'describe-loss',
          'Record what was lost (equipment, data, remote access Secure ID tokens or PINs), when and where, and whether it was encrypted.',
          { mandatory: true },
        ),
      ],
      next: 'personal-data',
    },
    email: {
      kind: 'action',
      title: 'Unsolicited or suspicious e-mail',
      steps: [
        step(
          'do-not-open',
          'Never open attachments from an untrusted source; consult your network manager first.',
          { contact: 'ict-support', mandatory: true },
        ),
      ],
      next: 'personal-data',
    },
    'personal-data': {
      kind: 'question',
      text: 'Has personal data been, or may it have been, lost, disclosed or accessed without authority?',
      answers: [
        { id: 'yes', label: 'Yes, or it may have been', next: 'breach' },
        {
          id: 'no',
          label: 'No personal data is involved',
          next: 'end-no-personal-data',
          requiresReason: true,
        },
      ],
    },
    breach: {
      kind: 'action',
      title: 'A personal-data breach',
      clock: 'data-breach-reporting',
      help: 'The Data Protection Officer has a mandatory window in which to comply within GDPR. The clock on this incident runs from when the school became aware of the breach.',
      steps: [
        step('aware-time', 'Record when the school became aware of the breach.', {
          role: 'dpo',
          mandatory: true,
        }),
        step(
          'dpo-assess',
          'The Data Protection Officer assesses the breach and decides whether to report it to the ICO.',
          {
            role: 'dpo',
            mandatory: true,
          },
        ),
      ],
      next: 'decide',
    },
    decide: {
      kind: 'question',
      text: 'The DPO’s decision: report this breach to the Information Commissioner’s Office (ICO)?',
      answers: [
        { id: 'report', label: 'Report to the ICO', next: 'report-ico' },
        {
          id: 'do-not-report',
          label: 'Do not report',
          next: 'end-not-reported',
          requiresReason: true,
        },
      ],
    },
    'report-ico': {
      kind: 'action',
      title: 'Report to the ICO',
      steps: [
        step(
          'ico',
          'Report the breach to the ICO within the reporting window shown on this incident.',
          {
            contact: 'ico',
            role: 'dpo',
            mandatory: true,
          },
        ),
        step('ico-reference', 'Record when it was reported and the ICO’s reference.', {
          mandatory: true,
        }),
      ],
      next: 'end-reported',
    },
    'end-no-personal-data': {
      kind: 'end',
      outcome: 'Reported to the DPO and logged; no personal data involved.',
    },
    'end-reported': {
      kind: 'end',
      outcome: 'Reported to the DPO and logged; the personal-data breach reported to the ICO.',
    },
    'end-not-reported': {
      kind: 'end',
      outcome:
        'Reported to the DPO and logged; the DPO decided not to report the breach to the ICO, for the reason recorded.',
    },
  },
};
