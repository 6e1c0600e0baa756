/**
 * The import graph of the repository's own code, folder by folder, read with TypeScript's own pre-processor
 * (ts.preProcessFile: static imports, re-exports, import() with a literal, `import type` included), so the layout
 * tests judge what the compiler sees rather than a regular expression's guess.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface ImportEdge {
  /** Importing file, relative to the repository root, with / separators. */
  from: string;
  /** Imported module: a repository path for a relative import, else the bare specifier ('@playwright/test'). */
  to: string;
  /** `import type` / `export type` only: erased at runtime. */
  typeOnly: boolean;
}

const CODE = /\.(ts|mts|mjs)$/;
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', 'soak-runs']);

export function codeFiles(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return out.sort();
}

const toRepoPath = (path: string) => relative(ROOT, path).split(sep).join('/');

/** Whether the import statement of `specifier` in `source` imports types only. */
function isTypeOnly(source: ts.SourceFile, specifier: string): boolean {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const moduleSpecifier = statement.moduleSpecifier;
    if (!moduleSpecifier || !ts.isStringLiteral(moduleSpecifier) || moduleSpecifier.text !== specifier) continue;
    if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
    const clause = statement.importClause;
    if (!clause) return false; // a side-effect import
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

export function importEdges(files: string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const spec = imported.fileName;
      const to = spec.startsWith('.') ? toRepoPath(resolve(dirname(file), spec)) : spec;
      edges.push({ from: toRepoPath(file), to, typeOnly: isTypeOnly(source, spec) });
    }
  }
  return edges;
}

/** Folder -> folders it imports (relative imports between different folders only). */
export function folderGraph(edges: ImportEdge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.to.startsWith('@') || !edge.to.includes('/')) continue;
    const a = edge.from.slice(0, edge.from.lastIndexOf('/'));
    const b = edge.to.slice(0, edge.to.lastIndexOf('/'));
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

/** Strongly connected groups of two or more folders (Tarjan): each is a cycle between folders. */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** "a -> b" lines for the edges inside one cycle, to say where to cut it. */
export function describeCycle(graph: Map<string, Set<string>>, group: string[]): string {
  const inside = new Set(group);
  const lines = group.flatMap((a) => [...(graph.get(a) ?? [])].filter((b) => inside.has(b)).map((b) => `${a} -> ${b}`));
  return lines.join('; ');
}

/** Names of the functions, classes and constants each file declares and exports itself (re-exports excluded). */
export function exportedDeclarations(files: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, file: string) => byName.set(name, [...(byName.get(name) ?? []), toRepoPath(file)]);
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) add(statement.name.text, file);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) add(declaration.name.text, file);
      }
    }
  }
  return byName;
}
