import { test, expect } from '@playwright/test';
import { faultCatalog, formatFaultSpec, mergeFaultSpecs, parseFaultSpec } from '../../../reference/faults/fault-spec.ts';

test('parses names with defaults, values with : or =, and round-trips through formatFaultSpec', () => {
  const all = parseFaultSpec(faultCatalog.map((f) => f.name).join(','));
  expect(all).toEqual({
    heapLeakMbPerMin: 5,
    audioBacklog: true,
    slowHandlerMs: 80,
    wsBackpressure: true,
    latencyGrowthMsPerTurn: 300,
    stallTurn: 2,
    protocolErrorRate: 0.3,
    dropConnectionSeconds: 60,
    retainAudioMbPerMin: 1,
    rtpJitterMs: 200,
    rtpLossShare: 0.05,
    datachannelStallMs: 10_000,
    retainAudioBuffersMbPerMin: 2,
    leakAudioContext: true,
    detachedDomPerDelta: 4,
    listenerLeakPerDelta: 1,
    playbackJitterMs: 2000,
    slowPlaybackStartMs: 3000,
    lateAudioMs: 4000,
  });
  expect(parseFaultSpec(formatFaultSpec(all))).toEqual(all);
  const some = parseFaultSpec(' ttfr-growth:120, stall=4 ,protocol-errors:0.5,drop-connection:1.5 ');
  expect(some).toEqual({ latencyGrowthMsPerTurn: 120, stallTurn: 4, protocolErrorRate: 0.5, dropConnectionSeconds: 1.5 });
  expect(formatFaultSpec(some)).toBe('ttfr-growth:120,stall:4,protocol-errors:0.5,drop-connection:1.5');
  expect(parseFaultSpec('')).toEqual({});
  expect(formatFaultSpec({})).toBe('');
});

test('bad entries throw one-line errors naming the entry', () => {
  const cases: [string, RegExp][] = [
    ['ttfr-growth:300,nope', /unknown fault "nope"/],
    ['protocol-errors:1.5', /"protocol-errors:1.5".*0\.\.1/],
    ['stall:2.5', /"stall:2.5".*integer/],
    ['slow-handler:abc', /"slow-handler:abc"/],
    ['ws-backpressure:7', /ws-backpressure takes no value/],
    ['late-audio:-1', /"late-audio:-1": late-audio needs a number in 0\.\.60000/],
    ['slow-playback-start:soon', /"slow-playback-start:soon": slow-playback-start needs a number/],
    ['playback-jitter:70000', /"playback-jitter:70000": playback-jitter needs a number in 0\.\.60000/],
    ['datachannel-stall:-5', /"datachannel-stall:-5": datachannel-stall needs a number in 0\.\.600000/],
    ['datachannel-stall:long', /"datachannel-stall:long": datachannel-stall needs a number/],
  ];
  for (const [spec, message] of cases) {
    expect(() => parseFaultSpec(spec)).toThrow(message);
    try {
      parseFaultSpec(spec);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  }
});

test('later specs override earlier ones fault by fault', () => {
  expect(mergeFaultSpecs(parseFaultSpec('stall:2,ttfr-growth:100'), parseFaultSpec('stall:5'))).toEqual({ stallTurn: 5, latencyGrowthMsPerTurn: 100 });
});

test('the WebRTC faults take their values: rtp-loss a share, rtp-jitter and datachannel-stall milliseconds', () => {
  const spec = parseFaultSpec('rtp-loss:0.2,rtp-jitter=150,datachannel-stall:8000');
  expect(spec).toEqual({ rtpLossShare: 0.2, rtpJitterMs: 150, datachannelStallMs: 8000 });
  expect(formatFaultSpec(spec)).toBe('rtp-loss:0.2,rtp-jitter:150,datachannel-stall:8000');
  expect(parseFaultSpec('datachannel-stall')).toEqual({ datachannelStallMs: 10_000 });
});
