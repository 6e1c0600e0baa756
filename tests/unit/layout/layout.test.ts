/**
 * The tree keeps the pipeline's shape (README "Layout"): no import cycles between folders, the harness never
 * imports the reference target, Playwright's runtime only in harness/playwright/ (and the thin entry files),
 * stats a leaf, and analyze() pure (nothing it reaches touches node: modules or Playwright).
 */
import { expect, test } from '@playwright/test';
import { codeFiles, describeCycle, exportedDeclarations, folderCycles, folderGraph, importEdges, type ImportEdge } from './folder-graph.ts';

const edges = importEdges(codeFiles('harness', 'reference', 'fixtures', 'reporters', 'exports', 'bin'));

test('the cycle finder finds a cycle through three folders and none in a chain', () => {
  const graph = (pairs: [string, string][]) => folderGraph(pairs.map(([a, b]) => ({ from: `${a}/x.ts`, to: `${b}/y.ts`, typeOnly: false })));
  const cyclic = graph([
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['c', 'd'],
  ]);
  expect(folderCycles(cyclic)).toEqual([['a', 'b', 'c']]);
  expect(describeCycle(cyclic, ['a', 'b', 'c'])).toBe('a -> b; b -> c; c -> a');
  expect(
    folderCycles(
      graph([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
      ]),
    ),
  ).toEqual([]);
});

test('the graph sees the repository: the session imports the log writer, type-only imports are marked', () => {
  expect(edges.length).toBeGreaterThan(500);
  expect(edges.some((e) => e.from.startsWith('harness/collect/') && e.to.startsWith('harness/log/'))).toBe(true);
  const playwrightTypes = edges.filter((e) => e.to === '@playwright/test' && e.typeOnly);
  expect(playwrightTypes.length).toBeGreaterThan(5);
});

test('no import cycles between folders', () => {
  const graph = folderGraph(edges);
  const cycles = folderCycles(graph).map((group) => describeCycle(graph, group));
  expect(cycles, 'folders that import each other (directly or through others)').toEqual([]);
});

test('the harness, the fixtures and the reporters never import the reference target', () => {
  const offending = edges.filter((e) => /^(harness|fixtures|reporters)\//.test(e.from) && e.to.startsWith('reference/'));
  expect(offending.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
});

test("Playwright's runtime is imported only in harness/playwright/ (types may be imported anywhere)", () => {
  const runtime = edges.filter((e) => e.to.startsWith('@playwright/test') && !e.typeOnly && e.from.startsWith('harness/'));
  expect(runtime.map((e) => e.from).filter((f) => !f.startsWith('harness/playwright/'))).toEqual([]);
  expect(runtime.length, 'the fixtures and the steps do import it').toBeGreaterThan(0);
});

test('harness/analyze/stats is a leaf: it imports no other folder of the repository', () => {
  const out = edges.filter(
    (e) => e.from.startsWith('harness/analyze/stats/') && e.to.includes('/') && !e.to.startsWith('harness/analyze/stats/') && !e.to.startsWith('@'),
  );
  expect(out.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
});

/** Pure libraries the analyzer may use (it is bundled into the page too). */
const PURE_PACKAGES = new Set(['simple-statistics', 'zod']);

test('analyze() is pure: nothing it reaches imports node: modules, Playwright, or a package that is not a pure library', () => {
  const byFile = new Map<string, ImportEdge[]>();
  for (const e of edges) byFile.set(e.from, [...(byFile.get(e.from) ?? []), e]);
  const reached = new Set<string>();
  const impure: string[] = [];
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const e of byFile.get(file) ?? []) {
      if (e.typeOnly) continue;
      if (e.to.startsWith('harness/')) visit(e.to);
      else if (!PURE_PACKAGES.has(e.to)) impure.push(`${file} -> ${e.to}`);
    }
  };
  visit('harness/analyze/analyze.ts');
  expect(reached.size, 'the analyzer reaches its audits').toBeGreaterThan(20);
  expect(impure).toEqual([]);
});

test('no helper is written twice: each exported function, class or constant name is declared in one file', () => {
  const declared = exportedDeclarations(codeFiles('harness', 'reference', 'fixtures', 'reporters', 'exports', 'bin'));
  expect(declared.get('analyze'), 'the finder sees declarations').toEqual(['harness/analyze/analyze.ts']);
  // Every command module's entry point is `run`, dispatched by name from bin/voice-soak.mjs: one interface, not a copy.
  const commandEntry = (name: string, files: string[]) => name === 'run' && files.every((f) => f.endsWith('-command.ts'));
  const twice = [...declared].filter(([name, files]) => files.length > 1 && !commandEntry(name, files)).map(([name, files]) => `${name}: ${files.join(', ')}`);
  expect(twice).toEqual([]);
});
