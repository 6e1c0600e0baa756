/** Turns the first zod issue of a failed client-event parse into a RealtimeError naming the parameter, like the real API. */
import type { z } from 'zod';
import { RealtimeError } from './realtime-error.ts';

export function zodIssueToError(issues: readonly z.core.$ZodIssue[], paramPrefix = ''): RealtimeError {
  const issue = issues[0];
  if (!issue) return new RealtimeError('invalid_value', 'Invalid client event.');
  const path = [paramPrefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = [path, issue.keys[0] ?? ''].filter((p) => p !== '').join('.');
      return new RealtimeError('unknown_parameter', `Unknown parameter: '${key}'.`, key);
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        return new RealtimeError('missing_required_parameter', `Missing required parameter: '${path}'.`, path);
      }
      return new RealtimeError('invalid_type', `Invalid type for '${path}': expected ${issue.expected}, but got ${describeInput(issue.input)} instead.`, path);
    case 'too_big':
      return new RealtimeError(`${numberKind(issue.origin)}_above_max_value`, `Invalid '${path}': value above maximum (${String(issue.maximum)}).`, path);
    case 'too_small':
      return new RealtimeError(`${numberKind(issue.origin)}_below_min_value`, `Invalid '${path}': value below minimum (${String(issue.minimum)}).`, path);
    case 'invalid_value':
      return new RealtimeError(
        'invalid_value',
        `Invalid value: ${JSON.stringify(issue.input)}. Supported values are: ${issue.values.map((v) => `'${String(v)}'`).join(', ')}.`,
        path,
      );
    default:
      return new RealtimeError('invalid_value', `Invalid value for '${path}': ${issue.message}.`, path);
  }
}

function numberKind(origin: string): string {
  if (origin === 'array') return 'array';
  if (origin === 'string') return 'string';
  return 'decimal';
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'number') return Number.isInteger(input) ? 'an integer' : 'a decimal';
  return `a ${typeof input}`;
}
