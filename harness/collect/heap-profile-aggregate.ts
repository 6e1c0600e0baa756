/**
 * A SamplingHeapProfile -> the top call paths of live sampled allocations (the `sites` of a heap-sites record).
 *
 * The site of a node is its innermost frame with a script position (a JavaScript function); builtin frames inside it
 * (Float32Array, push, slice, (V8 API)) become the entry's `kind`. A node without any positioned frame (V8's own
 * (BYTECODE_COMPILER), (V8 API) at the root) is its own site. Callers are the next positioned frames above the site,
 * at most `callerDepth`. Equal paths are summed; the top `maxSites` by bytes are kept, the rest go to otherBytes.
 * Strings are capped and URLs lose their query and fragment (a key in a query never reaches the log). Pure.
 */
import type { HeapFrame, HeapSiteEntry } from '../log/heap-sites-schema.ts';
import type { CdpCallFrame, SamplingHeapProfile, SamplingHeapProfileNode } from './heap-profile-types.ts';

export interface AggregateOptions {
  maxSites?: number;
  callerDepth?: number;
}

export interface AggregatedProfile {
  sites: HeapSiteEntry[];
  totalBytes: number;
  totalSamples: number;
  otherBytes: number;
}

const MAX_FN = 200;
const MAX_URL = 500;

const cap = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const positioned = (frame: CdpCallFrame): boolean => frame.lineNumber >= 0;

interface StackLink {
  frame: CdpCallFrame;
  parent: StackLink | null;
}

export function heapFrame(frame: CdpCallFrame): HeapFrame {
  return {
    fn: cap(frame.functionName || '(anonymous)', MAX_FN),
    url: cap(frame.url.split(/[?#]/)[0] ?? '', MAX_URL),
    line: frame.lineNumber >= 0 ? frame.lineNumber + 1 : 0,
    col: frame.columnNumber >= 0 ? frame.columnNumber + 1 : 0,
  };
}

const frameKey = (f: HeapFrame): string => `${f.fn}\u0000${f.url}\u0000${f.line}\u0000${f.col}`;

export function aggregateSamplingProfile(profile: SamplingHeapProfile, options: AggregateOptions = {}): AggregatedProfile {
  const maxSites = options.maxSites ?? 40;
  const callerDepth = options.callerDepth ?? 2;
  const samplesPerNode = new Map<number, number>();
  for (const sample of profile.samples) samplesPerNode.set(sample.nodeId, (samplesPerNode.get(sample.nodeId) ?? 0) + 1);
  const paths = new Map<string, HeapSiteEntry>();
  let totalBytes = 0;
  let totalSamples = 0;

  const record = (link: StackLink, node: SamplingHeapProfileNode) => {
    const samples = samplesPerNode.get(node.id) ?? 0;
    if (node.selfSize <= 0 && samples === 0) return;
    totalBytes += node.selfSize;
    totalSamples += samples;
    let siteLink: StackLink | null = link;
    while (siteLink && !positioned(siteLink.frame)) siteLink = siteLink.parent;
    const site = heapFrame((siteLink ?? link).frame);
    const kind = siteLink !== link ? heapFrame(link.frame).fn : undefined;
    const callers: HeapFrame[] = [];
    for (let up = siteLink?.parent ?? null; up && callers.length < callerDepth; up = up.parent) if (positioned(up.frame)) callers.push(heapFrame(up.frame));
    const key = `${[site, ...callers].map(frameKey).join('\u0001')}\u0002${kind ?? ''}`;
    const entry = paths.get(key);
    if (entry) {
      entry.bytes += node.selfSize;
      entry.samples += samples;
    } else {
      paths.set(key, { ...site, ...(kind ? { kind } : {}), callers, bytes: node.selfSize, samples });
    }
  };

  // Iterative walk over parent links: a deep recursion in the page must not overflow the harness's stack or copy it.
  const pending: Array<{ node: SamplingHeapProfileNode; parent: StackLink | null }> = [{ node: profile.head, parent: null }];
  while (pending.length) {
    const { node, parent } = pending.pop()!;
    const isRoot = node === profile.head && node.callFrame.functionName === '(root)';
    const link = isRoot ? parent : { frame: node.callFrame, parent };
    if (link && !isRoot) record(link, node);
    for (const child of node.children) pending.push({ node: child, parent: link });
  }

  const sorted = [...paths.values()].sort((a, b) => b.bytes - a.bytes || b.samples - a.samples);
  const sites = sorted.slice(0, maxSites);
  const otherBytes = sorted.slice(maxSites).reduce((sum, e) => sum + e.bytes, 0);
  return { sites, totalBytes, totalSamples, otherBytes };
}
