/**
 * The default pack's named roles and contacts. Names are empty and local numbers are left
 * for the school to set: only national numbers that are public and well known (999, 101,
 * Childline, the ICO and the Professionals Online Safety Helpline) are filled in. Every
 * number is editable in the pack.
 */
import type { Contact, Role } from '../pack-schema.ts';

const SET_BY_SCHOOL = 'Set by the school.';

export const roles: Role[] = [
  {
    id: 'head-teacher',
    title: 'Head Teacher',
    person: '',
    notes:
      'First point of contact for any incident (Belmont); "The Head Teacher will be the first point of contact in school on all eSafeguarding matters" (Whiston).',
  },
  { id: 'dsl', title: 'Designated Safeguarding Lead (DSL)', person: '' },
  {
    id: 'deputy-dsl',
    title: 'Deputy Designated Safeguarding Lead',
    person: '',
    deputyOf: 'dsl',
    notes: 'Add one role per deputy, each with deputyOf "dsl".',
  },
  {
    id: 'e-safety-coordinator',
    title: 'E-Safety Coordinator (eSafety Lead)',
    person: '',
  },
  {
    id: 'dpo',
    title: 'Data Protection Officer (DPO)',
    person: '',
    notes:
      'Security breaches, lost equipment and misuse of ICT are reported to the DPO; in their absence they can be logged with the Head Teacher, Administrator and Compliance Officer (Gracefield).',
  },
  { id: 'information-asset-owner', title: 'Information Asset Owner (IAO)', person: '' },
  {
    id: 'e-safety-governor',
    title: 'E-Safety Governor',
    person: '',
    notes: 'Regularly monitors the E-safety incident logs (ODST).',
  },
];

export const contacts: Contact[] = [
  { id: 'police-emergency', name: 'Police: emergency', phone: '999' },
  {
    id: 'police',
    name: 'Police: non-emergency',
    phone: '101',
    notes:
      'The national police non-emergency number; the school may set its local station instead.',
  },
  {
    id: 'police-neighbourhood',
    name: 'Local Police Neighbourhood Team (Safe Neighbourhood Officer)',
    phone: '',
    notes: `${SET_BY_SCHOOL} Gracefield: "If you are not sure if the incident has any illegal aspects, contact for advice: the Local Safe Neighbourhood Officer."`,
  },
  { id: 'school-pcso', name: 'School PCSO', phone: '', notes: SET_BY_SCHOOL },
  {
    id: 'lado',
    name: 'Local Authority Designated Officer (LADO)',
    phone: '',
    notes: `${SET_BY_SCHOOL} The LADO is local to the school. (The Gracefield seed prints its own LADO's number as "011792323889", which has a digit too many to dial as printed.)`,
  },
  {
    id: 'ceop',
    name: 'CEOP (Child Exploitation and Online Protection)',
    phone: '',
    url: 'https://www.ceop.police.uk/',
    notes:
      'Reports are made online. The seeds give http://ceop.police.uk/ (ODST) and www.ceop.gov.uk (Belmont).',
  },
  {
    id: 'iwf',
    name: 'Internet Watch Foundation (IWF)',
    phone: '',
    url: 'https://www.iwf.org.uk/',
    notes:
      'Belmont: suspected illegal material is referred to the appropriate authorities such as Police and Internet Watch Foundation.',
  },
  { id: 'childline', name: 'Childline', phone: '0800 1111', url: 'https://www.childline.org.uk/' },
  {
    id: 'posh',
    name: 'Professionals Online Safety Helpline (UK Safer Internet Centre)',
    phone: '0344 381 4772',
    url: 'https://saferinternet.org.uk/',
    notes: 'Named by ODST and Belmont ("UK Safer Internet Centre helpline").',
  },
  {
    id: 'local-authority',
    name: "Local authority children's services (safeguarding)",
    phone: '',
    notes: SET_BY_SCHOOL,
  },
  {
    id: 'e-safety-adviser',
    name: 'Schools E-Safety Adviser',
    phone: '',
    notes: `${SET_BY_SCHOOL} Gracefield: "contact the local E-Safety Advisor (via BSCB)".`,
  },
  { id: 'prevent', name: 'Prevent officer', phone: '', notes: SET_BY_SCHOOL },
  {
    id: 'ico',
    name: "Information Commissioner's Office (ICO)",
    phone: '0303 123 1113',
    url: 'https://ico.org.uk/',
    notes:
      'The DPO decides whether a personal-data breach is reported to the ICO; the reporting window is in the settings.',
  },
  {
    id: 'ict-support',
    name: 'ICT support provider (technical support)',
    phone: '',
    notes: `${SET_BY_SCHOOL} Whiston: "technical support"; Holywell: "your ICT support provider"; Belmont: "the school technicians".`,
  },
  {
    id: 'hr-adviser',
    name: 'HR adviser',
    phone: '',
    notes: `${SET_BY_SCHOOL} Gracefield: "Seek professional HR advice via the school office".`,
  },
  {
    id: 'deputy-ceo',
    name: 'Deputy CEO (Academies)',
    phone: '',
    notes: `${SET_BY_SCHOOL} Belmont (a trust school): a concern about the Headteacher is referred to the Deputy CEO (Academies) and the LADO. A school outside a trust names here who hears such concerns.`,
  },
  { id: 'trust-board', name: 'Trust Board (trustees)', phone: '', notes: SET_BY_SCHOOL },
  {
    id: 'trust-officers',
    name: 'Trust officers',
    phone: '',
    notes: `${SET_BY_SCHOOL} ODST: "It is recommended that legal advice is sought from officers in ODST in the advent of an e safety issue or situation."`,
  },
  {
    id: 'central-marketing',
    name: 'Trust Central Marketing team',
    phone: '',
    notes: SET_BY_SCHOOL,
  },
];
