/** The shape of window.voiceApp.state(): the app's explicit test/monitor surface. */
import type { RealtimeDialect, RealtimeTransport } from './app-config.ts';
import type { AppCounters } from './app-counters.ts';

export type AppStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'error';

export interface VoiceAppState extends AppCounters {
  status: AppStatus;
  connected: boolean;
  dialect: RealtimeDialect;
  transport: RealtimeTransport;
  /** The fault spec this page runs with ('' when clean). */
  faults: string;
  /** The AudioContext's state ('none' before Start): 'running' means the Start click unlocked audio. */
  audioContextState: AudioContextState | 'none';
  /** Chunks scheduled but not finished playing ("chunks pending playback"). */
  playbackQueueLength: number;
  scheduledChunks: number;
  underruns: number;
  /** heap-leak fault: JS-heap bytes retained so far (0 when clean). */
  heapLeakRetainedBytes: number;
  /** Transcript lines, oldest first, as "user: ..." / "assistant: ...". */
  transcript: string[];
}
