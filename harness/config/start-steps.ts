/**
 * SOAK_START_STEPS: what a person does before talking, as data. Steps are separated by `;` (write `\;` for a
 * literal semicolon); each is `ACTION ARGUMENT`:
 *   click SELECTOR            fill SELECTOR=VALUE        select SELECTOR=VALUE
 *   check SELECTOR            press KEY                  wait SELECTOR   (until it is visible)
 *   goto URL                  sleep DURATION (e.g. 500ms)
 * VALUE (and URL) may use ${NAME}: a variable of the environment (.env included), or ${SOAK_REALTIME_URL} /
 * ${SOAK_REALTIME_HTTP_URL}, which name the realtime server this run uses (the one the harness started, if any).
 * Pure: parsing never reads the environment; harness/collect/app-control/resolve-step-value.ts does the substitution
 * at run time.
 */
import { parseDuration } from './parse-duration.ts';

export type StartStep =
  | { action: 'click' | 'check' | 'wait'; selector: string }
  | { action: 'fill' | 'select'; selector: string; value: string }
  | { action: 'press'; key: string }
  | { action: 'goto'; url: string }
  | { action: 'sleep'; ms: number };

const ACTIONS = ['click', 'fill', 'select', 'check', 'press', 'wait', 'goto', 'sleep'] as const;

export class StartStepError extends Error {}

function splitSteps(text: string): string[] {
  const steps: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === ';') {
      current += ';';
      i++;
    } else if (c === ';') {
      steps.push(current);
      current = '';
    } else current += c;
  }
  steps.push(current);
  return steps.map((s) => s.trim()).filter((s) => s.length > 0);
}

function parseStep(text: string, index: number): StartStep {
  const where = `step ${index + 1} "${text}"`;
  const match = /^(\S+)\s*(.*)$/s.exec(text)!;
  const action = match[1]!.toLowerCase();
  const rest = match[2]!.trim();
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new StartStepError(`${where}: unknown action "${action}" (expected one of: ${ACTIONS.join(', ')})`);
  if (rest === '')
    throw new StartStepError(
      `${where}: ${action} needs ${action === 'press' ? 'a key' : action === 'sleep' ? 'a duration' : action === 'goto' ? 'a URL' : 'a selector'}`,
    );
  switch (action) {
    case 'fill':
    case 'select': {
      const eq = rest.indexOf('=');
      if (eq <= 0) throw new StartStepError(`${where}: ${action} needs SELECTOR=VALUE`);
      return { action, selector: rest.slice(0, eq).trim(), value: rest.slice(eq + 1).trim() };
    }
    case 'press':
      return { action, key: rest };
    case 'goto':
      return { action, url: rest };
    case 'sleep': {
      const ms = parseDuration(rest);
      if (ms === null) throw new StartStepError(`${where}: expected a duration like 500ms or 2s`);
      return { action, ms };
    }
    default:
      return { action: action as 'click' | 'check' | 'wait', selector: rest };
  }
}

/** Parses the setting; throws StartStepError naming the step and the rule. */
export function parseStartSteps(text: string): StartStep[] {
  return splitSteps(text).map(parseStep);
}
