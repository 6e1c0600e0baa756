/**
 * SOAK_REDIRECT_SDP and SOAK_EPHEMERAL_KEY_URL as settings and rules: the default patterns of a WebRTC app, where a
 * matched URL goes on the realtime server, and the fake key body's two shapes.
 */
import { expect, test } from '@playwright/test';
import { fakeEphemeralKeyBody } from '../../../harness/collect/ephemeral-key-stub.ts';
import { sdpRedirectConfig, sdpRedirectTarget, urlGlobMatcher } from '../../../harness/collect/sdp-redirect.ts';
import { DEFAULT_SDP_REDIRECT, settingsFromEnv } from '../../../harness/config/settings.ts';

test('SOAK_TRANSPORT=webrtc on an external app redirects the OpenAI call endpoints; SOAK_REDIRECT_SDP replaces them', () => {
  const external = { SOAK_TARGET_URL: 'http://127.0.0.1:3000/' };
  expect(settingsFromEnv({ ...external, SOAK_TRANSPORT: 'webrtc' }).redirectSdp).toEqual([...DEFAULT_SDP_REDIRECT]);
  expect(settingsFromEnv(external).redirectSdp).toEqual([]);
  expect(settingsFromEnv({ SOAK_TRANSPORT: 'webrtc' }).redirectSdp).toEqual([]); // the embedded app calls its own server
  const own = settingsFromEnv({
    ...external,
    SOAK_TRANSPORT: 'webrtc',
    SOAK_REDIRECT_SDP: 'http://127.0.0.1:3000/rtc/connect, https://*.openai.azure.com/openai/v1/realtime/calls*',
  });
  expect(own.redirectSdp).toEqual(['http://127.0.0.1:3000/rtc/connect', 'https://*.openai.azure.com/openai/v1/realtime/calls*']);
  expect(settingsFromEnv({ ...external, SOAK_EPHEMERAL_KEY_URL: 'http://127.0.0.1:3000/token' }).ephemeralKeyUrls).toEqual(['http://127.0.0.1:3000/token']);
});

test('the default patterns match the GA and the older call endpoint, not the key-minting ones', () => {
  const matches = urlGlobMatcher(DEFAULT_SDP_REDIRECT);
  expect(matches('https://api.openai.com/v1/realtime/calls')).toBe(true);
  expect(matches('https://api.openai.com/v1/realtime/calls?model=gpt-realtime')).toBe(true);
  expect(matches('https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview')).toBe(true);
  expect(matches('https://api.openai.com/v1/realtime/client_secrets')).toBe(false);
  expect(matches('https://api.openai.com/v1/realtime/sessions')).toBe(false);
  expect(matches('https://api.openai.com.evil.test/v1/realtime/calls')).toBe(false);
});

test('a matched URL goes to the server: the older endpoint keeps its path, anything else is /v1/realtime/calls; the query stays', () => {
  const server = 'http://127.0.0.1:4555/';
  expect(sdpRedirectTarget('https://api.openai.com/v1/realtime/calls', server)).toBe('http://127.0.0.1:4555/v1/realtime/calls');
  expect(sdpRedirectTarget('https://api.openai.com/v1/realtime?model=m', server)).toBe('http://127.0.0.1:4555/v1/realtime?model=m');
  expect(sdpRedirectTarget('https://r.openai.azure.com/openai/v1/realtime/calls?webrtcfilter=on', server)).toBe(
    'http://127.0.0.1:4555/v1/realtime/calls?webrtcfilter=on',
  );
  expect(sdpRedirectTarget('http://127.0.0.1:3000/rtc/connect', server)).toBe('http://127.0.0.1:4555/v1/realtime/calls');
  expect(sdpRedirectConfig([], undefined)).toBeUndefined();
  expect(() => sdpRedirectConfig(['https://api.openai.com/v1/realtime/calls*'], undefined)).toThrow(
    'SOAK_REDIRECT_SDP is set but there is no realtime server to redirect to',
  );
});

test('the fake key reads as a GA client secret and as a beta session', () => {
  const body = fakeEphemeralKeyBody('ek_voice_soak_0123456789abcdef', 1_800_000_000) as {
    value: string;
    expires_at: number;
    session: { type: string; model: string };
    client_secret: { value: string; expires_at: number };
  };
  expect(body.value).toBe('ek_voice_soak_0123456789abcdef');
  expect(body.client_secret).toEqual({ value: body.value, expires_at: body.expires_at });
  expect(body.expires_at).toBeGreaterThan(1_800_000_000);
  expect(body.session).toMatchObject({ type: 'realtime', model: 'gpt-realtime' });
});
