/**
 * One WebRTC call, answered the way the Realtime API answers POST /v1/realtime/calls: a werift peer that keeps every
 * candidate on loopback (loopback-peer-config.ts), the client's `oai-events` data channel carrying the same Realtime
 * events as a WebSocket connection, the client's Opus mic track decoded for the server VAD, and reply audio sent back
 * as an Opus track in real time (paced-audio-sender.ts). Server faults apply as on a WebSocket (ttfr-growth, stall,
 * protocol-errors in the response; drop-connection closes the peer) plus the RTP ones (rtp-loss, rtp-jitter) and
 * datachannel-stall: when the VAD hears the caller's second utterance start, the server stops writing and reading
 * the oai-events channel for the fault's ms (its events wait in order, the client's wait unread), then sends and
 * handles the backlog at once; the mic and reply audio tracks keep flowing, so the reply is heard with no events.
 */
import type { IncomingMessage } from 'node:http';
import { RTCPeerConnection } from 'werift';
import type { MediaStreamTrack, RTCDataChannel, RTCRtpTransceiver } from 'werift';
import { mixSeeds, seededRandom } from '../../../harness/synth/seeded-random.ts';
import { applySessionUpdate } from '../realtime/apply-session-update.ts';
import { connectionOptions } from '../realtime/connection-options.ts';
import type { ConnectionContext, ServerEvent } from '../realtime/connection-context.ts';
import { dispatchClientEvent, expiresAtS } from '../realtime/dispatch-client-event.ts';
import { createIdFactory } from '../realtime/event-ids.ts';
import { appendInputSamples } from '../realtime/input-audio-handlers.ts';
import { newConnectionContext } from '../realtime/new-connection-context.ts';
import { RealtimeError } from '../realtime/realtime-error.ts';
import type { RealtimeConnectionSettings } from '../realtime/realtime-connection.ts';
import { sessionShape } from '../realtime/session-shape.ts';
import type { CallOffer } from './read-call-offer.ts';
import { CallOfferError } from './read-call-offer.ts';
import { loopbackPeerConfig } from './loopback-peer-config.ts';
import { OpusCodec } from './opus-codec.ts';
import { PacedAudioSender } from './paced-audio-sender.ts';

export const EVENTS_CHANNEL_LABEL = 'oai-events';
const GATHER_TIMEOUT_MS = 3_000;
/** A call whose data channel has not opened by then is closed (the page went away mid-handshake). */
const CONNECT_TIMEOUT_MS = 30_000;

export interface AnsweredCall {
  callId: string;
  answerSdp: string;
}

