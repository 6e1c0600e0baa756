/**
 * Stream a synthetic soak log to disk turn by turn, each turn inside its own `turn N: ...` step (as the
 * conversation runner does), so reports and Allure show one step per turn.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { LogHeader, LogRecord } from '../../harness/log/log-schema.ts';
import { generateLog, type GenerateLogOptions } from '../../harness/synth/generate-log.ts';
import { turnStep } from '../../harness/playwright/turn-step.ts';

export async function writeSyntheticLog(path: string, options: GenerateLogOptions): Promise<number> {
  const [header, ...records] = [...generateLog(options)] as [LogHeader, ...LogRecord[]];
  writeFileSync(path, `${JSON.stringify(header)}\n`);
  const turns: LogRecord[][] = [[]];
  for (const record of records) {
    if (record.type === 'harness' && record.kind === 'turn-start') turns.push([]);
    turns.at(-1)!.push(record);
  }
  const lines = (batch: LogRecord[]) => batch.map((r) => `${JSON.stringify(r)}\n`).join('');
  appendFileSync(path, lines(turns[0]!));
  for (let turn = 1; turn < turns.length; turn++) {
    await turnStep(turn, `synthetic utterance ${turn}`, async () => appendFileSync(path, lines(turns[turn]!)));
  }
  return turns.length - 1;
}
