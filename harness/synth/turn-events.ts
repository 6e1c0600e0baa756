/**
 * The records of one synthetic conversation turn: the user speaks, the server answers with streamed audio.
 * rt events as the WebSocket tap derives them, monitor records as the in-page monitor logs them, harness marks.
 */
import type { LogRecord } from '../log/log-schema.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { SynthFaults } from './synth-faults.ts';

export interface TurnPlan {
  turn: number;
  startMs: number;
  endMs: number;
  messagesPerSecond: number;
  faults: SynthFaults;
}

export interface TurnOutcome {
  records: LogRecord[];
  /** When the user spoke and when the reply played, for the per-second samplers. */
  speech: [number, number];
  reply: [number, number];
}

export function turnEvents(plan: TurnPlan, random: SeededRandom): TurnOutcome {
  const { turn, startMs, faults } = plan;
  const records: LogRecord[] = [];
  const minutes = (tMs: number): number => tMs / 60_000;
  let lastMessageMs: number | null = null;
  let slowHandlerDue = faults.slowHandlerMs !== undefined && turn % 5 === 2;
  const message = (atMs: number, eventType: string): void => {
    const tMs = lastMessageMs === null ? atMs : Math.max(atMs, lastMessageMs + 0.05);
    let handlerMs = random.logNormal(1.2 + (faults.latencyGrowthMsPerTurn ?? 0) * turn, 0.45);
    if (random.chance(0.01)) handlerMs *= random.uniform(5, 20);
    if (slowHandlerDue) {
      handlerMs = faults.slowHandlerMs!;
      slowHandlerDue = false;
    }
    const queueSize = Math.floor((faults.eventQueueGrowthPerMin ?? 0) * minutes(tMs)) + (random.chance(0.15) ? Math.ceil(random.uniform(0, 3)) : 0);
    const gapMs = lastMessageMs === null ? undefined : tMs - lastMessageMs;
    lastMessageMs = tMs;
    records.push({ type: 'monitor', kind: 'message', tMs, eventType, handlerMs, queueSize, ...(gapMs === undefined ? {} : { gapMs }) });
  };
  const rt = (record: LogRecord, eventType: string): void => {
    records.push(record);
    message(record.tMs + random.uniform(0.2, 2), eventType);
  };

  records.push({ type: 'harness', kind: 'turn-start', tMs: startMs, turn });
  const speechStartMs = startMs + random.uniform(150, 400);
  const speechStopMs = speechStartMs + random.uniform(1500, 3500);
  rt({ type: 'rt', kind: 'speech-started', tMs: speechStartMs, itemId: `item_${turn}` }, 'input_audio_buffer.speech_started');
  rt({ type: 'rt', kind: 'speech-stopped', tMs: speechStopMs, itemId: `item_${turn}` }, 'input_audio_buffer.speech_stopped');
  rt({ type: 'rt', kind: 'committed', tMs: speechStopMs + random.uniform(8, 25), itemId: `item_${turn}` }, 'input_audio_buffer.committed');
  const responseId = `resp_${turn}`;
  rt({ type: 'rt', kind: 'response-created', tMs: speechStopMs + random.uniform(30, 60), responseId }, 'response.created');

  let ttfrMs = random.logNormal(650, 0.22) + (faults.ttfrGrowthMsPerTurn ?? 0) * turn + (faults.slowFirstResponseMs ?? 0);
  if (random.chance(0.02)) ttfrMs += random.uniform(500, 1200);
  const firstAudioMs = speechStopMs + ttfrMs;
  const interruptedByUser = random.chance(0.04);
  const unplanned = random.chance(faults.unplannedInterruptionRatePerTurn ?? 0);
  const replyMs = random.uniform(2500, 5000) * (interruptedByUser || unplanned ? 0.4 : 1);
  const intervalMs = 1000 / plan.messagesPerSecond;
  const gapChancePerDelta = ((faults.audioGapsPerMin ?? 0) + 0.1) * (intervalMs / 60_000);
  const backlog = Math.floor((faults.audioBacklogPerMin ?? 0) * minutes(firstAudioMs));
  rt({ type: 'rt', kind: 'first-audio', tMs: firstAudioMs, responseId }, 'response.audio.delta');
  let tMs = firstAudioMs;
  let chunk = 0;
  while (tMs < firstAudioMs + replyMs && tMs < plan.endMs - 400) {
    const gapMs = chunk === 0 ? undefined : intervalMs * random.uniform(0.7, 1.3) + (random.chance(gapChancePerDelta) ? random.uniform(300, 700) : 0);
    tMs += gapMs ?? 0;
    rt({ type: 'rt', kind: 'audio-delta', tMs, responseId, bytes: 4800, ...(gapMs === undefined ? {} : { gapMs }) }, 'response.audio.delta');
    const pendingChunks = backlog + Math.max(0, Math.min(8, Math.round(chunk * 0.3 + random.normal(0, 1))));
    records.push({ type: 'monitor', kind: 'audio-chunk', tMs: tMs + 0.5, processingMs: random.logNormal(0.8, 0.4), pendingChunks });
    chunk++;
  }
  const replyEndMs = tMs;
  for (let i = 1; i <= 3; i++)
    records.push({ type: 'monitor', kind: 'playback', tMs: replyEndMs + i * 150, pendingChunks: backlog + Math.max(0, 3 - i), underrun: false });
  if (interruptedByUser || unplanned) {
    records.push({ type: 'monitor', kind: 'interruption', tMs: replyEndMs + 5, reason: unplanned ? 'response-timeout' : 'barge-in', responseId });
  }
  rt(
    {
      type: 'rt',
      kind: 'response-done',
      tMs: replyEndMs + random.uniform(20, 60),
      responseId,
      status: interruptedByUser || unplanned ? 'cancelled' : 'completed',
    },
    'response.done',
  );
  if (random.chance(faults.errorRatePerTurn ?? 0)) {
    records.push({ type: 'monitor', kind: 'error', tMs: replyEndMs + 100, source: 'app', message: 'synthetic error: audio decode failed' });
  }
  records.push({ type: 'harness', kind: 'turn-end', tMs: plan.endMs - 20, turn });
  return { records, speech: [speechStartMs, speechStopMs], reply: [firstAudioMs, replyEndMs] };
}
