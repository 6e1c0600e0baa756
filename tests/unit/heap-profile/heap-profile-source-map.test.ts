import { test, expect } from '@playwright/test';
import { transform } from 'esbuild';
import { decodeSourceMap, originalPosition, tidySourcePath } from '../../../harness/collect/heap-profile-source-map.ts';
import { createSourceMapResolver, type FetchText } from '../../../harness/collect/heap-profile-source-maps.ts';

const SOURCE = [
  '// a module with a leak',
  'const kept: number[][] = [];',
  '',
  'export function keepChunk(samples: Float32Array): void {',
  '  const copy = Array.from(samples);',
  '  kept.push(copy);',
  '}',
  '',
  'export function handle(event: { data: string }): void {',
  '  keepChunk(new Float32Array(event.data.length));',
  '}',
].join('\n');

async function bundle() {
  const out = await transform(SOURCE, { loader: 'ts', sourcemap: 'external', sourcefile: '../src/leaky.ts', minify: true, format: 'esm' });
  return { code: out.code, map: JSON.parse(out.map) };
}

/** 1-based line/column of `needle` in generated code: where V8 puts the function's position. */
function positionOf(code: string, needle: string): { line: number; col: number } {
  const at = code.indexOf(needle);
  const before = code.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

test('a minified esbuild bundle maps each function back to its original file and line', async () => {
  const { code, map } = await bundle();
  const decoded = decodeSourceMap(map)!;
  const keep = positionOf(code, `function ${/function (\w+)\(\w+\)\{const/.exec(code)![1]}`);
  expect(originalPosition(decoded, keep.line, keep.col)).toMatchObject({ file: 'src/leaky.ts', line: 4 });
  const handle = positionOf(code, `function ${/function (\w+)\(\w+\)\{\w+\(new Float32Array/.exec(code)![1]}`);
  expect(originalPosition(decoded, handle.line, handle.col)).toMatchObject({ file: 'src/leaky.ts', line: 9 });
  expect(originalPosition(decoded, 99, 1)).toBeNull();
});

test('malformed maps are errors that say what is wrong; index maps are not read', () => {
  expect(() => decodeSourceMap({ version: 2, sources: [], mappings: '' })).toThrow('source map: expected version 3 with sources and mappings');
  expect(() => decodeSourceMap({ version: 3, sources: ['a'], mappings: 'A!' })).toThrow('source map: mappings has "!", not base64');
  expect(() => decodeSourceMap('x')).toThrow('source map: not a JSON object');
  expect(decodeSourceMap({ version: 3, sections: [] })).toBeNull();
  expect(tidySourcePath('webpack:///./src/app.ts')).toBe('src/app.ts');
});

test('the resolver finds the map by comment, header or data URL, loads each script once, and notes a failure once', async () => {
  const { code, map } = await bundle();
  const fetched: string[] = [];
  const files: Record<string, { text: string; sourceMapHeader?: string }> = {
    'http://127.0.0.1:1/app.js': { text: `${code}//# sourceMappingURL=app.js.map\n` },
    'http://127.0.0.1:1/app.js.map': { text: JSON.stringify(map) },
    'http://127.0.0.1:1/header.js': { text: code, sourceMapHeader: '/maps/h.map' },
    'http://127.0.0.1:1/maps/h.map': { text: JSON.stringify(map) },
    'http://127.0.0.1:1/inline.js': { text: `${code}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}` },
    'http://127.0.0.1:1/broken.js': { text: `${code}//# sourceMappingURL=missing.map` },
  };
  const fetchText: FetchText = async (url) => {
    fetched.push(url);
    return files[url] ?? { error: 'HTTP 404' };
  };
  const notes: string[] = [];
  const resolver = createSourceMapResolver(fetchText, (n) => notes.push(n));
  const urls = Object.keys(files).filter((u) => u.endsWith('.js'));
  await resolver.prepare([...urls, 'chrome-extension://x/y.js', '']);
  await resolver.prepare(urls);
  const keep = positionOf(code, `function ${/function (\w+)\(\w+\)\{const/.exec(code)![1]}`);
  for (const url of ['http://127.0.0.1:1/app.js', 'http://127.0.0.1:1/header.js', 'http://127.0.0.1:1/inline.js']) {
    expect(resolver.lookup(url, keep.line, keep.col), url).toMatchObject({ file: 'src/leaky.ts', line: 4 });
  }
  expect(resolver.lookup('http://127.0.0.1:1/broken.js', keep.line, keep.col)).toBeNull();
  expect(notes).toEqual(['heap profile: no source map for http://127.0.0.1:1/broken.js: map http://127.0.0.1:1/missing.map: HTTP 404']);
  expect(fetched.filter((u) => u === 'http://127.0.0.1:1/app.js')).toHaveLength(1);
  expect(fetched.some((u) => u.startsWith('chrome-extension'))).toBe(false);
});
