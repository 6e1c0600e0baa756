/**
 * Read and validate a conversation script (JSON). Errors name the file and the field:
 *   "conversation script soak.json: entries[3].then: Invalid input ...".
 * No path: the committed default-script.json.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPath } from '../../validation/format-zod-issue.ts';
import { conversationScriptSchema, type ConversationScript } from './conversation-script-schema.ts';

export const DEFAULT_SCRIPT_PATH = fileURLToPath(new URL('./default-script.json', import.meta.url));

export async function loadConversationScript(path: string = DEFAULT_SCRIPT_PATH): Promise<ConversationScript> {
  const file = resolve(path);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new Error(`conversation script ${file} cannot be read (SOAK_SCRIPT)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`conversation script ${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseConversationScript(json, file);
}

export function parseConversationScript(json: unknown, source = 'conversation script'): ConversationScript {
  const result = conversationScriptSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`conversation script ${source}: ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
}
