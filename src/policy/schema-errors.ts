/**
 * Turns zod's validation issues into the checker's errors: a JSON path and a sentence a
 * school's DSL or office manager can act on ("Missing: text is required here.") rather than
 * zod's developer wording. The original JSON is consulted to tell "missing" from "wrong type",
 * because zod does not report an absent value's input.
 */
import type { z } from 'zod';
import { jsonPath, valueAt } from './json-path.ts';

export interface PackError {
  /** Where, as a JSON path: `$.flowcharts[2].nodes.n4.answers[1].next`. */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ ... ]',
  object: 'an object { ... }',
  record: 'an object { ... }',
  null: 'null',
};

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return String(typeof value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const bound = small ? 'at least' : 'at most';
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return 'This must not be empty.';
      return `This must be ${bound} ${limit} characters long.`;
    case 'array':
    case 'set':
      return `This list needs ${bound} ${limit} item${limit === 1 ? '' : 's'}.`;
    default:
      if (inclusive) return `This must be ${bound} ${limit}.`;
      return `This must be ${small ? 'more' : 'less'} than ${limit}.`;
  }
}

function messageFor(issue: z.core.$ZodIssue, json: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const actual = valueAt(json, issue.path);
      if (actual === undefined) return `Missing: ${expected} is required here.`;
      return `Expected ${expected}, but found ${describe(actual)}.`;
    }
    case 'invalid_value': {
      const found = describe(valueAt(json, issue.path));
      if (issue.values.length === 1) {
        return `This must be ${quoteList(issue.values)} (found ${found}).`;
      }
      return `This must be one of ${quoteList(issue.values)} (found ${found}).`;
    }
    case 'invalid_union': {
      const extra = issue as { discriminator?: string; options?: unknown[] };
      if (extra.discriminator && extra.options) {
        const found = describe(valueAt(json, issue.path));
        return `"${extra.discriminator}" must be one of ${quoteList(extra.options)} (found ${found}).`;
      }
      return 'This does not match any of the allowed shapes.';
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? issue.message;
      return `The key ${JSON.stringify(issue.path.at(-1))} is not allowed: ${inner}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    default:
      // invalid_format and custom issues carry the schema's own plain-English message.
      return issue.message;
  }
}

/** One PackError per problem, in the order zod found them (document order). */
export function schemaErrors(error: z.ZodError, json: unknown): PackError[] {
  const errors: PackError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One error per unknown key, pointing at the key itself.
      for (const key of issue.keys) {
        errors.push({
          path: jsonPath([...issue.path, key]),
          message: `Unknown field "${key}": check its spelling, or remove it.`,
        });
      }
      continue;
    }
    errors.push({ path: jsonPath(issue.path), message: messageFor(issue, json) });
  }
  return errors;
}
