/**
 * Before the browser starts: pick the run folder, load the utterances and the script, scale the script to the run
 * duration, and build the mic. Device mode renders the timeline WAV here because Chromium needs it at launch
 * (launchArgs); controllable mode needs no launch arguments.
 */
import { join } from 'node:path';
import type { ConversationMic } from './mic/conversation-mic.ts';
import { createControllableMic } from './mic/controllable-mic.ts';
import { createDeviceMic, deviceMicLaunchArgs } from './mic/device-mic.ts';
import { pickUtterance } from './mic/pick-utterance.ts';
import { loadUtteranceCatalog } from './mic/utterance-catalog.ts';
import type { ConversationScript } from './script/conversation-script-schema.ts';
import { DEFAULT_SCRIPT_PATH, loadConversationScript } from './script/load-conversation-script.ts';
import { scaleScript } from './script/scale-script.ts';
import { conversationCycles, type ConversationCycles } from './script/conversation-cycles.ts';
import { runDirectory } from './run-directory.ts';
import type { SoakRunOptions } from './soak-run-options.ts';

export interface PreparedSoakRun {
  options: SoakRunOptions;
  testTitle: string;
  runDir: string;
  logPath: string;
  script: ConversationScript;
  scriptPath: string;
  mic: ConversationMic;
  /** Conversations in the run (start, talk, hang up), from SOAK_CYCLES or the script. */
  cycles: ConversationCycles;
  /** Extra Chromium arguments (device mode). */
  launchArgs: string[];
  /** An utterance id as people read it: its text when the catalog has one, else the id. */
  describeUtterance(id: string): string;
}

export async function prepareSoakRun(options: SoakRunOptions, testTitle: string): Promise<PreparedSoakRun> {
  const runDir = runDirectory(options.outputDir, testTitle, new Date());
  const catalog = await loadUtteranceCatalog(options.micDir);
  const scriptPath = options.scriptPath ?? DEFAULT_SCRIPT_PATH;
  const fullScript = await loadConversationScript(scriptPath);
  for (const [index, entry] of fullScript.entries.entries()) {
    if (entry.kind !== 'turn') continue;
    try {
      pickUtterance(catalog, entry.utterance);
    } catch (error) {
      throw new Error(`conversation script ${scriptPath}: entries[${index}].utterance: ${(error as Error).message}`);
    }
  }
  const script = scaleScript(fullScript, options.durationMs, (id) => pickUtterance(catalog, id).durationMs);
  let mic: ConversationMic;
  let launchArgs: string[] = [];
  if (options.micMode === 'device') {
    const wavPath = join(runDir, 'mic-timeline.wav');
    mic = await createDeviceMic(script, catalog, wavPath);
    launchArgs = deviceMicLaunchArgs(wavPath);
  } else {
    mic = createControllableMic(catalog);
  }
  const describeUtterance = (id: string) => {
    try {
      return pickUtterance(catalog, id).text ?? id;
    } catch {
      return id;
    }
  };
  const cycles = conversationCycles({ explicit: options.cycles, scriptCycles: fullScript.cycles, durationMs: options.durationMs, micMode: options.micMode });
  return { options, testTitle, runDir, logPath: join(runDir, 'run.jsonl'), script, scriptPath, mic, cycles, launchArgs, describeUtterance };
}
