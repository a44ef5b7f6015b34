/**
 * The DSL's triage queue: urgent cases first (an urgent flag on a case not yet closed), then
 * new, open and closed, newest first within each; and the search and filters over it. Also
 * the people index behind the per-child chronology. Pure, so the console can re-run it on
 * every keystroke over thousands of cases.
 */
import { isUrgent, type CaseStatus, type CaseSummary, type UrgentFlag } from './case-state.ts';

export interface TriageFilter {
  /** Words to find in the reference, category, place, trip, account or names. */
  query: string;
  categoryId: string;
  status: CaseStatus | '';
  flag: UrgentFlag | '';
  /** Local dates (YYYY-MM-DD), inclusive; '' for open-ended. */
  from: string;
  to: string;
  /** Part of a person's name (any spacing or capitals); '' for anyone. */
  person: string;
}

export const NO_FILTER: TriageFilter = {
  query: '',
  categoryId: '',
  status: '',
  flag: '',
  from: '',
  to: '',
  person: '',
};

/** How people are matched across records written by different staff: name, case-folded. */
export function personKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

/** The local date an incident happened on (from the record), else the day it was recorded. */
export function caseDay(s: CaseSummary): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(s.when)) return s.when.slice(0, 10);
  const t = new Date(s.recordedAt);
  if (Number.isNaN(t.getTime())) return '';
  return new Date(t.getTime() - t.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const RANK: Record<CaseStatus, number> = { new: 1, open: 2, closed: 3 };
const rank = (s: CaseSummary) => (isUrgent(s) ? 0 : RANK[s.status]);

/** Urgent first, then new, open, closed; newest first within each. */
export function triageOrder(a: CaseSummary, b: CaseSummary): number {
  return (
    rank(a) - rank(b) ||
    (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0) ||
    (a.incidentId < b.incidentId ? 1 : -1)
  );
}

/** The searchable text of a case, built once per case (not per keystroke). */
export function searchText(s: CaseSummary): string {
  return [
    s.reference,
    s.categoryLabel ?? '',
    s.where,
    s.trip,
    s.what,
    s.reportedBy,
    s.recordedBy,
    ...s.people.map((p) => p.name),
  ]
    .join('\n')
    .toLocaleLowerCase('en-GB');
}

export interface Indexed<S extends CaseSummary = CaseSummary> {
  summary: S;
  text: string;
  day: string;
  people: Set<string>;
}

export function indexCases<S extends CaseSummary>(cases: readonly S[]): Indexed<S>[] {
  return [...cases].sort(triageOrder).map((summary) => ({
    summary,
    text: searchText(summary),
    day: caseDay(summary),
    people: new Set(summary.people.map((p) => personKey(p.name)).filter(Boolean)),
  }));
}

/** The cases that pass every filter, in triage order. */
export function filterCases<S extends CaseSummary>(
  index: readonly Indexed<S>[],
  f: TriageFilter,
): S[] {
  const words = f.query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  const person = personKey(f.person);
  const out: S[] = [];
  for (const c of index) {
    const s = c.summary;
    if (f.categoryId && s.categoryId !== f.categoryId) continue;
    if (f.status && s.status !== f.status) continue;
    if (f.flag && !s.flags.includes(f.flag)) continue;
    if (f.from && (!c.day || c.day < f.from)) continue;
    if (f.to && (!c.day || c.day > f.to)) continue;
    if (person && ![...c.people].some((k) => k.includes(person))) continue;
    if (words.length && !words.every((w) => c.text.includes(w))) continue;
    out.push(s);
  }
  return out;
}

export interface PersonEntry {
  key: string;
  /** The name as most often written. */
  name: string;
  kinds: string[];
  yearGroups: string[];
  incidents: number;
}

/** Everyone named in any case, most-involved first, then by name. */
export function peopleIndex(cases: readonly CaseSummary[]): PersonEntry[] {
  const byKey = new Map<
    string,
    { names: Map<string, number>; kinds: Set<string>; years: Set<string>; ids: Set<string> }
  >();
  for (const s of cases) {
    for (const p of s.people) {
      const key = personKey(p.name);
      if (!key) continue;
      let e = byKey.get(key);
      if (!e) {
        e = { names: new Map(), kinds: new Set(), years: new Set(), ids: new Set() };
        byKey.set(key, e);
      }
      e.names.set(p.name, (e.names.get(p.name) ?? 0) + 1);
      if (p.kind) e.kinds.add(p.kind);
      if (p.yearGroup) e.years.add(p.yearGroup);
      e.ids.add(s.incidentId);
    }
  }
  return [...byKey]
    .map(([key, e]) => ({
      key,
      name: [...e.names].sort((a, b) => b[1] - a[1])[0]![0],
      kinds: [...e.kinds].sort(),
      yearGroups: [...e.years].sort(),
      incidents: e.ids.size,
    }))
    .sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name, 'en-GB'));
}

/** Every case naming this person, oldest first: a chronology per child. */
export function casesForPerson<S extends CaseSummary>(cases: readonly S[], key: string): S[] {
  return cases
    .filter((s) => s.people.some((p) => personKey(p.name) === key))
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}
