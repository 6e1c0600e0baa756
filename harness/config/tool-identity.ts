/**
 * Who we are, from package.json: the embedded server's GET /healthz says it, and the Playwright config reuses a
 * server already on the port only when it says the same (harness/setup/embedded-port-decision.ts).
 */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const TOOL_NAME: string = packageJson.name;
export const TOOL_VERSION: string = packageJson.version;
