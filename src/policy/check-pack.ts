/**
 * `checkPack`: the one gate a policy pack passes before the app uses it, whether it is the
 * default pack, a file a school edited, or a pack the endpoint served. Schema errors come
 * first, with their JSON paths. The reference checks run only on a pack whose shape is
 * right (they would otherwise report the same fault twice); the graph checks run on every
 * flowchart whose own shape is right.
 * Pure: no I/O, no clock, so the console, the CLI and the tests share it.
 */
import { checkFlowchartGraph } from './graph-check.ts';
import { FlowchartSchema, PolicyPackSchema, type PolicyPack } from './pack-schema.ts';
import { checkReferences } from './reference-check.ts';
import { schemaErrors, type PackError } from './schema-errors.ts';

export type { PackError } from './schema-errors.ts';

export type CheckResult = { ok: true; pack: PolicyPack } | { ok: false; errors: PackError[] };

export function checkPack(json: unknown): CheckResult {
  const parsed = PolicyPackSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      errors: [...schemaErrors(parsed.error, json), ...graphErrorsOfValidCharts(json)],
    };
  }
  const pack = parsed.data;
  const errors = [
    ...checkReferences(pack),
    ...pack.flowcharts.flatMap((chart, i) => checkFlowchartGraph(chart, i)),
  ];
  return errors.length === 0 ? { ok: true, pack } : { ok: false, errors };
}

/**
 * When the pack as a whole fails the schema, the flowcharts that are well-formed on their own
 * are still graph-checked, so one run reports as much as it can.
 */
function graphErrorsOfValidCharts(json: unknown): PackError[] {
  const charts = (json as { flowcharts?: unknown } | null)?.flowcharts;
  if (!Array.isArray(charts)) return [];
  return charts.flatMap((chart, i) => {
    const parsed = FlowchartSchema.safeParse(chart);
    return parsed.success ? checkFlowchartGraph(parsed.data, i) : [];
  });
}

/** One line per error, as the CLI prints them: `<path>: <message>`. */
export function formatErrors(errors: readonly PackError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('\n');
}
