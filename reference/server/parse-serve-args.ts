/**
 * `voice-soak serve [--port N] [--host H] [--fault NAME[=VALUE]]... [--allow-remote] [--reply-scale X] [--dialect ga|beta]
 * [--max-memory-mb MB] [--max-connection-memory-mb MB]`.
 * Throws one-line errors naming the bad argument. Non-loopback hosts need --allow-remote.
 */
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

export function parseServeArgs(args: string[]): ServeArgs {
  const out: ServeArgs = { port: 8787, host: '127.0.0.1', faults: {}, replyScale: 1, defaultDialect: 'ga', help: false };
  let allowRemote = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    // Split at the first '=' only, so `--fault=heap-leak=5` keeps its value `heap-leak=5`.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0..65535, got "${text}"`);
        out.port = port;
        break;
      }
      case '--host':
        out.host = value();
        break;
      case '--fault':
        out.faults = mergeFaultSpecs(out.faults, parseFaultSpec(value()));
        break;
      case '--reply-scale': {
        const text = value();
        const scale = Number(text);
        if (!(scale > 0 && scale <= 10)) throw new Error(`--reply-scale must be a number in (0, 10], got "${text}"`);
        out.replyScale = scale;
        break;
      }
      case '--dialect': {
        const text = value();
        if (text !== 'ga' && text !== 'beta') throw new Error(`--dialect must be ga or beta, got "${text}"`);
        out.defaultDialect = text;
        break;
      }
      case '--max-memory-mb':
      case '--max-connection-memory-mb': {
        const text = value();
        const mb = Number(text);
        if (!(mb > 0 && mb <= 65536)) throw new Error(`${flag} must be a number of MB in (0, 65536], got "${text}"`);
        if (flag === '--max-memory-mb') out.maxMemoryMb = mb;
        else out.maxConnectionMemoryMb = mb;
        break;
      }
      case '--allow-remote':
        allowRemote = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new Error(`unknown argument "${arg}" (expected --port, --host, --fault, --reply-scale, --dialect, --max-memory-mb, --max-connection-memory-mb, --allow-remote)`);
    }
  }
  if (!loopbackHosts.has(out.host) && !allowRemote) {
    throw new Error(`--host ${out.host} is not a loopback address; add --allow-remote to listen on it`);
  }
  return out;
}
