/**
 * `/console/summary`: the governor summary for a range of dates (this academic year unless
 * changed), ready to print for a governors' meeting. It shows only counts, durations and
 * category labels, never names or what happened, so the printout can go into the papers.
 */
import { useMemo, useState } from 'preact/hooks';
import { governorSummary } from '../../domain/governor-summary.ts';
import { usePolicy } from '../app/policy.tsx';
import { useSession } from '../app/session.tsx';
import { CheckForRecords, RecordsProgress } from '../casework/RecordsProgress.tsx';
import { useCases } from '../casework/use-cases.ts';
import { ConsoleFrame } from '../wizard/ConsoleFrame.tsx';
import { DateRange } from './DateRange.tsx';
import { academicYear, rangeProblem, rangeText } from './dates.ts';
import { GovernorSummaryView } from './SummaryView.tsx';

export function SummaryRoute() {
  return (
    <ConsoleFrame>
      <SummaryPage />
    </ConsoleFrame>
  );
}

function SummaryPage() {
  const { records, cases, ready } = useCases();
  const { pack } = usePolicy();
  const { device } = useSession();
  const [range, setRange] = useState(() => academicYear());
  const { from, to } = range;
  const problem = rangeProblem(from, to);
  const summary = useMemo(
    () =>
      problem
        ? null
        : governorSummary(
            cases.map((c) => c.summary),
            from,
            to,
          ),
    [cases, from, to, problem],
  );
  const school = pack?.school.name || device?.schoolName || '';

  return (
    <div class="report-page report-summary">
      <header class="report-heading">
        <h1>Governor summary</h1>
        <p class="report-subtitle">
          {school && <>{school} · </>}E-safety incidents, {rangeText(from, to)}
        </p>
        <p class="muted">
          Counts and times only: no names and no details of any incident, so this summary can go
          into governors’ papers.
        </p>
      </header>
      <div class="report-controls no-print">
        <div class="actions">
          <CheckForRecords records={records} />
          <button type="button" onClick={() => window.print()}>
            Print for governors
          </button>
        </div>
        <RecordsProgress records={records} />
        <DateRange
          legend="Dates to summarise"
          from={from}
          to={to}
          onChange={setRange}
          resetLabel="This academic year"
          onReset={() => setRange(academicYear())}
        />
      </div>
      {!ready ? (
        <p role="status">Loading the figures…</p>
      ) : (
        summary && <GovernorSummaryView summary={summary} />
      )}
    </div>
  );
}
