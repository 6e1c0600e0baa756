/**
 * `node --import tsx harness/playwright/finish-soak-run-command.ts <log.jsonl> <outDir>`: finishSoakRun in its own
 * process, printing {files, failures} as one JSON line. Used by finishSoakRunSync (the reporter's onTestEnd
 * must stay synchronous). Exit 0 with the JSON, or 1 with one error line on stderr.
 */
import { finishSoakRun } from '../render/finish-soak-run.ts';

const [logPath, outDir] = process.argv.slice(2);
if (!logPath || !outDir) {
  console.error('usage: finish-soak-run-command.ts <log.jsonl> <outDir>');
  process.exit(64);
}
try {
  const result = await finishSoakRun(logPath, { outDir });
  process.stdout.write(`${JSON.stringify({ files: result.files, failures: result.failures })}\n`);
} catch (error) {
  console.error(`finish soak run ${logPath}: ${(error as Error).message}`);
  process.exit(1);
}
