/**
 * The governor summary as a page: totals, open against closed, incidents by category, month
 * and term, urgent flags, and how quickly a DSL first acted. Pure (it takes a
 * GovernorSummary), and it can only show what the summary holds: category labels from the
 * policy pack, counts and durations. No names, no references, no free text.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Count, GovernorSummary } from '../../domain/governor-summary.ts';
import { BarChart, ColumnChart } from './charts.tsx';

/** "45 minutes", "2 hours", "2.5 hours", "48 hours (2 days)". */
export function showHours(hours: number | null): string {
  if (hours === null) return 'Not yet known';
  if (hours < 1) {
    const m = Math.round(hours * 60);
    return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const h = Math.round(hours * 10) / 10;
  const text = `${h} ${h === 1 ? 'hour' : 'hours'}`;
  if (hours < 48) return text;
  const d = Math.round((hours / 24) * 10) / 10;
  return `${text} (${d} days)`;
}

const percent = (share: number | null) =>
  share === null ? 'Not yet known' : `${Math.round(share * 100)}%`;

function Figures({ items }: { items: [label: string, value: string | number, testId: string][] }) {
  return (
    <dl class="summary-figures">
      {items.map(([label, value, testId]) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CountTable({
  caption,
  heading,
  data,
  class: cls,
}: {
  caption: string;
  heading: string;
  data: readonly Count[];
  class?: string;
}) {
  return (
    <table class={cls ?? 'summary-table'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Incidents</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key}>
            <th scope="row">{d.label}</th>
            <td>{d.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A chart with its caption, and the same figures as a table for screen readers. */
function ChartFigure(props: {
  title: string;
  heading: string;
  data: readonly Count[];
  testId: string;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <figure class="summary-chart" aria-labelledby={id} data-testid={props.testId}>
      <figcaption id={id}>{props.title}</figcaption>
      {props.children}
      <CountTable
        caption={props.title}
        heading={props.heading}
        data={props.data}
        class="visually-hidden"
      />
    </figure>
  );
}

export function GovernorSummaryView({ summary: s }: { summary: GovernorSummary }) {
  const f = s.firstAction;
  return (
    <div class="governor-summary">
      <section aria-labelledby="summary-overview">
        <h2 id="summary-overview">Overview</h2>
        <Figures
          items={[
            ['Incidents recorded', s.total, 'figure-total'],
            ['Open', s.open, 'figure-open'],
            ['Closed', s.closed, 'figure-closed'],
            [
              'Awaiting a safeguarding lead’s first action',
              s.awaitingFirstAction,
              'figure-awaiting',
            ],
          ]}
        />
      </section>
      {s.total === 0 ? (
        <p>No incidents were recorded in these dates.</p>
      ) : (
        <>
          <section aria-labelledby="summary-category">
            <h2 id="summary-category">By category</h2>
            <ChartFigure
              title="Incidents by category"
              heading="Category"
              data={s.byCategory}
              testId="chart-category"
            >
              <BarChart data={s.byCategory} />
            </ChartFigure>
          </section>
          <section aria-labelledby="summary-month">
            <h2 id="summary-month">By month</h2>
            <ChartFigure
              title="Incidents by month"
              heading="Month"
              data={s.byMonth}
              testId="chart-month"
            >
              <ColumnChart data={s.byMonth} />
            </ChartFigure>
          </section>
          <section aria-labelledby="summary-term">
            <h2 id="summary-term">By term</h2>
            <CountTable caption="Incidents by term" heading="Term" data={s.byTerm} />
          </section>
          <section aria-labelledby="summary-flags">
            <h2 id="summary-flags">Urgent flags</h2>
            {s.byFlag.length > 0 ? (
              <>
                <p class="muted">One incident can raise more than one flag.</p>
                <CountTable
                  caption="Incidents raising each urgent flag"
                  heading="Flag"
                  data={s.byFlag}
                />
              </>
            ) : (
              <p>No incident in these dates raised an urgent flag.</p>
            )}
          </section>
        </>
      )}
      <section aria-labelledby="summary-first-action">
        <h2 id="summary-first-action">Time from report to first safeguarding action</h2>
        {f.acted === 0 ? (
          <p>No incident in these dates has had a safeguarding lead’s action yet.</p>
        ) : (
          <>
            <p class="muted">
              From when the incident was recorded to the first decision, action or note by a
              safeguarding lead, over the {f.acted} {f.acted === 1 ? 'incident' : 'incidents'} a
              lead has acted on.
            </p>
            <Figures
              items={[
                ['Median time', showHours(f.medianHours), 'figure-median'],
                ['Acted on within 24 hours', percent(f.within24h), 'figure-within-24h'],
                ['Longest time', showHours(f.longestHours), 'figure-longest'],
              ]}
            />
          </>
        )}
      </section>
    </div>
  );
}
