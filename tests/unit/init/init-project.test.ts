/**
 * `voice-soak init` on temporary Playwright projects: what it adds to the config (checked by parsing the result),
 * that it overwrites nothing, that a second run changes nothing, and that a config it cannot edit stops it before
 * any file is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ts from 'typescript';
import { initProject, SPEC_PATH, WORKFLOW_PATH } from '../../../harness/init/init-project.ts';
import { addSoakToConfig } from '../../../harness/init/edit-playwright-config.ts';
import { ENV_ENTRIES, missingEnvEntries } from '../../../harness/init/init-templates.ts';
import type { InitError } from '../../../harness/init/init-error.ts';
import { CREATED_BY_PLAYWRIGHT } from './playwright-template.ts';

function syntaxErrors(text: string, name = 'playwright.config.ts'): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true, name.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  return (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'voice-soak-init-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("init adds the soak project, reporter, webServer, spec, .env.example entries and workflow to Playwright's own template", () => {
  writeFileSync(join(dir, 'playwright.config.ts'), CREATED_BY_PLAYWRIGHT);
  const changes = initProject(dir);
  expect(changes.map((c) => [c.path, c.action])).toEqual([
    ['playwright.config.ts', 'updated'],
    [SPEC_PATH, 'created'],
    ['.env.example', 'created'],
    [WORKFLOW_PATH, 'created'],
  ]);
  const config = readFileSync(join(dir, 'playwright.config.ts'), 'utf8');
  expect(syntaxErrors(config)).toEqual([]);
  expect(config).toContain("import { defineConfig, devices } from '@playwright/test';\nimport { soakProject, soakServer } from 'voice-soak/config';");
  expect(config).toContain("  projects: [\n    soakProject(),\n    {\n      name: 'chromium',");
  expect(config).toContain("reporter: [['html'], ['voice-soak/reporter']],");
  expect(config).toContain('\n  webServer: [soakServer()],');
  // The commented-out webServer and every other line are kept as they were.
  expect(config).toContain("  // webServer: {\n  //   command: 'npm run start',");
  expect(config.replace(/.*(soakProject|soakServer|voice-soak).*\n/g, '')).toBe(CREATED_BY_PLAYWRIGHT.replace(/.*reporter: 'html'.*\n/, ''));
  const spec = readFileSync(join(dir, SPEC_PATH), 'utf8');
  expect(spec).toContain("from 'voice-soak/fixtures'");
  expect(syntaxErrors(spec, 'voice-soak.soak.ts')).toEqual([]);
  expect(readFileSync(join(dir, '.env.example'), 'utf8')).toContain('\nSOAK_DURATION=7m\n');
  expect(readFileSync(join(dir, WORKFLOW_PATH), 'utf8')).toContain('npx playwright test --project=soak');
});

test('a second init changes nothing, and existing files are kept byte for byte', () => {
  writeFileSync(join(dir, 'playwright.config.ts'), CREATED_BY_PLAYWRIGHT);
  mkdirSync(join(dir, 'soak'));
  writeFileSync(join(dir, SPEC_PATH), '// mine\n');
  writeFileSync(join(dir, '.env.example'), 'API_URL=http://localhost\n# SOAK_DURATION=20m\n');
  initProject(dir);
  const after = ['playwright.config.ts', SPEC_PATH, '.env.example', WORKFLOW_PATH].map((f) => readFileSync(join(dir, f), 'utf8'));
  expect(after[1]).toBe('// mine\n');
  expect(after[2]).toMatch(/^API_URL=http:\/\/localhost\n# SOAK_DURATION=20m\n\n# --- voice-soak/);
  expect(after[2]).not.toContain('SOAK_DURATION=7m');
  const again = initProject(dir);
  expect(again.map((c) => c.action)).toEqual(['kept', 'kept', 'kept', 'kept']);
  expect(['playwright.config.ts', SPEC_PATH, '.env.example', WORKFLOW_PATH].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(after);
});

test('--dry-run writes nothing; a missing config or folder is exit 66', () => {
  writeFileSync(join(dir, 'playwright.config.ts'), CREATED_BY_PLAYWRIGHT);
  expect(initProject(dir, { dryRun: true }).map((c) => c.action)).toEqual(['updated', 'created', 'created', 'created']);
  expect(readFileSync(join(dir, 'playwright.config.ts'), 'utf8')).toBe(CREATED_BY_PLAYWRIGHT);
  expect(existsSync(join(dir, SPEC_PATH))).toBe(false);
  rmSync(join(dir, 'playwright.config.ts'));
  const noConfig = (() => {
    try {
      initProject(dir);
    } catch (error) {
      return error as InitError;
    }
  })();
  expect(noConfig?.exitCode).toBe(66);
  expect(noConfig?.message).toContain('no playwright.config.{ts,js,mjs,cjs,mts,cts} here');
  expect(() => initProject(join(dir, 'nope'))).toThrow(`--dir: no such folder "${join(dir, 'nope')}"`);
});

test('a config init cannot edit safely stops it before any file is written (exit 65)', () => {
  writeFileSync(join(dir, 'playwright.config.ts'), "import base from './base';\nexport default defineConfig({ ...base, testDir: 'e2e' });\n");
  expect(() => initProject(dir)).toThrow(/playwright\.config\.ts: the config spreads `\.\.\.base`, which may hold `projects`/);
  expect(existsSync(join(dir, SPEC_PATH)) || existsSync(join(dir, '.env.example')) || existsSync(join(dir, WORKFLOW_PATH))).toBe(false);
  expect(() => addSoakToConfig('const projects = [];\nexport default defineConfig({ projects });', 'c.ts')).toThrow('`projects` is a shorthand for a variable');
  expect(() => addSoakToConfig('module.exports = require("./other");', 'c.js')).toThrow('c.js: no `defineConfig({...})`');
});

test('configs of other shapes: CommonJS, no projects, a reporter expression, a webServer object, a login setup project', () => {
  const cjs = addSoakToConfig("const { devices } = require('@playwright/test');\nmodule.exports = {\n  testDir: 'e2e',\n};\n", 'playwright.config.js');
  expect(syntaxErrors(cjs.text, 'playwright.config.js')).toEqual([]);
  expect(cjs.text).toContain("require('@playwright/test');\nconst { soakProject, soakServer } = require('voice-soak/config');");
  expect(cjs.text).toContain(
    "module.exports = {\n  projects: [{ name: 'default' }, soakProject()],\n  reporter: [[process.env.CI ? 'dot' : 'list'], ['voice-soak/reporter']],",
  );
  const shaped = addSoakToConfig(
    `import { defineConfig } from '@playwright/test';
export default defineConfig<{ x: number }>({
  reporter: process.env.CI ? 'github' : [['list'], ['html']],
  webServer: { command: 'npm start', url: 'http://127.0.0.1:3000' }, // the app
  projects: [{ name: 'setup', testMatch: /auth\\.setup\\.ts/ }, { name: 'app', dependencies: ['setup'], use: { storageState: '.auth/user.json' } }],
});
`,
    'playwright.config.ts',
  );
  expect(syntaxErrors(shaped.text)).toEqual([]);
  expect(shaped.text).toContain("reporter: withSoakReporter(process.env.CI ? 'github' : [['list'], ['html']]),");
  expect(shaped.text).toContain("webServer: [{ command: 'npm start', url: 'http://127.0.0.1:3000' }, soakServer()], // the app");
  expect(shaped.text).toContain("projects: [soakProject({ dependencies: ['setup'] }), { name: 'setup'");
  expect(shaped.changes).toContain("projects: added soakProject({ dependencies: ['setup'] })");
  // A projects variable is extended, not replaced.
  expect(addSoakToConfig('export default defineConfig({ projects: mine, reporter: [] });', 'c.ts').text).toBe(
    "import { soakProject, soakServer } from 'voice-soak/config';\nexport default defineConfig({\n  webServer: [soakServer()], projects: [...mine, soakProject()], reporter: [['voice-soak/reporter']] });",
  );
});

test(".env.example entries carry the defaults voice-soak's own .env.example documents, and only missing ones are added", () => {
  const ours = readFileSync('.env.example', 'utf8');
  for (const entry of ENV_ENTRIES) expect(ours, entry.name).toMatch(new RegExp(`^${entry.name}=${entry.value.replace(/[.*]/g, '\\$&')}$`, 'm'));
  expect(missingEnvEntries(ours).names).toEqual([]);
  expect(missingEnvEntries('SOAK_PORT=9000').names).not.toContain('SOAK_PORT');
  expect(missingEnvEntries('').text.startsWith('# --- voice-soak')).toBe(true);
});
