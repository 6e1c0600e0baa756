/**
 * Every audit, in report order: assertions and issues appear in this order (issues then sorted by level).
 */
import type { Audit } from './audit.ts';
import { audioBacklogAudit } from './audio-backlog.ts';
import { audioGapsAudit } from './audio-gaps.ts';
import { bufferGrowthAudit } from './buffer-growth.ts';
import { clientProtocolErrorsAudit } from './client-protocol-errors.ts';
import { clockJumpAudit } from './clock-jump.ts';
import { crashesAudit } from './crashes.ts';
import { cycleLeakAudit } from './cycle-leak.ts';
import { domGrowthAudit } from './dom-growth.ts';
import { errorsAudit } from './errors.ts';
import { eventQueueGrowthAudit } from './event-queue-growth.ts';
import { faultsAppliedAudit } from './faults-applied.ts';
import { heapGrowthAudit } from './heap-growth.ts';
import { interruptionsAudit } from './interruptions.ts';
import { latencyGrowthAudit } from './latency-growth.ts';
import { listenerGrowthAudit } from './listener-growth.ts';
import { memoryLimitAudit } from './memory-limit.ts';
import { messageLatencyAudit } from './message-latency.ts';
import { pageDialogsAudit } from './page-dialogs.ts';
import { pageUnresponsiveAudit } from './page-unresponsive.ts';
import { processMemoryGrowthAudit } from './process-memory-growth.ts';
import { remoteRequestsAudit } from './remote-requests.ts';
import { responseTimeoutsAudit } from './response-timeouts.ts';
import { runCompleteAudit } from './run-complete.ts';
import { samplingGapsAudit } from './sampling-gaps.ts';
import { slowEventProcessingAudit } from './slow-event-processing.ts';
import { slowFirstResponseAudit } from './slow-first-response.ts';
import { socketDropsAudit } from './socket-drops.ts';
import { ttfrGrowthAudit } from './ttfr-growth.ts';
import { wsBackpressureAudit } from './ws-backpressure.ts';
import { wsInWorkerAudit } from './ws-in-worker.ts';
import { bargeInOverlapAudit } from './barge-in-overlap.ts';
import { mouthToEarAudit } from './mouth-to-ear.ts';
import { mouthToEarGrowthAudit } from './mouth-to-ear-growth.ts';
import { noAudioOutputAudit } from './no-audio-output.ts';
import { playbackGapsAudit } from './playback-gaps.ts';
import { jitterGrowthAudit } from './jitter-growth.ts';
import { packetLossAudit } from './packet-loss.ts';
import { audioConcealmentAudit } from './audio-concealment.ts';
import { jitterBufferGrowthAudit } from './jitter-buffer-growth.ts';
import { datachannelBackpressureAudit } from './datachannel-backpressure.ts';
import { datachannelStallAudit } from './datachannel-stall.ts';

export const AUDITS: readonly Audit[] = [
  heapGrowthAudit,
  memoryLimitAudit,
  bufferGrowthAudit,
  processMemoryGrowthAudit,
  cycleLeakAudit,
  domGrowthAudit,
  listenerGrowthAudit,
  latencyGrowthAudit,
  slowEventProcessingAudit,
  messageLatencyAudit,
  slowFirstResponseAudit,
  ttfrGrowthAudit,
  responseTimeoutsAudit,
  audioBacklogAudit,
  wsBackpressureAudit,
  datachannelBackpressureAudit,
  datachannelStallAudit,
  eventQueueGrowthAudit,
  audioGapsAudit,
  mouthToEarAudit,
  mouthToEarGrowthAudit,
  playbackGapsAudit,
  bargeInOverlapAudit,
  noAudioOutputAudit,
  jitterGrowthAudit,
  packetLossAudit,
  audioConcealmentAudit,
  jitterBufferGrowthAudit,
  errorsAudit,
  interruptionsAudit,
  crashesAudit,
  samplingGapsAudit,
  clientProtocolErrorsAudit,
  wsInWorkerAudit,
  pageDialogsAudit,
  pageUnresponsiveAudit,
  runCompleteAudit,
  socketDropsAudit,
  clockJumpAudit,
  remoteRequestsAudit,
  faultsAppliedAudit,
];
