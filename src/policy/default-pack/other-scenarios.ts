/**
 * The shorter procedures Gracefield (seed 000) and Holywell (seed 004) give outside their
 * flowcharts: inappropriate material found, an offensive e-mail, a suspected virus, a
 * compromised password and a telephoned bomb threat. Each is a "what we do if" guide in the
 * seed's words.
 */
import type { Scenario } from '../pack-schema.ts';
import { DATED, numberSteps, src } from './build.ts';

export const otherScenarios: Scenario[] = [
  {
    id: 'gracefield-inappropriate-material',
    title: 'Staff or pupils discover an unsuitable site or inappropriate material.',
    source: src('gracefield', 'Inappropriate Material; Infrastructure (lines 290-293, 320)'),
    steps: numberSteps([
      { text: 'The screen must be switched off/closed.', mandatory: true },
      {
        text: 'Report the incident immediately to the E-Safety Coordinator or Head Teacher as appropriate. Accidental access to inappropriate materials must be immediately reported to the E-Safety Coordinator.',
        role: 'e-safety-coordinator',
        mandatory: true,
      },
      'Deliberate access to inappropriate materials by any user will lead to the incident being logged by the relevant responsible person, and an investigation by the Head Teacher.',
      'Depending on the seriousness of the offence, sanctions could include immediate suspension, possibly leading to dismissal and involvement of police for very serious offences (see the flowchart for illegal incidents).',
    ]),
    contacts: [],
    categories: ['inappropriate-site-accidental', 'inappropriate-site-deliberate'],
  },
  {
    id: 'gracefield-offensive-email',
    title: 'An offensive or upsetting e-mail is received.',
    source: src('gracefield', 'Managing E-Mail (lines 222-223)'),
    alsoFrom: [src('holywell', '7. E-mail: Managing email (lines 265-266)', DATED.holywell)],
    steps: numberSteps([
      'Pupils must immediately tell a teacher/trusted adult if they receive an offensive or upsetting e-mail.',
      {
        text: 'Staff must inform the Head Teacher if they receive an offensive e-mail (Holywell: the eSafety co-ordinator or line manager).',
        role: 'head-teacher',
      },
    ]),
    contacts: [],
    categories: ['offensive-email'],
  },
  {
    id: 'gracefield-virus',
    title: 'You suspect there may be a virus on any school ICT equipment.',
    source: src('gracefield', 'Computer Viruses; Infrastructure (lines 125-129, 321)'),
    alsoFrom: [
      src('holywell', '4. Computer viruses; Infrastructure (lines 115-121, 333)', DATED.holywell),
    ],
    steps: numberSteps([
      { text: 'Stop using the equipment.', mandatory: true },
      {
        text: 'Contact the office immediately (Holywell: your ICT support provider). They will seek ICT support provider advice and will advise you what actions to take and be responsible for advising others that need to know.',
        contact: 'ict-support',
        mandatory: true,
      },
      'For any issues related to viruses or anti-virus software, the network manager should be informed (Holywell: through the ICT log that is saved on the Staff Drive).',
      'Never interfere with any anti-virus software installed on school ICT equipment.',
    ]),
    contacts: ['ict-support'],
    categories: ['virus'],
  },
  {
    id: 'holywell-password-compromise',
    title: 'A password or account may have been compromised.',
    source: src('holywell', '10. Passwords and password security (lines 358-371)', DATED.holywell),
    alsoFrom: [src('gracefield', 'Passwords and Password Security (lines 352-362)')],
    steps: numberSteps([
      {
        text: 'If you are aware of a breach of security with your password or account inform the named ICT contact immediately (Gracefield: the Data Protection Officer).',
        role: 'dpo',
        mandatory: true,
      },
      {
        text: 'If you think your password may have been compromised or someone else has become aware of your password report this to your ICT support team.',
        contact: 'ict-support',
      },
      {
        text: 'Change passwords whenever there is any indication of possible system or password compromise.',
        mandatory: true,
      },
      'Ensure that all personal passwords that have been disclosed are changed once the requirement is finished.',
    ]),
    contacts: ['ict-support'],
    categories: ['password-compromise'],
  },
  {
    id: 'gracefield-bomb-threat',
    title: 'A telephone call containing a bomb threat is received.',
    source: src('gracefield', 'Telephone Services (line 475)'),
    alsoFrom: [src('holywell', '17. Telephone services (line 599)', DATED.holywell)],
    steps: numberSteps([
      'Make a note of as much information as possible.',
      { text: 'Inform the senior member of staff.', role: 'head-teacher', mandatory: true },
      'Take appropriate action to ensure the safety of everyone.',
    ]),
    contacts: [],
    categories: ['other'],
    notes: [
      'Follow the appropriate procedures in the event of receiving a telephone call containing a bomb threat. These procedures should be made readily available throughout your office (Holywell).',
    ],
  },
];
