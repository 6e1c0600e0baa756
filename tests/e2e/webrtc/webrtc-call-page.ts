/**
 * The Realtime WebRTC guide's flow, run in a page (page.evaluate) against the embedded server: a microphone track
 * (an oscillator that beeps ON_MS on, OFF_MS off, so the server VAD hears turns), the `oai-events` data channel, an
 * offer POSTed as application/sdp, the answer applied. What the server sent comes back as a list of event types;
 * getStats() as the inbound audio and the selected candidate pair's addresses.
 */
import type { Browser, BrowserType, LaunchOptions, Page } from '@playwright/test';

export async function launchWebRtcBrowser(chromium: BrowserType, launchOptions: LaunchOptions): Promise<Browser> {
  return chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--allow-loopback-in-peer-connection'] });
}

export interface CallResult {
  status: number;
  location: string | null;
  types: string[];
  inbound: {
    packetsReceived: number;
    packetsLost: number;
    jitter: number;
    concealedSamples: number;
    silentConcealedSamples: number;
    totalSamplesReceived: number;
  } | null;
  addresses: string[];
}

/** Opens a call, sends `clientEvents` once the channel opens, keeps it up `holdMs`, then hangs up. */
export async function runCall(page: Page, path: string, holdMs: number, clientEvents: object[]): Promise<CallResult> {
  return page.evaluate(
    async ({ path, holdMs, clientEvents }) => {
      const ctx = new AudioContext({ sampleRate: 48_000 });
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 300;
      gain.gain.value = 0;
      for (let t = 0.5; t < holdMs / 1000; t += 3) {
        gain.gain.setValueAtTime(0.5, ctx.currentTime + t);
        gain.gain.setValueAtTime(0, ctx.currentTime + t + 1.2);
      }
      const dest = ctx.createMediaStreamDestination();
      osc.connect(gain).connect(dest);
      osc.start();
      const pc = new RTCPeerConnection();
      pc.addTrack(dest.stream.getAudioTracks()[0] as MediaStreamTrack, dest.stream);
      // Remote audio through an <audio> element, as the guide does: without a sink Chromium discards the packets.
      const player = document.createElement('audio');
      player.autoplay = true;
      pc.ontrack = (e) => {
        player.srcObject = new MediaStream([e.track]);
      };
      const types: string[] = [];
      const dc = pc.createDataChannel('oai-events');
      dc.onmessage = (e) => types.push(JSON.parse(String(e.data)).type);
      dc.onopen = () => {
        for (const event of clientEvents) dc.send(JSON.stringify(event));
      };
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const response = await fetch(path, { method: 'POST', body: offer.sdp, headers: { 'content-type': 'application/sdp', authorization: 'Bearer test' } });
      const location = response.headers.get('location');
      if (response.status !== 201) return { status: response.status, location, types: [await response.text()], inbound: null, addresses: [] };
      await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
      await new Promise((r) => setTimeout(r, holdMs));
      const stats = await pc.getStats();
      let inbound: CallResult['inbound'] = null;
      const addresses: string[] = [];
      let pairId: string | undefined;
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') inbound = s;
        if (s.type === 'transport') pairId = s.selectedCandidatePairId;
      });
      const pair = pairId ? stats.get(pairId) : undefined;
      for (const id of [pair?.localCandidateId, pair?.remoteCandidateId]) {
        const c = id ? stats.get(id) : undefined;
        if (c) addresses.push(String(c.address ?? c.ip));
      }
      pc.close();
      await ctx.close();
      return { status: response.status, location, types, inbound, addresses };
    },
    { path, holdMs, clientEvents },
  );
}
