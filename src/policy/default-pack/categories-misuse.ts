/**
 * Incident categories for misuse of school ICT, commerce risks and data security: Whiston's
 * and ODST's lists of unacceptable activities, Belmont's commerce risks, and the security
 * incidents Gracefield and Holywell send to the DPO. Data-security incidents the seeds do
 * not place in the four Cs have `risk: null` rather than an invented placement.
 */
import type { Category } from '../pack-schema.ts';
import { DATED, src } from './build.ts';

const FOUR_CS = src('belmont', 'Rationale: the main areas of risk (lines 79-108)', DATED.belmont);
const WHISTON_LISTS = src(
  'whiston',
  'Dealing with eSafety incidents: unacceptable activities (lines 438-465)',
  DATED.whiston,
);
const ODST_LISTS = src(
  'odst',
  '12. Unsuitable / inappropriate activities; 13. Sanctions (lines 406-456)',
  DATED.odst,
);
const GRACEFIELD_REPORTING = src('gracefield', 'Incident Reporting (lines 51-52, 286-288)');
const HOLYWELL_REPORTING = src('holywell', 'Incident reporting (lines 111-113)', DATED.holywell);

export const misuseCategories: Category[] = [
  {
    id: 'account-misuse',
    label: 'Using another person’s account, password or files',
    risk: 'conduct',
    description:
      'Using another person’s user name and password (Gracefield). Sharing a username and password with others, accessing school ICT systems with someone else’s username and password, deliberately opening, altering or deleting files belonging to someone else (Whiston). Attempting to access the school network using another pupil’s account or the account of a member of staff (ODST).',
    source: src(
      'gracefield',
      'Managing an E-Safety Incident Flowchart: "Incident could be" (lines 781-785)',
    ),
    alsoFrom: [WHISTON_LISTS, ODST_LISTS],
    flowchart: 'gracefield-managing',
    flags: [],
  },
  {
    id: 'non-educational-use',
    label: 'Non-educational use in lessons (games, social networks, chat, shopping)',
    risk: 'conduct',
    description:
      'Accessing websites which are against school policy e.g. games, social networks (Gracefield). Accessing social networking sites, chat sites, instant messaging, email or a mobile phone for personal use, or non-educational websites (e.g. gaming or shopping), during lesson time (Whiston). Unauthorised use of non-educational sites during lessons, of social media/messaging apps or personal email (ODST).',
    source: WHISTON_LISTS,
    alsoFrom: [ODST_LISTS],
    flowchart: 'gracefield-managing',
    flags: [],
  },
  {
    id: 'personal-device-misuse',
    label: 'Misuse of mobile phones or personal devices',
    risk: 'conduct',
    description:
      'Inappropriate use of personal technologies (e.g. mobile phones) at school or in lessons (Whiston). Unauthorised use of mobile phone, digital camera and/or other mobile device (ODST).',
    source: WHISTON_LISTS,
    alsoFrom: [ODST_LISTS],
    flowchart: 'whiston-incidents',
    flags: [],
  },
  {
    id: 'filter-circumvention',
    label: 'Attempting to bypass filtering or security',
    risk: 'conduct',
    description:
      'Attempting to circumvent school filtering, monitoring or other security systems (Whiston). Using systems, applications, websites or other mechanisms that bypass the filtering or other safeguards employed by the school (ODST).',
    source: WHISTON_LISTS,
    alsoFrom: [ODST_LISTS],
    flowchart: 'whiston-incidents',
    flags: [],
  },
  {
    id: 'copyright-file-sharing',
    label: 'Copyright infringement or illegal file sharing',
    risk: 'conduct',
    description:
      'Copyright (little care or consideration for intellectual property and ownership) (Belmont). Sharing files which are not legitimately obtained e.g. music files from a file sharing site; infringing copyright or failing to acknowledge ownership (Whiston). Infringing copyright; file sharing (ODST).',
    source: FOUR_CS,
    alsoFrom: [WHISTON_LISTS, ODST_LISTS],
    flowchart: 'whiston-incidents',
    flags: [],
  },
  {
    id: 'misuse-of-it-by-adult',
    label: 'Misuse of school IT by an adult',
    risk: 'conduct',
    description:
      'An adult uses school IT equipment inappropriately, or an inappropriate website is accessed intentionally by a staff member (Belmont). Any concern about staff misuse is referred directly to the Headteacher unless the concern is about the Headteacher, in which case it is referred to the Deputy CEO (Academies) and the LADO (Belmont).',
    source: src('belmont', 'A5 Guidance: What we do if? (lines 628-651)', DATED.belmont),
    alsoFrom: [
      src('belmont', 'Handling Incidents (line 162)', DATED.belmont),
      GRACEFIELD_REPORTING,
    ],
    flowchart: 'belmont-handling',
    scenarios: ['belmont-adult-misuse', 'belmont-site-intentional-staff'],
    flags: ['staffInvolved'],
  },
  {
    id: 'online-gambling',
    label: 'Online gambling',
    risk: 'commerce',
    description:
      'Online gambling (Belmont, commerce risks; ODST). On-line gambling or gaming is not allowed (Gracefield).',
    source: FOUR_CS,
    alsoFrom: [ODST_LISTS, src('gracefield', 'Internet Use (line 311)')],
    flowchart: 'gracefield-managing',
    flags: [],
  },
  {
    id: 'scams-advertising',
    label: 'Financial scams, inappropriate advertising or chain messages',
    risk: 'commerce',
    description:
      'Inappropriate advertising; financial scams (Belmont, commerce risks). Circulation of commercial, advertising or "chain" emails or messages (Whiston). On-line shopping/commerce on school equipment (ODST).',
    source: FOUR_CS,
    alsoFrom: [WHISTON_LISTS, ODST_LISTS],
    flowchart: 'gracefield-managing',
    flags: [],
  },
  {
    id: 'phishing-unsolicited-email',
    label: 'Phishing or unsolicited e-mail',
    risk: 'commerce',
    description:
      'Phishing (Belmont, commerce risks). Unsolicited emails must be reported to the Data Protection Officer (Gracefield) / the relevant responsible person (Holywell). Never open attachments from an untrusted source.',
    source: FOUR_CS,
    alsoFrom: [GRACEFIELD_REPORTING, HOLYWELL_REPORTING],
    flowchart: 'data-breach',
    flags: ['dataBreach'],
  },
  {
    id: 'password-compromise',
    label: 'Password or account compromised',
    risk: 'contact',
    description:
      'Being victim of social or commercial identity theft, including passwords (Belmont). If you are aware of a breach of security with your password or account inform the Data Protection Officer immediately (Gracefield); report it to your ICT support team (Holywell).',
    source: FOUR_CS,
    alsoFrom: [
      src('gracefield', 'Passwords and Password Security (line 360)'),
      src('holywell', '10. Passwords (lines 366-371)', DATED.holywell),
    ],
    flowchart: 'data-breach',
    scenarios: ['holywell-password-compromise'],
    flags: ['dataBreach'],
  },
  {
    id: 'virus',
    label: 'Virus or malware',
    risk: null,
    description:
      'Virus notifications must be reported (Gracefield, Holywell). If you suspect there may be a virus on any school ICT equipment, stop using the equipment and contact your ICT support provider immediately. Creating or propagating computer viruses or other harmful files is not permitted (ODST).',
    source: GRACEFIELD_REPORTING,
    alsoFrom: [src('holywell', '4. Computer viruses (lines 115-121)', DATED.holywell), ODST_LISTS],
    flowchart: 'data-breach',
    scenarios: ['gracefield-virus'],
    flags: ['dataBreach'],
  },
  {
    id: 'security-breach',
    label: 'Security breach or attempted breach',
    risk: null,
    description:
      'Any security breaches or attempts, and any unauthorised use or suspected misuse of ICT, must be immediately reported to the Data Protection Officer (Gracefield, Holywell). Incidents which create a risk to the security of the school network, or an information security risk, are referred to the eSafety Lead and technical support (Whiston).',
    source: GRACEFIELD_REPORTING,
    alsoFrom: [
      HOLYWELL_REPORTING,
      src('whiston', 'Dealing with eSafety incidents (line 421)', DATED.whiston),
    ],
    flowchart: 'data-breach',
    flags: ['dataBreach'],
  },
  {
    id: 'lost-stolen-device-or-data',
    label: 'Lost or stolen device or data',
    risk: null,
    description:
      'Loss of equipment; lost/stolen equipment or data (including remote access Secure ID tokens and PINs) must be reported to the Data Protection Officer (Gracefield, Holywell). Any equipment where personal data is likely to be stored must be encrypted (Gracefield).',
    source: GRACEFIELD_REPORTING,
    alsoFrom: [HOLYWELL_REPORTING],
    flowchart: 'data-breach',
    flags: ['dataBreach'],
  },
  {
    id: 'data-sent-insecurely',
    label: 'Personal data sent, stored or taken off site insecurely',
    risk: null,
    description:
      'Transferring sensitive data insecurely or infringing the conditions of the Data Protection Act (Whiston). Personal or sensitive data taken off site must be encrypted (Gracefield). Revealing or publicising confidential or proprietary information (ODST).',
    source: WHISTON_LISTS,
    alsoFrom: [
      src('gracefield', 'Staff and Visitor Acceptable Use Agreement (line 109)'),
      ODST_LISTS,
    ],
    flowchart: 'data-breach',
    flags: ['dataBreach'],
  },
  {
    id: 'other',
    label: 'Other online-safety or data-security concern',
    risk: null,
    description:
      'Any suspected online risk or infringement is reported to the Designated Safeguarding Lead on that day (Belmont).',
    source: src('belmont', 'Handling Incidents (line 160)', DATED.belmont),
    flowchart: 'belmont-handling',
    scenarios: ['gracefield-bomb-threat'],
    flags: [],
  },
];
