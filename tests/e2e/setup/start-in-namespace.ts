/**
 * Runs namespace-rerun-main.ts (a stand-in for the Playwright runner that calls rerunInNetworkNamespace()) and
 * resolves once the copy inside the namespace has printed its line; skips the test where no namespace can be made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { checkNamespaceWorks, NETWORK_NAMESPACE_MARKER } from '../../../harness/setup/network-namespace.ts';

const MAIN = fileURLToPath(new URL('./namespace-rerun-main.ts', import.meta.url));

export interface InsideLine {
  interfaces: string[] | null;
  reached: string | null;
  unnamed: string | null;
}

export interface NamespaceRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null }>;
  line: InsideLine;
}

export function skipWithoutNamespace(): void {
  try {
    checkNamespaceWorks(process.getuid?.() ?? -1);
  } catch (error) {
    test.skip(true, (error as Error).message);
  }
}

export async function startInNamespace(env: Record<string, string>): Promise<NamespaceRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, [NETWORK_NAMESPACE_MARKER]: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const line = await new Promise<InsideLine>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(JSON.parse(text.split('\n')[0]!) as InsideLine);
    });
    setTimeout(() => reject(new Error(`no line from inside the namespace in 15 s: ${text}`)), 15_000);
  });
  return { child, exited, line };
}
