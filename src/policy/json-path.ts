/**
 * JSON paths for error messages, in the form people read in editors and linters:
 * `$.flowcharts[2].nodes.n4.answers[1].next`. Keys that are not plain names are quoted
 * (`$.nodes["odd key"]`), so every path names exactly one place in the file.
 */

export type PathPart = string | number;

// Letters, digits, _ and -, with at least one non-digit so `.4` is never mistaken for `[4]`.
const PLAIN_KEY = /^[A-Za-z0-9_-]*[A-Za-z_-][A-Za-z0-9_-]*$/;

export function jsonPath(parts: readonly PropertyKey[]): string {
  let path = '$';
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else if (typeof part === 'string' && PLAIN_KEY.test(part)) path += `.${part}`;
    else path += `[${JSON.stringify(String(part))}]`;
  }
  return path;
}

/** The value at `parts` inside `root`, or undefined where the path does not exist. */
export function valueAt(root: unknown, parts: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const part of parts) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
