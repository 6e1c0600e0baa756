import { expect, test } from '@playwright/test';
import { redactHeaders } from '../../../harness/collect/redact/redact-headers.ts';
import { redactDeep, redactSecrets } from '../../../harness/collect/redact/redact-secrets.ts';

const KEY = 'sk-proj-AbCdEf0123456789_xyzXYZ-987';

test('API keys in free text, URLs and query parameters are redacted', () => {
  expect(redactSecrets(`using ${KEY} now`)).toBe('using sk-*** now');
  expect(redactSecrets('wss://x.test/v1/realtime?model=gpt&api-key=abc123&key=zzz')).toBe('wss://x.test/v1/realtime?model=gpt&api-key=***&key=***');
  expect(redactSecrets('https://h/?token=t0k&monkey=banana')).toBe('https://h/?token=***&monkey=banana');
  expect(redactSecrets('ek_68a1b2c3d4e5f6a7b8c9 ephemeral')).toBe('ek_*** ephemeral');
});

test('subprotocols and Authorization values are redacted, the rest is kept', () => {
  expect(redactSecrets(`realtime, openai-insecure-api-key.${KEY}, openai-beta.realtime-v1`)).toBe(
    'realtime, openai-insecure-api-key.***, openai-beta.realtime-v1',
  );
  expect(redactSecrets('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer ***');
  expect(redactHeaders({ Authorization: `Bearer ${KEY}`, 'api-key': 'plain', 'OpenAI-Beta': 'realtime=v1' })).toEqual({
    Authorization: 'Bearer ***',
    'api-key': '***',
    'OpenAI-Beta': 'realtime=v1',
  });
});

test('a configured secret of any shape is redacted wherever it appears, including in nested records and keys', () => {
  const secret = 'my-custom-secret-42';
  const record = { type: 'harness', detail: `connect ${secret}`, nested: [{ url: `wss://h/?x=${secret}` }], [secret]: 1 };
  expect(redactDeep(record, [secret])).toEqual({ type: 'harness', detail: 'connect ***', nested: [{ url: 'wss://h/?x=***' }], '***': 1 });
  expect(record.detail).toContain(secret); // input untouched
});

test('frames: a session.update carrying a key in JSON is redacted, ordinary audio base64 is not', () => {
  const frame = JSON.stringify({ type: 'session.update', session: { api_key: KEY } });
  expect(redactSecrets(frame)).not.toContain(KEY);
  const audio = JSON.stringify({ type: 'input_audio_buffer.append', audio: 'AAAA/8D/wP8AAQID' });
  expect(redactSecrets(audio)).toBe(audio);
});
