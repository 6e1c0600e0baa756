/**
 * The npm package's manifest: every export points into dist/ at a file the build emits from a source that exists,
 * the peer range of @playwright/test admits the version this repository tests with (the package e2e test installs
 * the tarball next to that version, where npm would refuse a range that excludes it), and packing builds first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface Manifest {
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
  bin: Record<string, string>;
  scripts: Record<string, string>;
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

/** The TypeScript source, or the copied asset, that the build turns into a dist/ path. */
function sourceOf(distPath: string): string {
  const rel = distPath.replace(/^\.\/dist\//, '');
  return rel.endsWith('.d.ts')
    ? rel.replace(/\.d\.ts$/, '.ts')
    : rel.endsWith('.js') && existsSync(rel.replace(/\.js$/, '.ts'))
      ? rel.replace(/\.js$/, '.ts')
      : rel;
}

/** `>=A <B` ranges only (what this manifest uses); true when `version` is inside. */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) => v.split('.').map(Number);
  const compare = (a: number[], b: number[]) => a.map((n, i) => n - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  const match = /^>=(\S+) <(\S+)$/.exec(range);
  if (!match) throw new Error(`satisfies: unsupported range "${range}"`);
  return compare(parse(version), parse(match[1]!)) >= 0 && compare(parse(version), parse(match[2]!)) < 0;
}

test('every export is a dist/ file built from a source in the tree, with types for the code entries', () => {
  const entries = Object.entries(manifest.exports).filter(([key]) => key !== './package.json');
  expect(entries.map(([key]) => key)).toEqual(
    expect.arrayContaining(['./fixtures', './reporter', './config', './analyze', './monitor', './server', './monitor/script', './monitor/module']),
  );
  for (const [key, target] of entries) {
    const paths = typeof target === 'string' ? [target] : [target.types, target.default];
    if (typeof target !== 'string') expect(target.types, key).toMatch(/\.d\.ts$/);
    for (const path of paths) {
      expect(path, key).toMatch(/^\.\/dist\//);
      const source = sourceOf(path);
      expect(existsSync(source) || source.startsWith('harness/monitor/dist/'), `${key}: ${path} from ${source}`).toBe(true);
    }
  }
  expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'bin/voice-soak.mjs']));
  expect(manifest.bin['voice-soak']).toBe('bin/voice-soak.mjs');
  expect(manifest.scripts.prepack).toContain('build-package');
});

test('@playwright/test is a peer (and a dev dependency pinned inside the peer range), never a dependency', () => {
  const range = manifest.peerDependencies['@playwright/test']!;
  const pinned = manifest.devDependencies['@playwright/test']!;
  const installed = (JSON.parse(readFileSync('node_modules/@playwright/test/package.json', 'utf8')) as { version: string }).version;
  expect(manifest.dependencies['@playwright/test']).toBeUndefined();
  expect(satisfies(pinned, range), `${pinned} in ${range}`).toBe(true);
  expect(satisfies(installed, range), `${installed} in ${range}`).toBe(true);
  // The lower bound is the version tested here: the package claims no older Playwright it was never run with.
  expect(range.startsWith(`>=${pinned.replace(/\.\d+$/, '.0')} `)).toBe(true);
  expect(satisfies('1.64.9', range)).toBe(false);
  expect(satisfies('2.0.0', range)).toBe(false);
  // Packages the package itself needs at run time are dependencies; the repository's tooling is not.
  for (const tool of ['tsx', 'allure-playwright', 'typescript', '@biomejs/biome']) expect(manifest.dependencies[tool], tool).toBeUndefined();
});
