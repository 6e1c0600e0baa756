/**
 * Headed Chromium needs an X server. When DISPLAY is unset, start Xvfb on a free display (Xvfb picks it: -displayfd);
 * the caller sets DISPLAY. Nothing is installed here: a missing Xvfb is a SetupError naming `voice-soak doctor --fix`.
 * Xvfb runs in its own process group, so a Ctrl-C (SIGINT to the terminal's group) does not take the display away
 * from a headed browser before the run has torn down; stop() ends it, and so does the exit of this process.
 */
import { spawn } from 'node:child_process';
import { DOCTOR_FIX_COMMAND, findXvfb } from './doctor.ts';
import { SetupError } from './setup-error.ts';

export interface XServer {
  display: string;
  stop(): void;
}

export async function startXvfb(timeoutMs = 10_000): Promise<XServer> {
  if (!findXvfb()) {
    throw new SetupError(
      `headed runs need an X server: DISPLAY is unset and Xvfb is missing: run \`${DOCTOR_FIX_COMMAND}\`, or run headless (SOAK_HEADLESS=1)`,
    );
  }
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new SetupError(`Xvfb did not report a display within ${timeoutMs} ms`)), timeoutMs);
    child.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new SetupError(`Xvfb exited with code ${code} before it was ready`));
    });
  });
  child.unref();
  (child.stdio[3] as NodeJS.ReadableStream & { unref?: () => void }).unref?.();
  return { display, stop };
}
