import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadUtteranceCatalog } from '../../../harness/collect/mic/utterance-catalog.ts';
import type { ConversationScript } from '../../../harness/collect/script/conversation-script-schema.ts';
import { estimateEntryMs } from '../../../harness/collect/mic/estimate-entry-ms.ts';
import { loadConversationScript, parseConversationScript } from '../../../harness/collect/script/load-conversation-script.ts';
import { scaleScript } from '../../../harness/collect/script/scale-script.ts';

const turns = (s: ConversationScript) => s.entries.filter((e) => e.kind === 'turn');
const totalMs = (s: ConversationScript, utteranceMs?: (id: string) => number) => s.entries.reduce((sum, e) => sum + estimateEntryMs(e, s, utteranceMs), 0);

test('the default script fills about 7 minutes with 30+ turns, barge-ins, long silences and one reconnect', async () => {
  const script = await loadConversationScript();
  const catalog = await loadUtteranceCatalog();
  const utteranceMs = (id: string) => catalog.utterances.get(id)!.durationMs;
  expect(turns(script).length).toBeGreaterThanOrEqual(30);
  expect(turns(script).filter((t) => t.bargeInAfterMs !== undefined).length).toBeGreaterThanOrEqual(3);
  expect(turns(script).filter((t) => t.reconnect).length).toBe(1);
  expect(script.entries.filter((e) => e.kind === 'long-silence').length).toBeGreaterThanOrEqual(2);
  expect(turns(script).some((t) => t.then !== 'wait-reply')).toBe(true);
  for (const t of turns(script)) expect(catalog.utterances.has(t.utterance)).toBe(true);
  const minutes = totalMs(script, utteranceMs) / 60_000;
  expect(minutes).toBeGreaterThan(6.5);
  expect(minutes).toBeLessThan(7.5);
});

test('scaleScript: 30 s keeps >= 2 turns and drops long silences; 90 s includes a barge-in; 14 min repeats', async () => {
  const script = await loadConversationScript();
  const short = scaleScript(script, 30_000);
  expect(turns(short).length).toBeGreaterThanOrEqual(2);
  expect(short.entries.some((e) => e.kind === 'long-silence')).toBe(false);
  expect(totalMs(short)).toBeLessThanOrEqual(30_000);
  const ninety = scaleScript(script, 90_000);
  expect(totalMs(ninety)).toBeLessThanOrEqual(90_000);
  expect(totalMs(ninety)).toBeGreaterThan(75_000);
  expect(turns(ninety).some((t) => t.bargeInAfterMs !== undefined)).toBe(true);
  const long = scaleScript(script, 14 * 60_000);
  expect(turns(long).length).toBeGreaterThan(turns(script).length * 1.8);
  expect(totalMs(long)).toBeLessThanOrEqual(14 * 60_000);
  expect(totalMs(long)).toBeGreaterThan(13 * 60_000);
  const tiny = scaleScript(script, 1_000);
  expect(turns(tiny).length).toBe(2);
  expect(tiny.entries.at(-1)).not.toHaveProperty('bargeInAfterMs');
  expect(() => scaleScript(script, 0)).toThrow('scaleScript requires a positive durationMs');
});

test('the loader names the file and the field that is wrong', async () => {
  expect(() => parseConversationScript({ name: 'x', entries: [{ utterance: 'u01', then: 'wait' }] }, 'mine.json')).toThrow(
    /conversation script mine\.json: entries\[0\]\.then: /,
  );
  expect(() => parseConversationScript({ name: 'x', entries: [{ kind: 'long-silence', durationMs: -5 }] })).toThrow(/entries\[0\]\.durationMs/);
  expect(() => parseConversationScript({ name: 'x', entries: [] })).toThrow(/entries: /);
  expect(() => parseConversationScript({ name: 'x', entries: [{ utterance: 'u01', then: 'wait-reply', typo: 1 }] })).toThrow(/typo/);
  const dir = await mkdtemp(join(tmpdir(), 'script-'));
  await writeFile(join(dir, 'bad.json'), '{ nope');
  await expect(loadConversationScript(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
  await expect(loadConversationScript(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json cannot be read \(SOAK_SCRIPT\)/);
});
