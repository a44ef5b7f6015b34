/**
 * How a case's state reads at a glance, in words as well as colour: its status, its urgent
 * flags, and the data-breach reporting clock (time left, or how long overdue).
 */
import { FLAG_LABELS, STATUS_LABELS, type CaseSummary } from '../../domain/case-state.ts';
import { showTime } from '../wizard/walk-state.ts';

const TONE = { new: 'warn', open: '', closed: 'ok' } as const;

export function StatusPill({ status }: { status: CaseSummary['status'] }) {
  return <span class={`status-pill ${TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** Hours and minutes, as a DSL would say them. */
function span(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

export function breachClock(s: CaseSummary, now: number): string | null {
  if (!s.breachDeadline) return null;
  const left = Date.parse(s.breachDeadline) - now;
  if (s.status === 'closed') return `Reporting deadline was ${showTime(s.breachDeadline)}.`;
  return left >= 0
    ? `Data-breach clock: ${span(left)} left to report (by ${showTime(s.breachDeadline)}).`
    : `Data-breach clock: the reporting deadline passed ${span(left)} ago (${showTime(s.breachDeadline)}).`;
}

export function CaseFlags({ summary, now }: { summary: CaseSummary; now: number }) {
  if (summary.flags.length === 0) return null;
  const clock = breachClock(summary, now);
  return (
    <span class="case-flags">
      {summary.flags.map((f) => (
        <span key={f} class="status-pill bad">
          ⚠ {FLAG_LABELS[f]}
        </span>
      ))}
      {clock && <span class="case-clock">{clock}</span>}
    </span>
  );
}
