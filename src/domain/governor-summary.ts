/**
 * The figures senior leaders and governors review: how many incidents, of which categories,
 * in which months and terms, how many are open or closed, and how long it took from the
 * report to a DSL's first action. Only counts and durations: no names, no free text, no
 * references, so the summary can go into governors' papers as it is.
 */
import type { CaseSummary } from './case-state.ts';
import { caseDay } from './triage.ts';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface GovernorSummary {
  from: string;
  to: string;
  total: number;
  open: number;
  closed: number;
  /** Not yet looked at by a DSL. */
  awaitingFirstAction: number;
  byCategory: Count[];
  byMonth: Count[];
  byTerm: Count[];
  /** Incidents raising each urgent flag. */
  byFlag: Count[];
  /** Hours from the report to the first DSL action, over incidents a DSL has acted on. */
  firstAction: {
    acted: number;
    medianHours: number | null;
    /** Share acted on within 24 hours, 0..1. */
    within24h: number | null;
    longestHours: number | null;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The English school term a date falls in, by calendar: Autumn September to December,
 * Spring January to March, Summer April to August. The academic year runs from September.
 */
export function termOf(day: string): { key: string; label: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const start = m >= 9 ? y : y - 1;
  const year = `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  if (m >= 9) return { key: `${start}-1`, label: `Autumn ${year}` };
  if (m <= 3) return { key: `${start}-2`, label: `Spring ${year}` };
  return { key: `${start}-3`, label: `Summer ${year}` };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function counted(map: Map<string, Count>, key: string, label: string) {
  const c = map.get(key);
  if (c) c.count++;
  else map.set(key, { key, label, count: 1 });
}

/** Every month between two days, so a month with no incidents shows as a zero. */
function monthsBetween(from: string, to: string): Count[] {
  const out: Count[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push({
      key: `${y}-${String(m).padStart(2, '0')}`,
      label: `${MONTHS[m - 1]} ${y}`,
      count: 0,
    });
    if (++m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 240) break;
  }
  return out;
}

const FLAG_NAMES: Record<string, string> = {
  'suspected-illegal': 'Suspected illegal material',
  'child-at-risk': 'Child at risk',
  'staff-involved': 'Member of staff involved',
  'data-breach': 'Data breach',
};

/**
 * The summary of the incidents that happened between `from` and `to` (local dates,
 * inclusive; '' for open-ended). Records not yet arrived are left out: there is nothing to
 * count them by.
 */
export function governorSummary(
  cases: readonly CaseSummary[],
  from: string,
  to: string,
): GovernorSummary {
  const inRange = cases
    .filter((s) => s.known)
    .map((s) => ({ s, day: caseDay(s) }))
    .filter(({ day }) => day && (!from || day >= from) && (!to || day <= to));
  const days = inRange.map((c) => c.day).sort();
  const first = from || days[0] || '';
  const last = to || days[days.length - 1] || '';

  const byCategory = new Map<string, Count>();
  const byTerm = new Map<string, Count>();
  const byFlag = new Map<string, Count>();
  const months = first && last ? monthsBetween(first, last) : [];
  const byMonth = new Map(months.map((c) => [c.key, c]));
  const hours: number[] = [];
  let open = 0;
  let closed = 0;
  let awaiting = 0;

  for (const { s, day } of inRange) {
    counted(byCategory, s.categoryId ?? '', s.categoryLabel ?? 'Not categorised');
    const month = day.slice(0, 7);
    counted(byMonth, month, `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`);
    const term = termOf(day);
    counted(byTerm, term.key, term.label);
    for (const f of s.flags) counted(byFlag, f, FLAG_NAMES[f] ?? f);
    if (s.status === 'closed') closed++;
    else open++;
    if (s.firstActionAt) {
      const h = (Date.parse(s.firstActionAt) - Date.parse(s.recordedAt)) / 3_600_000;
      if (Number.isFinite(h)) hours.push(Math.max(0, h));
    } else {
      awaiting++;
    }
  }

  const byKey = (a: Count, b: Count) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    from: first,
    to: last,
    total: inRange.length,
    open,
    closed,
    awaitingFirstAction: awaiting,
    byCategory: [...byCategory.values()].sort(
      (a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'),
    ),
    byMonth: [...byMonth.values()].sort(byKey),
    byTerm: [...byTerm.values()].sort(byKey),
    byFlag: [...byFlag.values()].sort(byKey),
    firstAction: {
      acted: hours.length,
      medianHours: median(hours),
      within24h: hours.length ? hours.filter((h) => h <= 24).length / hours.length : null,
      longestHours: hours.length ? Math.max(...hours) : null,
    },
  };
}
