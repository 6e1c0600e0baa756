/** The CDP HeapProfiler.SamplingHeapProfile shape (the parts voice-soak reads). Positions are 0-based; -1 when none. */
export interface CdpCallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface SamplingHeapProfileNode {
  callFrame: CdpCallFrame;
  /** Live bytes allocated by this node itself (V8 scales sampled sizes into an unbiased estimate). */
  selfSize: number;
  id: number;
  children: SamplingHeapProfileNode[];
}

export interface SamplingHeapProfile {
  head: SamplingHeapProfileNode;
  samples: Array<{ size: number; nodeId: number; ordinal: number }>;
}
