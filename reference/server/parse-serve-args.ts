/**
 * `voice-soak serve [--port N] [--host H] [--fault NAME[=VALUE]]... [--allow-remote] [--reply-scale X] [--dialect ga|beta]
 * [--max-memory-mb MB] [--max-connection-memory-mb MB]`, on node:util parseArgs (strict).
 * Throws one-line errors naming the bad argument. Non-loopback hosts need --allow-remote.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mergeFaultSpecs, parseFaultSpec } from '../faults/fault-spec.ts';
import type { FaultSpec } from '../faults/fault-spec.ts';

export interface ServeArgs {
  port: number;
  host: string;
  faults: FaultSpec;
  replyScale: number;
  defaultDialect: 'ga' | 'beta';
  /** Memory budget of buffered client input (see reference/server/realtime/memory-budget.ts); undefined = defaults. */
  maxMemoryMb?: number;
  maxConnectionMemoryMb?: number;
  help: boolean;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

const serveOptions = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  fault: { type: 'string', multiple: true, default: [] as string[] },
  'reply-scale': { type: 'string' },
  dialect: { type: 'string' },
  'max-memory-mb': { type: 'string' },
  'max-connection-memory-mb': { type: 'string' },
  'allow-remote': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

const EXPECTED = '(expected --port, --host, --fault, --reply-scale, --dialect, --max-memory-mb, --max-connection-memory-mb, --allow-remote)';

export function parseServeArgs(args: string[]): ServeArgs {
  const { values } = parseStrict(args);
  for (const [name, value] of Object.entries(values)) {
    const empty = Array.isArray(value) ? value.includes('') : value === '';
    if (empty) throw new Error(`--${name} needs a value`);
  }
  const out: ServeArgs = {
    port: values.port === undefined ? 8787 : port(values.port),
    host: values.host,
    faults: values.fault.reduce<FaultSpec>((faults, spec) => mergeFaultSpecs(faults, parseFaultSpec(spec)), {}),
    replyScale: values['reply-scale'] === undefined ? 1 : replyScale(values['reply-scale']),
    defaultDialect: values.dialect === undefined ? 'ga' : dialect(values.dialect),
    help: values.help,
  };
  if (values['max-memory-mb'] !== undefined) out.maxMemoryMb = megabytes('--max-memory-mb', values['max-memory-mb']);
  if (values['max-connection-memory-mb'] !== undefined) {
    out.maxConnectionMemoryMb = megabytes('--max-connection-memory-mb', values['max-connection-memory-mb']);
  }
  if (!loopbackHosts.has(out.host) && !values['allow-remote']) {
    throw new Error(`--host ${out.host} is not a loopback address; add --allow-remote to listen on it`);
  }
  return out;
}

/** parseArgs, with its errors turned into the one-liners this command has always printed. */
function parseStrict(args: string[]) {
  try {
    return parseArgs({ args, options: serveOptions, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    // "Option '--port <value>' argument missing", or "... argument is ambiguous" when the next word is a flag.
    const flag = /Option '(-\w|--[\w-]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag && /argument (missing|is ambiguous)/.test(message)) {
      throw new Error(`${flag} needs a value`);
    }
    const unknown = /(?:Unknown option|Unexpected argument) '([^']*)'/.exec(message)?.[1];
    if (unknown !== undefined) throw new Error(`unknown argument "${unknown}" ${EXPECTED}`);
    throw new Error(message.split('\n')[0]!);
  }
}

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`--port must be an integer 0..65535, got "${text}"`);
  return value;
}

function replyScale(text: string): number {
  const scale = Number(text);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--reply-scale must be a number in (0, 10], got "${text}"`);
  return scale;
}

function dialect(text: string): 'ga' | 'beta' {
  if (text !== 'ga' && text !== 'beta') throw new Error(`--dialect must be ga or beta, got "${text}"`);
  return text;
}

function megabytes(flag: string, text: string): number {
  const mb = Number(text);
  if (!(mb > 0 && mb <= 65536)) throw new Error(`${flag} must be a number of MB in (0, 65536], got "${text}"`);
  return mb;
}
