/**
 * The third-party-style clients of tests/third-party-clients and the settings a user would write for each: the
 * same SOAK_* lines the README's "Pointing it at your own app" section shows, nothing test-only.
 */
export interface ClientUnderTest {
  name: string;
  /** Folder under tests/third-party-clients/. */
  folder: string;
  /** SOAK_* settings besides SOAK_TARGET_URL. */
  settings: Record<string, string>;
  /** Secrets the page holds or is given: none may appear in any artifact. */
  secrets: string[];
}

const AZURE_KEY = 'azure-test-key-7f3a9c2e51d04b88';

export const CLIENTS: ClientUnderTest[] = [
  {
    name: '(a) ScriptProcessor capture, property handlers, a key subprotocol',
    folder: 'scriptprocessor-key',
    settings: { SOAK_START_SELECTOR: '#talk', SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*' },
    secrets: ['sk-thirdparty-scriptprocessor-0123456789abcdef'],
  },
  {
    name: '(b) AudioWorklet capture, 8192-byte appends, an event-emitter client behind a relay URL',
    folder: 'worklet-relay',
    // The relay would pick the dialect upstream; the page asks for none, so the started server answers beta.
    settings: { SOAK_START_SELECTOR: '#connect', SOAK_REDIRECT_WS: 'ws://localhost:8081*', SOAK_DIALECT: 'beta' },
    secrets: [],
  },
  {
    name: '(c) a form asking for endpoint, key and deployment (Azure-style URL)',
    folder: 'azure-form',
    settings: {
      AZURE_OPENAI_API_KEY: AZURE_KEY,
      SOAK_START_STEPS:
        'fill #endpoint=https://my-resource.openai.azure.com; fill #api-key=${AZURE_OPENAI_API_KEY}; fill #deployment=gpt-4o-realtime-preview; click #connect; wait #start:enabled',
      SOAK_START_SELECTOR: '#start',
      SOAK_REDIRECT_WS: 'wss://*.openai.azure.com/openai/realtime*',
    },
    secrets: [AZURE_KEY],
  },
  {
    name: '(d) push-to-talk',
    folder: 'push-to-talk',
    settings: { SOAK_START_STEPS: 'click #connect; wait #hold:enabled', SOAK_PUSH_TO_TALK: '#hold', SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*' },
    secrets: ['sk-thirdparty-ptt-0123456789abcdef'],
  },
];
