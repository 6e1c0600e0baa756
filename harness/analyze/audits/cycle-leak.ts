/**
 * cycle-leak: something grows by a steady amount per conversation (start, talk, hang up), judged on the harness's
 * `cycle` records (post-GC counts after each hang-up) by cycle-leak-rule.ts: AudioContexts, MediaStreamTracks,
 * RTCPeerConnections and WebSockets never closed (tolerance OBJECTS_PER_CYCLE), event listeners and DOM nodes (tolerances
 * cycleListenerGrowth, cycleDomNodeGrowth). A run that did not cycle has nothing to judge and no assertion; one
 * that meant to (header meta `cycles` > 1) but recorded too few cycles is a warning.
 */
import type { CycleRecord, LiveCounts } from '../../log/log-schema.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, noDataCheck, type Check } from '../judge/check.ts';
import { judgeCycleLeak, MIN_CYCLES } from '../judge/cycle-leak-rule.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

interface Resource {
  key: string;
  label: string;
  tolerance: number;
  count: (record: CycleRecord) => number | undefined;
}

/** One object left open every other cycle or more often is a leak: a clean app leaves none. */
const OBJECTS_PER_CYCLE = 0.5;

const live = (key: keyof LiveCounts) => (record: CycleRecord) => record.live?.[key];

export const cycleLeakAudit: Audit = {
  id: 'cycle-leak',
  title: 'Nothing leaks per conversation',
  failureTitle: 'Something leaks every conversation',
  requires: ['harness'],
  recommendation:
    'Every start/stop leaves something open: on hang-up close the AudioContext (audioContext.close()), stop every MediaStreamTrack, close RTCPeerConnections and WebSockets, and remove the listeners the start added.',
  judge: judgeCycles,
};

function judgeCycles(ctx: AnalysisContext): Check | null {
  const planned = Number(ctx.data.header.meta?.cycles ?? 1);
  const cycles = ctx.data.cycles.filter((record) => record.cycle > 0);
  if (ctx.data.cycles.length === 0 && !(planned > 1)) return null;
  const expected = `no steady growth over ${MIN_CYCLES}+ cycles`;
  if (cycles.length < MIN_CYCLES) {
    return makeCheck({
      id: 'cycle-leak',
      level: 'warn',
      title: 'Leak per conversation unknown',
      expected,
      actual: null,
      operator: 'present',
      unit: '',
      passed: false,
      message: `cycle-leak: ${cycles.length} conversation cycle(s) recorded (of ${planned} planned), at least ${MIN_CYCLES} are needed to judge`,
    });
  }
  const { thresholds } = ctx;
  const resources: Resource[] = [
    { key: 'audioContexts', label: 'AudioContexts', tolerance: OBJECTS_PER_CYCLE, count: live('audioContexts') },
    { key: 'mediaStreamTracks', label: 'MediaStreamTracks', tolerance: OBJECTS_PER_CYCLE, count: live('mediaStreamTracks') },
    { key: 'peerConnections', label: 'RTCPeerConnections', tolerance: OBJECTS_PER_CYCLE, count: live('peerConnections') },
    { key: 'webSockets', label: 'WebSockets', tolerance: OBJECTS_PER_CYCLE, count: live('webSockets') },
    { key: 'eventListeners', label: 'event listeners', tolerance: thresholds.cycleListenerGrowth, count: (r) => r.eventListeners },
    { key: 'domNodes', label: 'DOM nodes', tolerance: thresholds.cycleDomNodeGrowth, count: (r) => r.domNodes },
  ];
  const evidence: Record<string, number | string | null> = { cycles: cycles.length };
  const leaks: string[] = [];
  const seen: string[] = [];
  let missingLive = false;
  for (const resource of resources) {
    const counts = cycles.map(resource.count);
    if (counts.some((c) => c === undefined)) {
      missingLive = true;
      continue;
    }
    const values = counts as number[];
    const judged = judgeCycleLeak(values, resource.tolerance);
    evidence[`${resource.key}PerCycle`] = judged.perCycle;
    evidence[`${resource.key}First`] = values[0]!;
    evidence[`${resource.key}Last`] = values[values.length - 1]!;
    const span = `${values[0]} -> ${values[values.length - 1]}`;
    seen.push(`${resource.label} ${span}`);
    if (judged.leaking)
      leaks.push(
        `${resource.label} +${formatNumber(judged.perCycle)} per cycle (${span}, rose in ${judged.risingSteps} of ${judged.steps} steps; tolerance ${formatNumber(resource.tolerance)})`,
      );
  }
  const over = `${cycles.length} cycles, post-GC after each hang-up${missingLive ? '; no live object counts: was the in-page monitor injected?' : ''}`;
  if (missingLive && seen.length === 0) return noDataCheck('cycle-leak', 'warn', 'Leak per conversation unknown', 'the cycle records carry no counts');
  return makeCheck({
    id: 'cycle-leak',
    level: 'error',
    title: 'Something leaks every conversation',
    expected,
    actual: leaks.length ? leaks.join('; ') : 'none',
    operator: 'present',
    unit: '',
    passed: leaks.length === 0,
    message: leaks.length ? `cycle-leak: ${leaks.join('; ')} (${over})` : `cycle-leak: nothing grew steadily per cycle (${seen.join(', ')}; ${over})`,
    evidence,
    window: { fromMs: cycles[0]!.tMs, toMs: cycles[cycles.length - 1]!.tMs },
  });
}
