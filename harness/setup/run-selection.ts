/**
 * What a `playwright test` command line selects, read from its argv before Playwright parses it: the config needs to
 * know whether the soak (headed, against the embedded target) is part of the run to start an X server and the target.
 */
const SOAK_PROJECT = 'chromium';

function projectsOf(argv: string[]): string[] {
  const names: string[] = [];
  argv.forEach((arg, i) => {
    if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length));
    else if (arg === '--project' && argv[i + 1]) names.push(argv[i + 1]!);
  });
  return names;
}

/** True when the run may include the soak project (no --project filter, or one naming it). */
export function runIncludesSoak(argv: string[] = process.argv): boolean {
  const projects = projectsOf(argv);
  if (projects.length > 0) return projects.includes(SOAK_PROJECT);
  const files = argv.filter((a) => a.endsWith('.ts') && !a.includes('playwright.config'));
  return files.length === 0 || files.some((f) => f.includes('memory-monitor'));
}

/** True when a headed browser may be launched: --headed, or the soak project (headed by default). */
export function runNeedsDisplay(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  if (argv.includes('--headed')) return true;
  const headless = ['1', 'true', 'yes'].includes((env.SOAK_HEADLESS ?? '').toLowerCase());
  return !headless && runIncludesSoak(argv);
}

/**
 * True in a Playwright worker, which evaluates the config again with an argv of its own: forked with an IPC channel,
 * TEST_WORKER_INDEX set before it loads the config. A `playwright test` a test starts is a runner (no IPC channel).
 */
export function inPlaywrightWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TEST_WORKER_INDEX !== undefined && typeof process.send === 'function';
}
