/**
 * Belmont's "Guidance: What we do if?" (seed 002, appendix A5, lines 616-699): the nine
 * incident scenarios with their numbered steps, in the seed's words. Each ends with the
 * seed's closing instruction that all of them are reported immediately to the Headteacher
 * and the DSL, and carries the no-blame reporting message.
 */
import type { Scenario } from '../pack-schema.ts';
import { DATED, numberSteps, src } from './build.ts';

const section = (lines: string) =>
  src('belmont', `A5 Guidance: What we do if? (lines ${lines})`, DATED.belmont);

const REPORT_IMMEDIATELY =
  'All of the above incidences must be reported immediately to the Headteacher and Designated Safeguarding Lead.';
const NO_BLAME =
  'Children should be confident in a no-blame culture when it comes to reporting inappropriate incidents involving the internet or mobile technology: they must be able to do this without fear.';
const NOTES = [REPORT_IMMEDIATELY, NO_BLAME];

export const belmontScenarios: Scenario[] = [
  {
    id: 'belmont-site-unintentional',
    title: 'An inappropriate website is accessed unintentionally in school by a teacher or child.',
    source: section('616-620'),
    steps: numberSteps([
      'Play the situation down; don’t make it into a drama.',
      {
        text: 'Report to the Headteacher/DSL and decide whether to inform parents of any children who viewed the site.',
        role: 'dsl',
      },
      {
        text: 'Inform the school technicians and ensure the site is filtered.',
        contact: 'ict-support',
      },
    ]),
    contacts: ['ict-support'],
    categories: ['inappropriate-site-accidental'],
    notes: NOTES,
  },
  {
    id: 'belmont-site-intentional-child',
    title: 'An inappropriate website is accessed intentionally by a child.',
    source: section('622-626'),
    steps: numberSteps([
      'Refer to the acceptable use policy that was signed by the child, and apply agreed sanctions.',
      'Notify the parents of the child.',
      {
        text: 'Inform the school technicians and ensure the site is filtered if need be.',
        contact: 'ict-support',
      },
    ]),
    contacts: ['ict-support'],
    categories: ['inappropriate-site-deliberate'],
    notes: NOTES,
  },
  {
    id: 'belmont-site-intentional-staff',
    title: 'An inappropriate website is accessed intentionally by a staff member.',
    source: section('628-635'),
    steps: numberSteps([
      { text: 'Ensure all evidence is stored and logged.', mandatory: true },
      'Refer to the acceptable use and staffing policy that was signed by the staff member, and apply disciplinary procedure.',
      { text: 'Notify Trust Board.', contact: 'trust-board' },
      {
        text: 'Inform the school technicians and ensure the site is filtered if need be.',
        contact: 'ict-support',
      },
      {
        text: 'In an extreme case where the material is of an illegal nature:',
        substeps: [
          { text: 'Contact the local police and follow their advice.', contact: 'police' },
        ],
      },
    ]),
    contacts: ['trust-board', 'ict-support', 'police'],
    categories: ['inappropriate-site-deliberate', 'misuse-of-it-by-adult'],
    notes: NOTES,
  },
  {
    id: 'belmont-adult-misuse',
    title: 'An adult uses School IT equipment inappropriately.',
    source: section('637-651'),
    steps: numberSteps([
      {
        text: 'Ensure you have a colleague with you, do not view the misuse alone.',
        mandatory: true,
      },
      {
        text: 'Report the misuse immediately to the Headteacher (or named proxy) and ensure that there is no further access to the device. Record all actions taken.',
        role: 'head-teacher',
        mandatory: true,
      },
      {
        text: 'If the material is offensive but not illegal, the Headteacher should then:',
        substeps: [
          'Remove the device to a secure place.',
          {
            text: 'Instigate an audit of all ICT equipment by the schools ICT managed service providers or technical teams to ensure there is no risk of pupils accessing inappropriate materials in the school.',
            contact: 'ict-support',
          },
          'Identify the precise details of the material.',
          'Take appropriate disciplinary action (Headteacher).',
          { text: 'Inform Trustees of the incident.', contact: 'trust-board' },
        ],
      },
      {
        text: 'In an extreme case where the material is of an illegal nature:',
        substeps: [
          { text: 'Contact the local police and follow their advice.', contact: 'police' },
          'If requested to remove the device to a secure place and document what you have done.',
        ],
      },
    ]),
    contacts: ['ict-support', 'trust-board', 'police'],
    categories: ['misuse-of-it-by-adult'],
    notes: NOTES,
  },
  {
    id: 'belmont-bullying',
    title:
      'A bullying/harassment incident directed at a child occurs through email or mobile phone technology, either inside or outside of school time.',
    source: section('653-662'),
    steps: numberSteps([
      'Advise the child not to respond to the message.',
      'Refer to relevant policies including E-safety anti-bullying and PHSE and apply appropriate sanctions.',
      {
        text: 'Secure and preserve any evidence through screenshots and printouts.',
        mandatory: true,
      },
      'Inform the sender’s e-mail service provider if known.',
      'Notify parents of all the children involved.',
      'Consider delivering a parent workshop for the school community.',
      { text: 'Inform the police if necessary.', contact: 'police' },
      {
        text: 'Inform other agencies if required (LA, Child protection).',
        contact: 'local-authority',
      },
    ]),
    contacts: ['police', 'local-authority'],
    categories: ['cyberbullying'],
    notes: NOTES,
  },
  {
    id: 'belmont-malicious-comments',
    title:
      'Malicious or threatening comments are posted on an Internet site (such as social networking) about member of the school community (including pupils and staff).',
    source: section('664-672'),
    steps: numberSteps([
      'Inform and request the comments be removed if the site is administered externally.',
      { text: 'Secure and preserve any evidence.', mandatory: true },
      { text: 'Send all the evidence to CEOP.', contact: 'ceop' },
      {
        text: 'Endeavour to trace the origin and inform police as appropriate.',
        contact: 'police',
      },
      { text: 'Inform Trust and other agencies where applicable.', contact: 'trust-board' },
    ]),
    contacts: ['ceop', 'police', 'trust-board'],
    categories: ['malicious-posts'],
    notes: [
      'The school may wish to consider delivering a parent workshop for the school community.',
      ...NOTES,
    ],
  },
  {
    id: 'belmont-inappropriate-contact',
    title:
      'You are concerned that a child’s safety is at risk because you suspect someone is using communication technologies (such as social networking sites or gaming) to make inappropriate contact with the child.',
    source: section('674-681'),
    steps: numberSteps([
      {
        text: 'Report to and discuss with the named Designated Safeguard Lead in school and contact parents.',
        role: 'dsl',
        mandatory: true,
      },
      'Advise the child on how to terminate the communication and save all evidence.',
      { text: 'Contact CEOP.', contact: 'ceop' },
      { text: 'Consider the involvement police and social services.', contact: 'police' },
      { text: 'Inform LA and other agencies.', contact: 'local-authority' },
      'Consider delivering a parent workshop for the school community.',
    ]),
    contacts: ['ceop', 'police', 'local-authority'],
    categories: ['inappropriate-contact-grooming'],
    notes: NOTES,
  },
  {
    id: 'belmont-inappropriate-games',
    title:
      'You are concerned that a child’s safety is at risk because you suspect they are playing computer games that are inappropriate or certificated beyond the age of the child.',
    source: section('683-690'),
    steps: numberSteps([
      {
        text: 'Report to and discuss with the named Designated Safeguard Lead in school and contact parents.',
        role: 'dsl',
        mandatory: true,
      },
      'Advise the child and parents on appropriate games and content.',
      {
        text: 'If the game is played within school environment, ensure that the technical team block access to the game.',
        contact: 'ict-support',
      },
      {
        text: 'Consider the involvement social services and child protection agencies.',
        contact: 'local-authority',
      },
      'Consider delivering a parent workshop for the school community.',
    ]),
    contacts: ['ict-support', 'local-authority'],
    categories: ['age-inappropriate-games-apps'],
    notes: NOTES,
  },
  {
    id: 'belmont-parent-posts',
    title:
      'You are aware of social network posts and pages created by parents about the school. While no inaccurate information is posted, it is inflammatory and disruptive and staff are finding it hard not to respond.',
    source: section('692-697'),
    steps: numberSteps([
      { text: 'Inform the Headteacher and DSL.', role: 'head-teacher', mandatory: true },
      {
        text: 'Headteacher to inform DCEO and Central Marketing team for advice and guidance.',
        contact: 'deputy-ceo',
      },
    ]),
    contacts: ['deputy-ceo', 'central-marketing'],
    categories: ['parent-posts-about-school'],
    notes: NOTES,
  },
];
