/**
 * Source maps for heap-profile sites, fetched once per script through the page (same origin, same cookies, the
 * page's own network path: nothing new leaves the machine): the script's SourceMap header or its last
 * `//# sourceMappingURL=` comment, then the map (an http(s) URL relative to the script, or an inline data: URL).
 * Optional and robust: a script without a map, a map that fails to load or parse, or a timeout leaves its sites
 * unmapped, with one note per script saying why. Scripts other than http(s) are not tried.
 */
import type { HeapSourcePosition } from '../log/heap-sites-schema.ts';
import { decodeSourceMap, originalPosition, type DecodedSourceMap } from './heap-profile-source-map.ts';

/** Fetches a URL as text (e.g. through page.evaluate); an error message when it cannot. */
export type FetchText = (url: string) => Promise<{ text: string; sourceMapHeader?: string | null } | { error: string }>;

export interface SourceMapResolver {
  /** Loads the maps of these scripts (each at most once, however often asked). */
  prepare(urls: Iterable<string>): Promise<void>;
  /** The original position of a 1-based generated position, once prepare() loaded that script's map. */
  lookup(url: string, line: number, col: number): HeapSourcePosition | null;
}

const MAPPING_COMMENT = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/;

function decodeDataUrl(url: string): string {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

export function createSourceMapResolver(fetchText: FetchText, note: (detail: string) => void): SourceMapResolver {
  const maps = new Map<string, Promise<DecodedSourceMap | null>>();
  const settled = new Map<string, DecodedSourceMap | null>();

  async function load(scriptUrl: string): Promise<DecodedSourceMap | null> {
    const script = await fetchText(scriptUrl);
    if ('error' in script) throw new Error(`script: ${script.error}`);
    const comment = MAPPING_COMMENT.exec(script.text.slice(-4096).trimEnd())?.[1];
    const reference = script.sourceMapHeader || comment;
    if (!reference) return null;
    let text: string;
    if (reference.startsWith('data:')) text = decodeDataUrl(reference);
    else {
      const mapUrl = new URL(reference, scriptUrl).href;
      const fetched = await fetchText(mapUrl);
      if ('error' in fetched) throw new Error(`map ${mapUrl}: ${fetched.error}`);
      text = fetched.text;
    }
    return decodeSourceMap(JSON.parse(text));
  }

  return {
    async prepare(urls) {
      const waits: Promise<unknown>[] = [];
      for (const url of urls) {
        if (!/^https?:\/\//.test(url) || maps.has(url)) {
          if (maps.has(url)) waits.push(maps.get(url)!);
          continue;
        }
        const loading = load(url).catch((error: unknown) => {
          note(`heap profile: no source map for ${url}: ${(error as Error).message}`);
          return null;
        });
        maps.set(url, loading);
        waits.push(loading.then((map) => settled.set(url, map)));
      }
      await Promise.all(waits);
    },
    lookup(url, line, col) {
      const map = settled.get(url);
      return map && line > 0 ? originalPosition(map, line, col) : null;
    },
  };
}
