/**
 * finishSoakRun for callers that cannot await: a Playwright reporter's onTestEnd is synchronous and the reporters
 * after it (Allure, blob) read result.attachments when it returns. Runs finish-soak-run-command.ts in a child
 * process (same analyzer, same files) and waits for it; returns the files and failures, and the report read back.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportSchema } from '../analyze/report/report-schema.ts';
import { SOAK_REPORT_JSON } from '../render/soak-attachment-names.ts';
import type { SoakRunFile, SoakRunResult } from '../render/soak-run-result.ts';

const COMMAND = fileURLToPath(new URL('./finish-soak-run-command.ts', import.meta.url));

export function finishSoakRunSync(logPath: string, outDir: string, timeoutMs = 120_000): SoakRunResult {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawnSync(process.execPath, ['--import', tsxLoader, COMMAND, logPath, outDir], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error) throw new Error(`finishSoakRunSync ${logPath}: ${child.error.message}`);
  if (child.status !== 0) {
    const reason = child.stderr.trim().split('\n').filter((l) => l.trim() !== '').at(-1) ?? `exit ${child.status ?? child.signal}`;
    throw new Error(reason);
  }
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(lastLine) as { files: SoakRunFile[]; failures: string[] };
  const reportFile = parsed.files.find((f) => f.name === SOAK_REPORT_JSON);
  if (!reportFile) throw new Error(`finishSoakRunSync ${logPath}: no ${SOAK_REPORT_JSON} written`);
  const report = reportSchema.parse(JSON.parse(readFileSync(reportFile.path, 'utf8')));
  return { report, files: parsed.files, failures: parsed.failures };
}
