/**
 * The voice client's lifecycle: Start (AudioContext from the click, mic, socket), Stop, and reconnection
 * (automatic with backoff after an unexpected close, or planned via reconnect()); each new connection gets
 * session.update and, after the first, a replay of the recent conversation as text items.
 */
import type { AppConfig } from './app-config.ts';
import { newAppCounters } from './app-counters.ts';
import { audioAppend, contextItemCreate, sessionUpdate } from './client-events.ts';
import type { ClientEvent } from './client-events.ts';
import { ConversationContext } from './conversation-context.ts';
import { parseFaultSpec } from '../../faults/fault-spec.ts';
import type { FaultSpec } from '../../faults/fault-spec.ts';
import { startHeapLeak } from './heap-leak-fault.ts';
import { startDetachedDomLeak } from './detached-dom-fault.ts';
import { startListenerLeak } from './listener-leak-fault.ts';
import type { HeapLeak } from './heap-leak-fault.ts';
import { MIC_CONSTRAINTS, startMicCapture } from './mic-capture.ts';
import type { MicCapture } from './mic-capture.ts';
import { monitor } from './monitor-bridge.ts';
import { pcm16ToBase64 } from './pcm16-codec.ts';
import { PlaybackScheduler } from './playback-scheduler.ts';
import { RealtimeCall } from './realtime-call.ts';
import { openRealtimeSocket } from './realtime-socket.ts';
import type { RealtimeLink } from './realtime-socket.ts';
import { reconnectDelayMs } from './reconnect-backoff.ts';
import { ServerEventHandler } from './server-event-handler.ts';
import type { ServerEvent } from './server-event-handler.ts';
import { retainedAudio } from './retained-audio-fault.ts';
import type { RetainedAudio } from './retained-audio-fault.ts';
import { createSlowHandler } from './slow-handler-fault.ts';
import type { TranscriptView } from './transcript-view.ts';
import type { AppStatus, VoiceAppState } from './voice-app-state.ts';

interface Session {
  audioContext: AudioContext;
  scheduler: PlaybackScheduler;
  handler: ServerEventHandler;
  heapLeak: HeapLeak | null;
  mic: MicCapture | null;
  /** WebRTC: the microphone stream sent as the call's audio track, and the element that plays the reply track. */
  call: { mic: MediaStream; player: HTMLAudioElement } | null;
}

/** The leak-audiocontext fault's contexts: never closed, never released (one per start/stop). */
const leakedAudioContexts: AudioContext[] = [];

export class VoiceApp {
  readonly counters = newAppCounters();
  private readonly context = new ConversationContext();
  private readonly faults: FaultSpec;
  private session: Session | null = null;
  /** Kept after stop() so that state() still reports the last session's playback numbers. */
  private lastScheduler: PlaybackScheduler | null = null;
  private socket: RealtimeLink | null = null;
  private connections = 0;
  private failedAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private status: AppStatus = 'idle';

  constructor(
    private readonly config: AppConfig,
    private readonly transcript: TranscriptView,
    private readonly onStatus: (status: AppStatus, detail: string) => void,
  ) {
    this.faults = parseFaultSpec(config.faults);
  }

