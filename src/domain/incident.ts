/**
 * The incident record as a member of staff writes it, following what the seed policies'
 * Reporting Log and record form ask for (date, time, incident, action taken: what and by
 * whom, reported by) and what KCSIE expects a record to hold: when and where (including
 * the trip or visit), the category from the school's policy pack, what happened and the
 * child's own words, the people involved, immediate actions, who has been told, the
 * protective marking, and evidence. Also the `incident.created` payload that carries it,
 * sealed, to the safeguarding leads. Validation is in incident-validation.ts, the check of
 * a received payload in incident-payload.ts (kept apart so the capture screen loads neither).
 */
import type { ActionTaken } from './actions.ts';
import { EMPTY_EVIDENCE, type EvidenceFields } from './evidence.ts';
import type { Person } from './people.ts';

export type CategoryArea = 'content' | 'contact' | 'conduct' | 'commerce';
export const CATEGORY_AREAS: readonly CategoryArea[] = [
  'content',
  'contact',
  'conduct',
  'commerce',
];

/** One incident category as the policy pack lists it: only what capture needs. */
export interface CategoryOption {
  id: string;
  label: string;
  /** Null where the policies do not place it in the four Cs (a virus, a lost laptop). */
  area: CategoryArea | null;
  suspectedIllegal?: boolean;
  dataBreach?: boolean;
}

/** The category as recorded: a copy, so a later change to the pack does not rewrite a record. */
export interface CategoryChoice {
  id: string;
  label: string;
  area: CategoryArea | null;
  suspectedIllegal: boolean;
  dataBreach: boolean;
}

export const categoryChoice = (c: CategoryOption): CategoryChoice => ({
  id: c.id,
  label: c.label,
  area: c.area,
  suspectedIllegal: Boolean(c.suspectedIllegal),
  dataBreach: Boolean(c.dataBreach),
});

export const PROTECTIVE_MARKINGS = ['OFFICIAL-SENSITIVE', 'OFFICIAL'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];

export interface WhoWasTold {
  dslToldVerbally: 'yes' | 'no' | '';
  /** Which DSL (or deputy) was told. */
  dslName: string;
  /** Local date and time they were told. */
  dslToldAt: string;
  /** Anyone else told so far: head teacher, parents, police... */
  others: string;
}

export interface IncidentFields {
  what: string;
  when: string;
  where: string;
  reportedBy: string;
  /** The trip or visit, if it happened on one. */
  trip: string;
  /** Null until chosen: "not sure" is allowed, the DSL categorises later. */
  category: CategoryChoice | null;
  childWords: string;
  people: Person[];
  actions: ActionTaken[];
  told: WhoWasTold;
  marking: ProtectiveMarking;
  /** The member of staff marked it as possibly involving illegal material. */
  suspectedIllegal: boolean;
  evidence: EvidenceFields;
}

export type FieldErrors = Record<string, string | undefined>;

export const EMPTY_TOLD: WhoWasTold = {
  dslToldVerbally: '',
  dslName: '',
  dslToldAt: '',
  others: '',
};

export const EMPTY_INCIDENT: IncidentFields = {
  what: '',
  when: '',
  where: '',
  reportedBy: '',
  trip: '',
  category: null,
  childWords: '',
  people: [],
  actions: [],
  told: EMPTY_TOLD,
  // The seeds: information that needs its "need to know" reinforced is OFFICIAL-SENSITIVE.
  marking: 'OFFICIAL-SENSITIVE',
  suspectedIllegal: false,
  evidence: EMPTY_EVIDENCE,
};

export const FIELD_LIMITS = {
  what: 20_000,
  when: 40,
  where: 500,
  reportedBy: 200,
  trip: 200,
  childWords: 20_000,
  others: 2_000,
  dslName: 200,
} as const;

/**
 * A complete record from one that may predate some parts (an older draft or payload),
 * filling what is missing with the defaults. Nothing present is changed or dropped.
 */
export function completeFields(value: Partial<IncidentFields>): IncidentFields {
  return {
    ...EMPTY_INCIDENT,
    ...value,
    told: { ...EMPTY_TOLD, ...value.told },
    evidence: { ...EMPTY_EVIDENCE, ...value.evidence },
  };
}

export interface IncidentCreatedPayload {
  type: 'incident.created';
  incidentId: string;
  fields: IncidentFields;
  recordedAt: string;
  recordedBy: string;
}

/** A short reference a teacher can quote to the DSL without revealing anything. */
export function incidentReference(incidentId: string): string {
  return `ST-${incidentId.slice(-6)}`;
}
