/**
 * Incident categories for online-safety incidents: Belmont's four Cs of risk (seed 002,
 * lines 79-108) refined by the incident types the seeds name, including Whiston's lists of
 * unacceptable activities (seed 001, lines 438-465) and ODST's unsuitable activities and
 * sanctions list (seed 003, lines 406-456). Each description quotes the seeds it comes from.
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
const GRACEFIELD_CHART = src(
  'gracefield',
  'Managing an E-Safety Incident Flowchart: "Incident could be" (lines 781-785)',
);
const BELMONT_A5 = src('belmont', 'A5 Guidance: What we do if? (lines 616-699)', DATED.belmont);

export const onlineCategories: Category[] = [
  {
    id: 'inappropriate-site-accidental',
    label: 'Inappropriate website or material accessed accidentally',
    risk: 'content',
    description:
      'Exposure to inappropriate content (Belmont). An inappropriate website is accessed unintentionally in school by a teacher or child (Belmont). Accidental access must be immediately reported to the E-Safety Coordinator (Gracefield); accessing inappropriate or illegal content accidentally and failing to report this is likely to result in disciplinary action (Whiston).',
    source: BELMONT_A5,
    alsoFrom: [FOUR_CS, src('gracefield', 'Inappropriate Material (lines 290-293)'), WHISTON_LISTS],
    flowchart: 'gracefield-managing',
    scenarios: ['belmont-site-unintentional', 'gracefield-inappropriate-material'],
    flags: [],
  },
  {
    id: 'inappropriate-site-deliberate',
    label: 'Inappropriate website or material accessed deliberately',
    risk: 'content',
    description:
      'An inappropriate website is accessed intentionally by a child or a staff member (Belmont). "Accessing inappropriate or illegal content deliberately" is always unacceptable and possibly illegal (Whiston); "deliberately accessing or trying to access offensive or pornographic material" (ODST). Responding to incidents of misuse starts by asking whether anything illegal is suspected (ODST).',
    source: BELMONT_A5,
    alsoFrom: [
      WHISTON_LISTS,
      ODST_LISTS,
      src('gracefield', 'Inappropriate Material (lines 290-293)'),
    ],
    // ODST's procedure asks first about child abuse images or other illegal activity, then
    // investigates the sites visited with two reviewers on a designated computer.
    flowchart: 'odst-misuse',
    scenarios: [
      'belmont-site-intentional-child',
      'belmont-site-intentional-staff',
      'gracefield-inappropriate-material',
    ],
    flags: [],
  },
  {
    id: 'suspected-illegal-material',
    label: 'Suspected illegal material (e.g. indecent images of children)',
    risk: 'content',
    description:
      'Illegal means something against the law such as downloading child pornography or passing onto others images or video containing child pornography (Gracefield); accessing child abuse images is illegal (ODST). Save ALL evidence but DO NOT view or copy: let the Police review the evidence (Gracefield). Suspected illegal material is referred to the Police and Internet Watch Foundation (Belmont).',
    source: src(
      'gracefield',
      'Flowchart: decisions related to an illegal E-Safety Incident (lines 713-757)',
    ),
    alsoFrom: [ODST_LISTS, src('belmont', 'Incident Management (lines 242-252)', DATED.belmont)],
    flowchart: 'gracefield-illegal',
    flags: ['suspectedIllegal'],
  },
  {
    id: 'hate-content',
    label: 'Hate content or criminally racist material',
    risk: 'content',
    description:
      'Hate content (Belmont). Inciting racial or religious hatred is illegal (Gracefield); distributing racist material is illegal (ODST); deliberately accessing, downloading and disseminating material deemed offensive, obscene, defamatory, racist, homophobic or violent is always unacceptable (Whiston).',
    source: FOUR_CS,
    alsoFrom: [
      src('gracefield', 'Flowchart: illegal incident (lines 721-726)'),
      ODST_LISTS,
      WHISTON_LISTS,
    ],
    flowchart: 'gracefield-illegal',
    flags: [],
  },
  {
    id: 'harmful-lifestyle-content',
    label: 'Content promoting harmful behaviours',
    risk: 'content',
    description: 'Lifestyle websites promoting harmful behaviours (Belmont, content risks).',
    source: FOUR_CS,
    flowchart: 'belmont-handling',
    flags: [],
  },
  {
    id: 'age-inappropriate-games-apps',
    label: 'Age-inappropriate games, apps or social media',
    risk: 'content',
    description:
      'A child is playing computer games that are inappropriate or certificated beyond the age of the child (Belmont). Services such as Facebook and Instagram have a 13+ age rating which should not be ignored (Gracefield).',
    source: BELMONT_A5,
    alsoFrom: [src('gracefield', 'Managing Other Online Technologies (line 334)')],
    flowchart: 'belmont-handling',
    scenarios: ['belmont-inappropriate-games'],
    flags: [],
  },
  {
    id: 'offensive-email',
    label: 'Offensive or upsetting e-mail or message received',
    risk: 'content',
    description:
      'Pupils must immediately tell a teacher/trusted adult if they receive an offensive or upsetting e-mail; staff must inform the Head Teacher (Gracefield). The Police will be contacted if a member of staff or a pupil receives an e-mail that is particularly disturbing, harassing or breaks the law (Belmont).',
    source: src('gracefield', 'Managing E-Mail (lines 222-223)'),
    alsoFrom: [src('belmont', 'E-mail (line 312)', DATED.belmont)],
    flowchart: 'belmont-handling',
    scenarios: ['gracefield-offensive-email'],
    flags: [],
  },
  {
    id: 'inappropriate-contact-grooming',
    label: 'Inappropriate contact or suspected grooming',
    risk: 'contact',
    description:
      'Being groomed (sexual exploitation, radicalisation etc.) (Belmont). Someone is using communication technologies (such as social networking sites or gaming) to make inappropriate contact with a child (Belmont). Incidents of grooming behaviour are reported to the police (ODST).',
    source: FOUR_CS,
    alsoFrom: [
      BELMONT_A5,
      src('odst', 'Responding to incidents of misuse, 12.7 (lines 435-440)', DATED.odst),
    ],
    flowchart: 'gracefield-illegal',
    scenarios: ['belmont-inappropriate-contact'],
    flags: [],
  },
  {
    id: 'radicalisation-extremism',
    label: 'Radicalisation or extremist material',
    risk: 'contact',
    description:
      'Being groomed (... radicalisation) (Belmont); children are to be kept safe from terrorist and extremist material (Belmont, filtering); the DSL understands the Prevent Duty on protecting children at risk of radicalisation (Whiston). Belmont names the Prevent Officer among the agencies it seeks support from.',
    source: FOUR_CS,
    alsoFrom: [
      src(
        'whiston',
        'Responsibilities of the Child Protection Designated Lead (line 185)',
        DATED.whiston,
      ),
    ],
    flowchart: 'belmont-handling',
    flags: [],
  },
  {
    id: 'staff-inappropriate-communication',
    label: 'Staff communicating with pupils inappropriately',
    risk: 'contact',
    description:
      'Staff using digital communications to communicate with pupils in an inappropriate manner (for instance, using personal email accounts, personal mobile phones, or inappropriate communication via social networking sites): always unacceptable (Whiston).',
    source: WHISTON_LISTS,
    alsoFrom: [src('gracefield', 'Personal Mobile Devices (line 453)')],
    flowchart: 'gracefield-managing',
    flags: ['staffInvolved'],
  },
  {
    id: 'cyberbullying',
    label: 'Cyberbullying or online harassment',
    risk: 'conduct',
    description:
      'Aggressive behaviours (bullying); being bullied online (Belmont). Using the technology to upset or bully (in extreme cases could be illegal) (Gracefield). Instances of cyber bullying are dealt with using the anti-bullying procedures (Whiston); continuing to send or post harassment or bullying material after being warned is always unacceptable (Whiston).',
    source: FOUR_CS,
    alsoFrom: [BELMONT_A5, GRACEFIELD_CHART, WHISTON_LISTS],
    flowchart: 'gracefield-managing',
    scenarios: ['belmont-bullying'],
    flags: [],
  },
  {
    id: 'sexual-harassment-online',
    label: 'Online sexual harassment (including child-on-child)',
    risk: 'conduct',
    description:
      'Aggressive behaviours (bullying) and sexual harassment; online abuse including child on child sexual harassment (Belmont).',
    source: FOUR_CS,
    flowchart: 'belmont-handling',
    flags: [],
  },
  {
    id: 'sexting-youth-produced-imagery',
    label: 'Sexting / youth-produced sexual imagery',
    risk: 'conduct',
    description:
      'Sexting – Youth Produced Sexual Imagery (Belmont). It is an offence to take, make, possess, show or distribute indecent images of children; a child for these purposes is anyone under the age of 18 (Gracefield, Protection of Children Act 1978). Save ALL evidence but DO NOT view or copy: let the Police review the evidence (Gracefield).',
    source: FOUR_CS,
    alsoFrom: [
      src(
        'gracefield',
        'Other Acts Relating to E-Safety: Protection of Children Act 1978 (line 585)',
      ),
    ],
    flowchart: 'gracefield-illegal',
    flags: ['suspectedIllegal'],
  },
  {
    id: 'malicious-posts',
    label: 'Malicious or threatening posts about a member of the school community',
    risk: 'conduct',
    description:
      'Malicious or threatening comments are posted on an Internet site (such as social networking) about a member of the school community, including pupils and staff (Belmont). Material published in a social context which is harmful to, or harassment of, a member of the school community is a breach of school discipline (Whiston).',
    source: BELMONT_A5,
    alsoFrom: [
      src('whiston', 'Online material published outside the school (line 345)', DATED.whiston),
    ],
    flowchart: 'gracefield-staff-victims',
    scenarios: ['belmont-malicious-comments'],
    flags: [],
  },
  {
    id: 'parent-posts-about-school',
    label: 'Inflammatory posts by parents about the school',
    risk: 'conduct',
    description:
      'Social network posts and pages created by parents about the school that are inflammatory and disruptive (Belmont); parents/carers as instigators (Gracefield).',
    source: BELMONT_A5,
    alsoFrom: [
      src(
        'gracefield',
        'Flowchart: staff as victims, parents/carers as instigators (lines 852-862)',
      ),
    ],
    flowchart: 'gracefield-staff-victims',
    scenarios: ['belmont-parent-posts'],
    flags: [],
  },
  {
    id: 'privacy-personal-information',
    label: 'Personal information or images of others shared without permission',
    risk: 'conduct',
    description:
      'Privacy issues, including disclosure of personal information; digital footprint and online reputation (Belmont). Revealing the personal information (including digital images, videos and text) of others by electronic means without permission (Whiston).',
    source: FOUR_CS,
    alsoFrom: [WHISTON_LISTS],
    flowchart: 'gracefield-managing',
    flags: [],
  },
  {
    id: 'unauthorised-recording',
    label: 'Unauthorised photos, video or sound recording',
    risk: 'conduct',
    description:
      'Using a mobile phone to take video during a lesson (Gracefield). Unauthorised or secret use of a mobile phone or other electronic device to record voice, pictures or video is forbidden (Whiston).',
    source: GRACEFIELD_CHART,
    alsoFrom: [src('whiston', 'Using mobile phones (line 369)', DATED.whiston)],
    flowchart: 'gracefield-managing',
    flags: [],
  },
];
