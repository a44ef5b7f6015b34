/**
 * The governor summary's charts, drawn as SVG with every bar's label and number written as
 * text beside it, so nothing depends on colour or on reading a bar's length. The SVG is
 * hidden from screen readers: each chart sits in a figure with a table of the same figures.
 */
import type { Count } from '../../domain/governor-summary.ts';

const WIDTH = 640;

/** Horizontal bars: the label above each bar, the number at its end. */
export function BarChart({ data }: { data: readonly Count[] }) {
  const row = 46;
  const max = Math.max(1, ...data.map((d) => d.count));
  const room = WIDTH - 60; // keeps space for the number after the longest bar
  const height = Math.max(row, data.length * row);
  return (
    <svg
      class="chart chart-bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      {data.map((d, i) => {
        const y = i * row;
        const w = d.count === 0 ? 0 : Math.max(3, (d.count / max) * room);
        return (
          <g key={d.key} class="chart-item">
            <text class="chart-label" x={0} y={y + 15}>
              {d.label}
            </text>
            <rect class="chart-bar" x={0} y={y + 21} width={w} height={18} rx={2} />
            <text class="chart-value" x={w + 8} y={y + 35}>
              {d.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Columns, one per month: the number above each column, the month and year below. */
export function ColumnChart({ data }: { data: readonly Count[] }) {
  const plot = 160;
  const top = 22;
  const height = top + plot + 40;
  const max = Math.max(1, ...data.map((d) => d.count));
  const slot = WIDTH / Math.max(1, data.length);
  const bar = Math.min(44, slot * 0.6);
  return (
    <svg
      class="chart chart-columns"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      <line class="chart-axis" x1={0} x2={WIDTH} y1={top + plot} y2={top + plot} />
      {data.map((d, i) => {
        const h = (d.count / max) * plot;
        const cx = i * slot + slot / 2;
        const [month, year] = d.label.split(' ');
        return (
          <g key={d.key} class="chart-item">
            <rect
              class="chart-bar"
              x={cx - bar / 2}
              y={top + plot - h}
              width={bar}
              height={h}
              rx={2}
            />
            <text class="chart-value" x={cx} y={top + plot - h - 6} text-anchor="middle">
              {d.count}
            </text>
            <text class="chart-label" x={cx} y={top + plot + 16} text-anchor="middle">
              {month}
            </text>
            <text class="chart-label chart-year" x={cx} y={top + plot + 32} text-anchor="middle">
              {year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
