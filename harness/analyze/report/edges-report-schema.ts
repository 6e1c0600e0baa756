/**
 * The report's audio-edge section: per-turn mouth-to-ear beside the protocol TTFR, which measures the run had, and
 * the timeline of the slowest answered turn (mic speech, protocol events, the output's loudness) for its chart.
 */
import { z } from 'zod';

const num = z.number().finite();

export const edgeTurnReportSchema = z.object({
  turn: z.number().int().nonnegative().nullable(),
  speechStartMs: num,
  speechEndMs: num,
  mouthToEarMs: num.nullable(),
  ttfrMs: num.nullable(),
  replyMs: num.nullable(),
  gapsMs: z.array(num),
  echoMs: num,
  bargeInOverlapMs: num.nullable(),
});

export const edgesReportSchema = z.object({
  /** 'none': judged on the audio edges, memory, DOM and socket counters alone (no Realtime events). */
  protocol: z.enum(['realtime', 'none']),
  protocolReason: z.string().nullable(),
  /** Each measure and whether the log had it: "audio edges", "protocol TTFR", "memory (CDP)", "sockets". */
  measures: z.array(z.object({ name: z.string(), available: z.boolean(), detail: z.string() })),
  turns: z.array(edgeTurnReportSchema),
  /** The slowest answered turn's timeline: output loudness per 50 ms ([tMs, dBFS]) and what happened when. */
  slowest: z
    .object({
      turn: z.number().int().nonnegative().nullable(),
      fromMs: num,
      toMs: num,
      speech: z.tuple([num, num]),
      output: z.array(z.tuple([num, num])),
      events: z.array(z.object({ tMs: num, label: z.string() })),
    })
    .nullable(),
});

export type EdgesReport = z.infer<typeof edgesReportSchema>;
