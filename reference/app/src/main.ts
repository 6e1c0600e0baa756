/**
 * Page entry: reads the config, wires #start/#stop/#status/#transcript, exposes window.voiceApp (the test surface)
 * and globalThis.voiceSoakAppHooks (the monitor's safeguards).
 */
import { readAppConfig } from './app-config.ts';
import type { AppConfig } from './app-config.ts';
import { installAppHooks } from './monitor-bridge.ts';
import { TranscriptView } from './transcript-view.ts';
import { VoiceApp } from './voice-app.ts';
import type { AppStatus, VoiceAppState } from './voice-app-state.ts';

export interface VoiceAppApi {
  start(): Promise<void>;
  stop(): void;
  reconnect(): void;
  state(): VoiceAppState;
}

declare global {
  interface Window {
    VOICE_APP_CONFIG?: { wsUrl?: string; apiKey?: string; dialect?: string; faults?: string; transport?: string; callsUrl?: string };
    voiceApp?: VoiceAppApi;
  }
}

const startButton = document.querySelector<HTMLButtonElement>('#start');
const stopButton = document.querySelector<HTMLButtonElement>('#stop');
const statusLine = document.querySelector<HTMLElement>('#status');

function showStatus(status: AppStatus, detail: string): void {
  if (statusLine) {
    statusLine.dataset.state = status;
    statusLine.textContent = detail;
  }
  const running = status === 'connecting' || status === 'live' || status === 'reconnecting';
  if (startButton) startButton.disabled = running;
  if (stopButton) stopButton.disabled = !running;
}

let config: AppConfig | null = null;
let app: VoiceApp | null = null;
try {
  config = readAppConfig(location.href, window.VOICE_APP_CONFIG);
  app = new VoiceApp(config, new TranscriptView(document.querySelector('#transcript')), showStatus);
  showStatus('idle', `ready (${config.dialect} dialect${config.transport === 'webrtc' ? ', WebRTC' : ''}${config.faults ? `, faults: ${config.faults}` : ''})`);
} catch (error) {
  showStatus('error', error instanceof Error ? error.message : String(error));
  if (startButton) startButton.disabled = true;
}

if (app) {
  const live = app;
  startButton?.addEventListener('click', () => void live.start());
  stopButton?.addEventListener('click', () => live.stop());
  window.voiceApp = {
    start: () => live.start(),
    stop: () => live.stop(),
    reconnect: () => live.reconnect(),
    state: () => live.state(),
  };
  installAppHooks({
    cleanupAudioChunks: () => live.cleanupAudioChunks(),
    interruptResponse: (reason) => live.interruptResponse(reason),
    getState: () => ({ ...live.state() }),
  });
}
