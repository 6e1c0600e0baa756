/**
 * The ${NAME} values of SOAK_START_STEPS (harness/config/start-steps.ts parses them), resolved when the steps run:
 * from the environment (.env included) and the run's own SOAK_REALTIME_URL / SOAK_REALTIME_HTTP_URL.
 */
import { StartStepError } from '../../config/start-steps.ts';

/** The ${NAME} references of a value, in order. */
export function stepVariables(value: string): string[] {
  return [...value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
}

/** Substitutes ${NAME} from vars; an unknown name throws, naming it. */
export function resolveStepValue(value: string, vars: Readonly<Record<string, string | undefined>>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new StartStepError(`\${${name}} is not set`);
    return v;
  });
}
