/**
 * One zod issue as one readable clause: `field "heapUsedBytes": expected a number, got "12"`.
 * Pure; shared by the log reader and the thresholds resolver (validation happens once, at the edge).
 * Pass `{ reportInput: true }` to safeParse so that issues carry the offending input.
 */
import type { z } from 'zod';

export function formatZodIssue(issue: z.core.$ZodIssue, pathPrefix: readonly PropertyKey[] = []): string {
  const path = [...pathPrefix, ...issue.path];
  const where = path.length ? `field "${formatPath(path)}": ` : '';
  return where + describeRule(issue);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function describeRule(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const got = `got ${describeValue(input)}`;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `missing (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${describeValue(input)}`;
    }
    case 'too_small':
    case 'too_big': {
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'string')
        return `expected a string of length ${op} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}, got length ${typeof input === 'string' ? input.length : '?'}`;
      if (issue.origin === 'array') return `expected an array of length ${op} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
      return `expected a number ${op} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}, ${got}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, ${got}`;
    case 'invalid_union': {
      const withOptions = issue as { options?: unknown[]; discriminator?: string };
      // A discriminated union reports the whole object as input: show the discriminator's value instead.
      const value =
        withOptions.discriminator && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[withOptions.discriminator] : input;
      if (withOptions.options) return `expected one of ${withOptions.options.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
      return `${issue.message}, ${got}`;
    }
    case 'invalid_format':
      return `expected ${issue.format === 'datetime' ? 'an ISO 8601 date-time with offset' : `format ${issue.format}`}, ${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const name = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

/** A short rendering of an offending value: strings quoted, objects named, long text cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
