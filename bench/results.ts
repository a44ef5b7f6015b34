/**
 * The benchmark's figures: each has a name, a value measured in this run, its unit, the
 * target the issue sets (null where it sets none) and one line saying what it measures.
 * Printed as a table and written to bench/results.json; never asserted in tests.
 */
import { writeFileSync } from 'node:fs';

export interface Result {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  measures: string;
  /** For the printed table only: the target is a floor (a rate), not a ceiling. */
  atLeast?: boolean;
}

export const results: Result[] = [];

/** The middle value (the upper one of an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of nothing');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const targetText = (r: Result) =>
  r.target === null ? '—' : `${r.atLeast ? '≥' : '≤'} ${r.target.toLocaleString('en-GB')}`;

/** Prints one figure as soon as it is measured, so a long run shows its progress. */
export function record(result: Result): void {
  results.push(result);
  console.log(`  ${result.name}: ${result.value} ${result.unit} (target ${targetText(result)})`);
}

/** The table (Markdown, so it pastes into an issue) and bench/results.json. */
export function printAndWrite(file: URL): void {
  const rows = results.map((r) => [
    r.name,
    `${r.value.toLocaleString('en-GB')} ${r.unit}`,
    targetText(r),
    r.measures,
  ]);
  const head = ['figure', 'value', 'target', 'what it measures'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 3 ? c : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log('\n' + line(head));
  console.log(line(widths.map((w, i) => '-'.repeat(i === 3 ? 16 : w))));
  for (const r of rows) console.log(line(r));
  const json = results.map(({ name, value, unit, target, measures }) => ({
    name,
    value,
    unit,
    target,
    measures,
  }));
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}
