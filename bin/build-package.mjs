#!/usr/bin/env node
// `npm run build:package` (and `prepack`, so `npm pack` / `npm publish` always ship a fresh build): the npm package's
// dist/, which mirrors the source tree because Playwright does not transpile TypeScript inside node_modules.
//  1. the page bundles (harness/monitor/dist) and the reference app (reference/app/dist), built from their sources;
//  2. tsc -p tsconfig.build.json: JavaScript and .d.ts, relative `.ts` specifiers rewritten to `.js` (the .d.ts
//     files too, here: tsc leaves their specifiers as written);
//  3. the files tsc does not emit, beside the JavaScript that reads them (JSON, WAV, .mjs, .html, .js assets);
//  4. dist/bin/voice-soak.mjs (the CLI the harness starts the embedded server with) and dist/package.json (name,
//     version, "type": "module": what harness/config/tool-identity.ts reads, one folder up from dist/harness).
// Exit 1 with tsc's errors when the sources do not compile.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ASSET_EXTENSIONS = new Set(['.json', '.wav', '.mjs', '.html', '.js', '.map']);

function fail(message) {
  console.error(`build-package: ${message}`);
  process.exit(1);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && relative(root, path) !== 'reference/app/src') yield* walk(path);
    } else yield path;
  }
}

const { register } = await import(pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href);
register();
const { buildApp } = await import('../reference/app/build-app.ts');
await buildApp(); // builds the monitor too

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) fail(`tsc -p tsconfig.build.json failed (exit ${tsc.status ?? tsc.signal})`);

let declarations = 0;
let assets = 0;
for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(/((?:from|import)\s*\(?\s*['"])(\.\.?\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
  if (rewritten !== text) writeFileSync(file, rewritten);
  declarations++;
}
for (const top of ['harness', 'reference']) {
  for (const file of walk(join(root, top))) {
    const rel = relative(root, file);
    if (!ASSET_EXTENSIONS.has(extname(file)) || rel.startsWith('reference/app/src/') || rel.includes('/node_modules/')) continue;
    const to = join(dist, rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
    assets++;
  }
}
mkdirSync(join(dist, 'bin'), { recursive: true });
copyFileSync(join(root, 'bin', 'voice-soak.mjs'), join(dist, 'bin', 'voice-soak.mjs'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module', private: true }, null, 2)}\n`);
for (const needed of ['harness/monitor/dist/voice-soak-monitor.js', 'reference/app/dist/index.html', 'harness/collect/script/default-script.json']) {
  if (!existsSync(join(dist, needed)) || statSync(join(dist, needed)).size === 0) fail(`dist/${needed} is missing after the build`);
}
console.log(`build-package: dist/ (${declarations} .d.ts, ${assets} assets copied)`);
