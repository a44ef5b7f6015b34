/**
 * The e-safety incident log in the columns of the ODST Reporting Log: Date, Time, Incident,
 * Action Taken (what, by whom), Incident Reported By, Signature. One row per incident, built
 * from its chronology, so the log the DSL prints is the chronology's own summary rather than
 * a second record that could disagree with it.
 */
import type { CaseSummary } from './case-state.ts';
import type { ChronologyEvent, IncidentChronology } from './chronology.ts';
import { caseDay } from './triage.ts';

export const LOG_COLUMNS = [
  'Date',
  'Time',
  'Incident',
  'Action Taken',
  'Incident Reported By',
  'Signature',
] as const;

export interface LogRow {
  incidentId: string;
  reference: string;
  /** YYYY-MM-DD, for filtering and sorting. */
  day: string;
  /** DD/MM/YYYY, as the paper log is written. */
  date: string;
  /** HH:MM, 24-hour. */
  time: string;
  incident: string;
  /** One line per action: what, by whom, when. */
  actions: string[];
  reportedBy: string;
  signature: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** DD/MM/YYYY and HH:MM of a local `YYYY-MM-DDTHH:MM`, or of an instant in local time. */
export function logDateTime(when: string, fallbackIso: string): { date: string; time: string } {
  let local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(when) ? when.slice(0, 16) : '';
  if (!local) {
    const t = new Date(fallbackIso);
    if (!Number.isNaN(t.getTime())) {
      local = new Date(t.getTime() - t.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    }
  }
  if (!local) return { date: '', time: '' };
  const [y, m, d] = local.slice(0, 10).split('-');
  return { date: `${d}/${m}/${y}`, time: local.slice(11, 16) };
}

/** A readable local time for an action line (DD/MM/YYYY HH:MM). */
const when = (value: string) => {
  const { date, time } = logDateTime(value, value);
  return date ? `${date} ${time}` : value;
};

/** What was done about an incident, oldest first: at the time, in procedures, by the DSL. */
export function actionLines(c: IncidentChronology): string[] {
  const lines: string[] = [];
  const created = c.created?.body.type === 'incident.created' ? c.created.body.payload : null;
  const immediate = Array.isArray(created?.fields.actions) ? created.fields.actions : [];
  for (const a of immediate.filter(isObject)) {
    lines.push(`${str(a.what)} (by ${str(a.by)}, ${when(str(a.when))})`);
  }
  for (const e of c.entries) {
    const b = e.body;
    if (b.type === 'action.recorded' && !b.superseded) {
      const p = b.payload;
      lines.push(
        p.status === 'done'
          ? `${p.text} (by ${p.by}, ${when(p.at)})`
          : `Not done: ${p.text}. Reason: ${p.reason} (decided by ${p.by}, ${when(p.at)})`,
      );
    } else if (b.type === 'case') {
      const p = b.payload;
      if (p.type === 'case.action') lines.push(`${p.what} (by ${p.doneBy}, ${when(p.doneAt)})`);
      else if (p.type === 'case.decision')
        lines.push(`Decision: ${p.decision}. Reason: ${p.reason} (by ${p.by}, ${when(p.at)})`);
      else if (p.type === 'incident.closed')
        lines.push(`Closed: ${p.outcome} (by ${p.by}, ${when(p.at)})`);
      else if (p.type === 'incident.reopened')
        lines.push(`Reopened: ${p.reason} (by ${p.by}, ${when(p.at)})`);
    }
  }
  return lines;
}

/**
 * The log, oldest first. `signature` names who signed the record and the fingerprint of the
 * device key whose signature the console verified when it opened the record.
 */
export function logRows<E extends ChronologyEvent>(
  cases: readonly { chronology: IncidentChronology<E>; summary: CaseSummary<E> }[],
  signature: (s: CaseSummary<E>) => string,
): LogRow[] {
  return cases
    .filter((c) => c.summary.known)
    .map(({ chronology, summary: s }) => {
      const { date, time } = logDateTime(s.when, s.recordedAt);
      const what = s.what.trim();
      return {
        incidentId: s.incidentId,
        reference: s.reference,
        day: caseDay(s),
        date,
        time,
        incident: [s.reference, s.categoryLabel, s.where && `At ${s.where}`, what]
          .filter(Boolean)
          .join('. '),
        actions: actionLines(chronology),
        reportedBy: s.reportedBy || s.recordedBy,
        signature: signature(s),
      };
    })
    .sort((a, b) =>
      a.day + a.time < b.day + b.time ? -1 : a.day + a.time > b.day + b.time ? 1 : 0,
    );
}

/** The rows between two local dates, inclusive ('' for open-ended). */
export function rowsBetween(rows: readonly LogRow[], from: string, to: string): LogRow[] {
  return rows.filter((r) => (!from || r.day >= from) && (!to || r.day <= to));
}