export async function answerCall(offer: CallOffer, req: IncomingMessage, settings: RealtimeConnectionSettings): Promise<AnsweredCall> {
  const options = connectionOptions(req, settings.faults, settings.defaultDialect);
  const nextId = createIdFactory();
  const callId = nextId('rtc');
  const pc = new RTCPeerConnection(loopbackPeerConfig());
  const log = (line: string) => settings.log(`webrtc ${callId}: ${line}`);
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
  } catch (error) {
    await pc.close();
    throw new CallOfferError(400, 'invalid_offer', `Invalid SDP offer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const audio = pc.getTransceivers().find((t) => t.kind === 'audio');
  if (!audio) {
    await pc.close();
    throw new CallOfferError(400, 'invalid_offer', 'Invalid SDP offer: it has no audio m-line (add the microphone track or an audio transceiver).');
  }
  audio.setDirection('sendrecv');
  await pc.setLocalDescription(await pc.createAnswer());
  await waitForGathering(pc);
  const answerSdp = pc.localDescription?.sdp;
  if (!answerSdp) {
    await pc.close();
    throw new Error('werift produced no local description');
  }
  runCall(pc, audio, { options, nextId, callId, offer, settings, log });
  log(`answered model=${options.model} dialect=${options.dialect} faults=${JSON.stringify(options.faults)}`);
  return { callId, answerSdp };
}

interface CallSetup {
  options: ReturnType<typeof connectionOptions>;
  nextId: ReturnType<typeof createIdFactory>;
  callId: string;
  offer: CallOffer;
  settings: RealtimeConnectionSettings;
  log: (line: string) => void;
}

function runCall(pc: RTCPeerConnection, audio: RTCRtpTransceiver, setup: CallSetup): void {
  const { options, nextId, settings, log } = setup;
  const memory = settings.memory.account();
  let closed = false;
  let channel: RTCDataChannel | null = null;
  const outbox: string[] = [];
  let flushScheduled = false;
  // werift loses the first chunk of a send made inside its onMessage handler (SCTP resends it ~1 s later): sends go
  // out from a timer, in order.
  const stallMs = options.faults.datachannelStallMs;
  let speechStarts = 0;
  let stallUntilMs = 0;
  const inbox: (string | Buffer)[] = [];
  const stalled = () => performance.now() < stallUntilMs;
  const flush = () => {
    flushScheduled = false;
    if (stalled()) return;
    for (const text of outbox.splice(0)) if (channel?.readyState === 'open') channel.send(text);
  };
  const receive = (data: string | Buffer) => {
    if (stalled()) inbox.push(data);
    else dispatchClientEvent(ctx, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, typeof data !== 'string');
  };
  let stallTimer: NodeJS.Timeout | null = null;
  const startStall = (ms: number) => {
    stallUntilMs = performance.now() + ms;
    log(`datachannel-stall: oai-events neither read nor written for ${ms} ms`);
    stallTimer = setTimeout(() => {
      stallTimer = null;
      log(`datachannel-stall over: ${outbox.length} events sent, ${inbox.length} client events handled`);
      flush();
      for (const data of inbox.splice(0)) receive(data);
    }, ms);
  };
  const random = seededRandom(mixSeeds(options.seed, 0x7e7));
  const sender = new PacedAudioSender({
    writeRtp: (packet) => {
      if (!closed) audio.sender.sendRtp(packet).catch(() => {});
    },
    send: (event) => ctx.send(event),
    lossShare: options.faults.rtpLossShare,
    jitterMs: options.faults.rtpJitterMs,
    random,
    payloadType: audio.sender.codec?.payloadType,
  });
  const ctx: ConnectionContext = newConnectionContext(options, settings, memory, nextId, {
    send(event: ServerEvent) {
      if (closed) return;
      const { type, ...rest } = event;
      if (stallMs !== undefined && type === 'input_audio_buffer.speech_started' && ++speechStarts === 2) startStall(stallMs);
      outbox.push(JSON.stringify({ event_id: nextId('event'), type, ...rest }));
      if (!flushScheduled && channel) {
        flushScheduled = true;
        setTimeout(flush, 0);
      }
    },
    get closed() {
      return closed;
    },
    audioOut: sender,
  });
  if (setup.offer.session !== undefined) {
    try {
      ctx.session = applySessionUpdate(ctx.session, setup.offer.session, ctx.dialect);
    } catch (error) {
      if (error instanceof RealtimeError) ctx.sendError(error, null);
    }
  }

  const codec = new OpusCodec();
  const listening = new Set<MediaStreamTrack>();
  const listen = (track: MediaStreamTrack) => {
    if (track.kind !== 'audio' || listening.has(track)) return;
    listening.add(track);
    track.onReceiveRtp.subscribe((rtp) => {
      if (closed || !channel) return;
      try {
        appendInputSamples(ctx, codec.decode(rtp.payload));
      } catch (error) {
        log(`mic packet dropped: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  // The offer's track may exist already (werift makes it at setRemoteDescription when the offer names its SSRC).
  for (const track of audio.receiver.tracks) listen(track);
  pc.onTrack.subscribe(listen);

  const connectTimer = setTimeout(() => close(`no ${EVENTS_CHANNEL_LABEL} data channel within ${CONNECT_TIMEOUT_MS / 1000} s`), CONNECT_TIMEOUT_MS);
  let dropTimer: NodeJS.Timeout | null = null;
  pc.onDataChannel.subscribe((dc) => {
    if (dc.label !== EVENTS_CHANNEL_LABEL || channel) return;
    channel = dc;
    clearTimeout(connectTimer);
    dc.onMessage.subscribe(receive);
    dc.stateChanged.subscribe((state) => {
      if (state === 'closed') close('data channel closed');
    });
    ctx.send({ type: 'session.created', session: sessionShape(ctx.session, ctx.dialect, expiresAtS()) });
    if (options.faultsError) ctx.sendError(new RealtimeError('invalid_value', options.faultsError, 'voice_soak_faults'), null);
    sender.start();
    const dropSeconds = options.faults.dropConnectionSeconds;
    if (dropSeconds !== undefined) dropTimer = setTimeout(() => close(`drop-connection fault after ${dropSeconds} s`), dropSeconds * 1000);
    log('data channel open');
  });
  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed' || state === 'disconnected') close(`peer ${state}`);
  });

  function close(why: string): void {
    if (closed) return;
    closed = true;
    clearTimeout(connectTimer);
    if (dropTimer) clearTimeout(dropTimer);
    if (stallTimer) clearTimeout(stallTimer);
    ctx.activeResponse?.cancel('client_cancelled');
    sender.close();
    codec.close();
    memory.release();
    log(`close (${why}) responses=${ctx.responsesStarted} frames=${sender.counters.framesSent} dropped=${sender.counters.packetsDropped}`);
    pc.close().catch(() => {});
  }
}

function waitForGathering(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(resolvePromise, GATHER_TIMEOUT_MS);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      clearTimeout(timer);
      resolvePromise();
    });
  });
}