  /** Call from the Start click: the AudioContext is created before the first await so autoplay policy allows it. */
  async start(): Promise<void> {
    if (this.session) return;
    // Start after Stop begins a new conversation: nothing to replay, and its first connection is not a reconnect.
    this.context.clear();
    this.connections = 0;
    this.failedAttempts = 0;
    const audioContext = new AudioContext({ sampleRate: 24000 });
    void audioContext.resume();
    // A WebRTC call plays the remote track through an <audio> element: the playback faults have no scheduler to delay.
    const websocket = this.config.transport !== 'webrtc';
    const delays = websocket ? { startMs: this.faults.slowPlaybackStartMs, jitterMs: this.faults.playbackJitterMs } : {};
    const scheduler = new PlaybackScheduler(audioContext, this.faults.audioBacklog === true, undefined, delays);
    const heapLeak = this.faults.heapLeakMbPerMin ? startHeapLeak(this.faults.heapLeakMbPerMin) : null;
    const slowHandler = this.faults.slowHandlerMs !== undefined ? createSlowHandler(this.faults.slowHandlerMs) : null;
    if (this.faults.audioBacklog) monitor.faultApplied('audio-backlog');
    if (delays.startMs) monitor.faultApplied(`slow-playback-start:${delays.startMs}`);
    if (delays.jitterMs) monitor.faultApplied(`playback-jitter:${delays.jitterMs}`);
    if (heapLeak) monitor.faultApplied(`heap-leak:${this.faults.heapLeakMbPerMin}`);
    if (slowHandler) monitor.faultApplied(`slow-handler:${this.faults.slowHandlerMs}`);
    const retained: RetainedAudio[] = [];
    if (this.faults.retainAudioMbPerMin) retained.push(retainedAudio('float32', this.faults.retainAudioMbPerMin));
    if (this.faults.retainAudioBuffersMbPerMin) retained.push(retainedAudio('audiobuffer', this.faults.retainAudioBuffersMbPerMin));
    if (this.faults.retainAudioMbPerMin) monitor.faultApplied(`retain-audio:${this.faults.retainAudioMbPerMin}`);
    if (this.faults.retainAudioBuffersMbPerMin) monitor.faultApplied(`retain-audiobuffers:${this.faults.retainAudioBuffersMbPerMin}`);
    if (this.faults.leakAudioContext) monitor.faultApplied('leak-audiocontext');
    const deltaLeaks = [
      ...(this.faults.detachedDomPerDelta ? [startDetachedDomLeak(this.faults.detachedDomPerDelta)] : []),
      ...(this.faults.listenerLeakPerDelta ? [startListenerLeak(this.faults.listenerLeakPerDelta)] : []),
    ];
    for (const leak of deltaLeaks) monitor.faultApplied(leak.spec);
    const handler = new ServerEventHandler({
      scheduler,
      transcript: this.transcript,
      context: this.context,
      counters: this.counters,
      send: (event) => this.send(event),
      heapLeak,
      slowHandler,
      deltaLeaks,
      retainedAudio: retained,
    });
    const session: Session = { audioContext, scheduler, handler, heapLeak, mic: null, call: null };
    this.lastScheduler = scheduler;
    this.session = session;
    this.setStatus('connecting', 'connecting');
    if (this.config.transport === 'webrtc') return this.startCall(session);
    this.connect();
    try {
      const workletUrl = new URL('./capture-worklet.js', import.meta.url).href;
      const mic = await startMicCapture(audioContext, workletUrl, (pcm) => this.send(audioAppend(pcm16ToBase64(pcm))));
      if (this.session === session) session.mic = mic;
      else mic.stop();
    } catch (error) {
      this.fail('mic', `microphone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** WebRTC: the mic track goes into the call itself (no worklet, no appends), so the call waits for the mic. */
  private async startCall(session: Session): Promise<void> {
    try {
      const mic = await navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS });
      if (this.session !== session) return void stopTracks(mic);
      const player = new Audio();
      player.autoplay = true;
      session.call = { mic, player };
      this.connect();
    } catch (error) {
      this.fail('mic', `microphone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  stop(): void {
    const session = this.session;
    this.session = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.closeSocket('stop');
    if (session) {
      session.mic?.stop();
      if (session.call) {
        stopTracks(session.call.mic);
        session.call.player.srcObject = null;
      }
      session.scheduler.stopAll();
      session.heapLeak?.stop();
      if (this.faults.leakAudioContext) leakedAudioContexts.push(session.audioContext);
      else void session.audioContext.close();
    }
    if (this.status !== 'error') this.setStatus('idle', 'stopped');
  }

  /** Planned reconnect: close this socket on purpose and open a fresh one at once, replaying context. */
  reconnect(): void {
    if (!this.session) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.closeSocket('planned reconnect');
    this.session.handler.resetForNewConnection();
    this.setStatus('reconnecting', 'planned reconnect');
    this.connect();
  }

  /** Monitor safeguard hooks act on the live session (no-ops when stopped). */
  cleanupAudioChunks(): number {
    return this.session?.scheduler.dropFinished() ?? 0;
  }

  interruptResponse(reason: string): void {
    this.session?.handler.interrupt(reason);
  }

  state(): VoiceAppState {
    const scheduler = this.lastScheduler;
    return {
      ...this.counters,
      status: this.status,
      connected: this.socket?.readyState === WebSocket.OPEN,
      transport: this.config.transport,
      audioContextState: this.session?.audioContext.state ?? 'none',
      dialect: this.config.dialect,
      faults: this.config.faults,
      playbackQueueLength: scheduler?.queueLength ?? 0,
      scheduledChunks: scheduler?.scheduledChunks ?? 0,
      underruns: scheduler?.underruns ?? 0,
      heapLeakRetainedBytes: this.session?.heapLeak?.retainedHeapBytes ?? 0,
      transcript: this.transcript.snapshot(),
    };
  }

  private connect(): void {
    const call = this.session?.call;
    const socket: RealtimeLink = call ? new RealtimeCall(this.config, call.mic, call.player) : openRealtimeSocket(this.config);
    this.socket = socket;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (event: MessageEvent) => this.onMessage(event);
    socket.onerror = (event) =>
      call
        ? monitor.error('webrtc', `call error on ${this.config.callsUrl}: ${event instanceof ErrorEvent ? event.message : 'data channel error'}`)
        : monitor.error('websocket', `websocket error on ${this.config.wsUrl}`);
    socket.onclose = (event: CloseEvent) => this.onUnexpectedClose(socket, event);
  }

  private onOpen(socket: RealtimeLink): void {
    if (socket !== this.socket) return;
    this.connections++;
    this.failedAttempts = 0;
    this.send(sessionUpdate(this.config.dialect));
    if (this.connections > 1) {
      this.counters.reconnects++;
      for (const item of this.context.recent()) {
        this.send(contextItemCreate(this.config.dialect, item.role, item.text));
        this.counters.contextItemsReplayed++;
      }
    }
    this.setStatus('live', this.connections > 1 ? `live (reconnected ${this.counters.reconnects}x)` : 'live');
  }

  private onMessage(event: MessageEvent): void {
    const startMs = performance.now();
    let parsed: ServerEvent;
    try {
      parsed = JSON.parse(String(event.data)) as ServerEvent;
    } catch {
      monitor.error('websocket', 'server sent a message that is not JSON');
      return;
    }
    if (typeof parsed?.type !== 'string') return;
    this.session?.handler.handle(parsed);
    this.counters.maxMessageHandlerMs = Math.max(this.counters.maxMessageHandlerMs, performance.now() - startMs);
  }

  private onUnexpectedClose(socket: RealtimeLink, event: CloseEvent): void {
    if (socket !== this.socket) return;
    this.socket = null;
    if (!this.session) return;
    this.session.handler.resetForNewConnection();
    this.failedAttempts++;
    const delayMs = reconnectDelayMs(this.failedAttempts);
    const why = `connection closed (code ${event.code}${event.reason ? `, ${event.reason}` : ''})`;
    this.counters.lastError = why;
    monitor.error('websocket', why, String(event.code));
    this.setStatus('reconnecting', `${why}; reconnecting in ${delayMs} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.session) this.connect();
    }, delayMs);
  }

  private closeSocket(reason: string): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onclose = null;
    socket.onmessage = null;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, reason);
  }

  private send(event: ClientEvent): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private fail(source: string, message: string): void {
    this.counters.lastError = message;
    monitor.error(source, message);
    this.setStatus('error', message);
    this.stop();
  }

  private setStatus(status: AppStatus, detail: string): void {
    this.status = status;
    this.onStatus(status, detail);
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
