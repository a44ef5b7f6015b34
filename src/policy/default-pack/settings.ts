/**
 * The default pack's settings, key messages and retention rules. Where a seed gives a
 * number it is used and cited; the rest are the app's defaults (marked so). Retention
 * periods the seeds do not state are left null with status 'school-to-confirm': the seeds
 * quote no KCSIE retention wording, and the app does not invent one.
 */
import type { Message, RetentionRule, Settings } from '../pack-schema.ts';
import { DATED, src } from './build.ts';

export const settings: Settings = {
  // Belmont, Technical Solutions: "enforce lock-out after 10 minutes idle time" (line 386).
  idleLockMinutes: 10,
  // App default: hidden for a minute (ARCHITECTURE.md, "Encryption").
  hiddenLockSeconds: 60,
  // Gracefield: "The Data Protection Officer has a mandatory window in which to comply within
  // GDPR" (line 52); the window's length is the UK GDPR's 72 hours, editable here.
  dataBreachReportingHours: 72,
  // App default (issue 4: "warn after 24 hours unsent").
  unsentWarningHours: 24,
  // App default for deleting a trip roster after the trip ends.
  rosterRetentionDays: 7,
  // Gracefield, Protective Marking of Official Information (lines 142-150).
  protectiveMarkings: ['OFFICIAL', 'OFFICIAL-SENSITIVE'],
  protectiveMarkingDefault: 'OFFICIAL-SENSITIVE',
  // App default: 10 MiB per photo or screenshot.
  maxPhotoBytes: 10 * 1024 * 1024,
};

export const messages: Message[] = [
  {
    id: 'no-blame',
    title: 'A no-blame reporting culture',
    text: 'Children should be confident in a no-blame culture when it comes to reporting inappropriate incidents involving the internet or mobile technology: they must be able to do this without fear.',
    source: src('belmont', 'A5 Guidance: What we do if? (line 699)', DATED.belmont),
  },
  {
    id: 'dsl-same-day',
    title: 'Tell the DSL the same day',
    text: 'Any suspected online risk or infringement is reported to Designated Safeguarding Lead on that day.',
    source: src('belmont', 'Handling Incidents (line 160)', DATED.belmont),
  },
  {
    id: 'head-teacher-exception',
    title: 'Concerns about staff, and about the Headteacher',
    text: 'Any concern about staff misuse is always referred directly to the Headteacher unless the concern is about the Headteacher in which case the complaint is referred to the Deputy CEO (Academies) and the LADO (Local Authority’s Designated Officer).',
    source: src('belmont', 'Handling Incidents (line 162)', DATED.belmont),
  },
  {
    id: 'switch-off',
    title: 'Found something unpleasant?',
    text: 'Users must know to switch off their monitor or close laptop if they find something unpleasant or frightening and then talk to a member of staff or the E-Safety Coordinator.',
    source: src('gracefield', 'Flowcharts (lines 757, 841)'),
  },
  {
    id: 'illegal-material',
    title: 'Suspected illegal material',
    text: 'Save ALL evidence but DO NOT view or copy. Let the Police review the evidence. Confiscate any laptop or other device and if related to school network disable user account.',
    source: src(
      'gracefield',
      'Flowchart: decisions related to an illegal E-Safety Incident (lines 738-740)',
    ),
  },
];

export const retention: RetentionRule[] = [
  {
    id: 'default',
    scope: 'default',
    years: null,
    description:
      'Incident records and their chronology. The seed policies state no retention period for e-safety or safeguarding records: the school sets one.',
    status: 'school-to-confirm',
  },
  {
    id: 'suspected-illegal-material',
    scope: 'category',
    ref: 'suspected-illegal-material',
    years: null,
    description:
      'Records of incidents involving suspected illegal material. The material itself is not kept by the school: save ALL evidence but DO NOT view or copy, and let the Police review it (Gracefield). No period is given for the record.',
    status: 'school-to-confirm',
    source: src(
      'gracefield',
      'Flowchart: decisions related to an illegal E-Safety Incident (line 740)',
    ),
  },
  {
    id: 'misuse-record-form',
    scope: 'record-form',
    ref: 'odst-misuse-record',
    years: null,
    description:
      'The completed form should be retained by the investigating panel for evidence and reference purposes. (No period is given.)',
    status: 'school-to-confirm',
    source: src('odst', 'Responding to incidents of misuse, 12.8 (line 442)', DATED.odst),
  },
  {
    id: 'images-of-leavers',
    scope: 'other',
    ref: 'images-of-leavers',
    years: 4,
    description:
      'The school will only store images of pupils that have left the school for a maximum of 4 years following their departure for use in school activities and promotional resources.',
    status: 'from-seed',
    source: src('whiston', 'Storage of images (line 231)', DATED.whiston),
  },
  {
    id: 'images-on-staff-devices',
    scope: 'other',
    ref: 'images-on-staff-devices',
    years: 0,
    description:
      'With the express permission of the Head Teacher, images can be taken on staff devices provided they are transferred immediately and solely to the school’s network and deleted from the staff device.',
    status: 'from-seed',
    source: src('gracefield', 'Taking of Images and Film (line 394)'),
  },
  {
    id: 'leaver-accounts',
    scope: 'other',
    ref: 'leaver-accounts',
    years: 0,
    description:
      'User ID and passwords for staff and pupils who have left the school are removed from the system within one week.',
    status: 'from-seed',
    source: src('holywell', '10. Passwords (line 369)', DATED.holywell),
  },
];
