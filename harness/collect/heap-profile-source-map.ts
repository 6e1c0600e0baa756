/**
 * Source map v3 lookup for heap-profile sites: decode `mappings` (base64 VLQ) once, then map a generated 1-based
 * line/column to the original file, line and column (1-based) and name. Only what a site needs: no sections
 * (index maps return null), no reverse lookup. Pure; a malformed map is an Error naming what is wrong.
 */
import type { HeapSourcePosition } from '../log/heap-sites-schema.ts';

export interface SourceMapV3 {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
  sourceRoot?: string;
}

/** Per generated line (0-based): segments sorted by column, [genCol, sourceIndex, origLine, origCol, nameIndex?]. */
export interface DecodedSourceMap {
  sources: string[];
  names: string[];
  lines: number[][][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeVlqSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`source map: mappings has "${char}", not base64`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export function decodeSourceMap(raw: unknown): DecodedSourceMap | null {
  const map = raw as Partial<SourceMapV3> & { sections?: unknown };
  if (!map || typeof map !== 'object') throw new Error('source map: not a JSON object');
  if (map.sections) return null;
  if (map.version !== 3 || typeof map.mappings !== 'string' || !Array.isArray(map.sources))
    throw new Error('source map: expected version 3 with sources and mappings');
  const root = typeof map.sourceRoot === 'string' && map.sourceRoot ? map.sourceRoot.replace(/\/?$/, '/') : '';
  const lines: number[][][] = [];
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  let name = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments: number[][] = [];
    let genCol = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const v = decodeVlqSegment(segmentText);
      genCol += v[0] ?? 0;
      if (v.length < 4) continue;
      source += v[1]!;
      origLine += v[2]!;
      origCol += v[3]!;
      const segment = [genCol, source, origLine, origCol];
      if (v.length >= 5) {
        name += v[4]!;
        segment.push(name);
      }
      segments.push(segment);
    }
    segments.sort((a, b) => a[0]! - b[0]!);
    lines.push(segments);
  }
  return { sources: map.sources.map((s) => root + String(s)), names: (map.names ?? []).map(String), lines };
}

/** The original position of a generated 1-based line/column: the last mapping at or before it on that line. */
export function originalPosition(map: DecodedSourceMap, line: number, col: number): HeapSourcePosition | null {
  const segments = map.lines[line - 1];
  if (!segments?.length) return null;
  let hit: number[] | undefined;
  for (const segment of segments) {
    if (segment[0]! > col - 1) break;
    hit = segment;
  }
  hit ??= segments[0];
  if (!hit) return null;
  const file = map.sources[hit[1]!];
  if (file === undefined) return null;
  const name = hit[4] === undefined ? undefined : map.names[hit[4]];
  return { file: tidySourcePath(file).slice(0, 500), line: hit[2]! + 1, col: hit[3]! + 1, ...(name ? { name: name.slice(0, 200) } : {}) };
}

/** "../src/heap-leak-fault.ts" or "webpack:///./src/x.ts" -> "src/heap-leak-fault.ts" / "src/x.ts". */
export function tidySourcePath(path: string): string {
  return path.replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/i, '').replace(/^(\.\.?\/)+/, '');
}
