/**
 * SamplingHeapProfile fixtures shaped like Chromium 156's HeapProfiler.getSamplingProfile output for the reference
 * app: a (root) node, V8 pseudo-frames ((V8 API), (BYTECODE_COMPILER)) without positions, JavaScript frames with
 * 0-based positions in the bundle, and builtin frames (Float32Array, push) without positions under the function
 * that called them. selfSize is V8's scaled live estimate; samples name their node.
 */
import type { CdpCallFrame, SamplingHeapProfile, SamplingHeapProfileNode } from '../../../harness/collect/heap-profile-types.ts';

export const APP_URL = 'http://127.0.0.1:8787/app.js?v=3';

interface NodeSpec {
  fn: string;
  line?: number;
  col?: number;
  url?: string;
  selfSize?: number;
  samples?: number;
  children?: NodeSpec[];
}

const frame = (spec: NodeSpec): CdpCallFrame => ({
  functionName: spec.fn,
  scriptId: spec.url === '' || spec.line === undefined ? '0' : '12',
  url: spec.line === undefined ? '' : (spec.url ?? APP_URL),
  lineNumber: spec.line ?? -1,
  columnNumber: spec.col ?? -1,
});

export function buildProfile(children: NodeSpec[]): SamplingHeapProfile {
  let nextId = 1;
  const samples: SamplingHeapProfile['samples'] = [];
  const build = (spec: NodeSpec): SamplingHeapProfileNode => {
    const id = nextId++;
    for (let i = 0; i < (spec.samples ?? 0); i++)
      samples.push({ size: Math.round((spec.selfSize ?? 0) / Math.max(1, spec.samples ?? 1)), nodeId: id, ordinal: samples.length + 1 });
    return { callFrame: frame(spec), selfSize: spec.selfSize ?? 0, id, children: (spec.children ?? []).map(build) };
  };
  return { head: build({ fn: '(root)', children }), samples };
}

/**
 * The heap-leak fault's shape at one checkpoint: `tick` (bundle line 261, col 16, 0-based 260:15) retaining arrays
 * itself and Float32Arrays through `slice`; a listener closure allocated by watchVisibility via push, called from
 * onAudioDelta < handle; plus V8's own pseudo-frames and an unnamed init script (the harness's monitor).
 */
export function leakProfile(tickBytes: number, listenerBytes: number, internalBytes = 750_000): SamplingHeapProfile {
  return buildProfile([
    { fn: '(V8 API)', selfSize: internalBytes, samples: 21 },
    { fn: '(BYTECODE_COMPILER)', selfSize: 115_000, samples: 7 },
    {
      fn: '',
      line: 0,
      col: 0,
      children: [
        {
          fn: 'tick',
          line: 260,
          col: 15,
          selfSize: tickBytes,
          samples: Math.round(tickBytes / 19_224),
          children: [{ fn: 'slice', selfSize: Math.round(tickBytes / 40), samples: 2 }],
        },
        {
          fn: 'handle',
          line: 35,
          col: 2,
          children: [
            {
              fn: 'onAudioDelta',
              line: 104,
              col: 2,
              children: [
                {
                  fn: 'watchVisibility',
                  line: 327,
                  col: 2,
                  children: [{ fn: 'push', selfSize: listenerBytes, samples: Math.max(1, Math.round(listenerBytes / 4096)) }],
                },
              ],
            },
          ],
        },
      ],
    },
    { fn: 'Kn', line: 5, col: 120, url: '', selfSize: 65_000, samples: 4 },
  ]);
}
