/** What the app counts about itself; window.voiceApp.state() reports these. */
export interface AppCounters {
  receivedAudioChunks: number;
  receivedAudioBytes: number;
  /** User turns: input audio buffers committed by server VAD. */
  turns: number;
  /** response.done events received (any status). */
  responsesDone: number;
  /** Responses cancelled: by the app (barge-in, monitor hook) or reported cancelled by the server. */
  responsesCancelled: number;
  interruptions: number;
  /** Successful reconnections (planned or after an unexpected close). */
  reconnects: number;
  contextItemsReplayed: number;
  /** Longest time one server message's handler ran on the main thread. */
  maxMessageHandlerMs: number;
  lastError: string | null;
}

export function newAppCounters(): AppCounters {
  return {
    receivedAudioChunks: 0,
    receivedAudioBytes: 0,
    turns: 0,
    responsesDone: 0,
    responsesCancelled: 0,
    interruptions: 0,
    reconnects: 0,
    contextItemsReplayed: 0,
    maxMessageHandlerMs: 0,
    lastError: null,
  };
}
