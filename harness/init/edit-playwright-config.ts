/**
 * Adds voice-soak to the text of a playwright.config, touching only what it adds: the config import, the soak
 * project (first in `projects`; the user's tests keep running as a `default` project when the config had none),
 * the soak reporter, and `voice-soak serve` as a webServer. Values it cannot extend in place are wrapped, never
 * replaced (`reporter: process.env.CI ? 'dot' : 'list'` becomes `withSoakReporter(process.env.CI ? 'dot' : 'list')`).
 * A config that already imports voice-soak/config is left alone. Pure: text in, text and change lines out.
 */
import { findConfigObject, matchingBracket, type ConfigObject, type ConfigProperty } from './config-object.ts';
import { InitError } from './init-error.ts';

export const CONFIG_MODULE = 'voice-soak/config';

export interface ConfigEdit {
  text: string;
  /** What was added, one line each ("projects: added soakProject()"); empty when the config had voice-soak already. */
  changes: string[];
}

interface Insert {
  at: number;
  /** Characters replaced from `at` (0: a pure insert). */
  remove: number;
  text: string;
}

function indentOf(source: string, object: ConfigObject): string {
  const first = object.properties[0];
  if (!first) return '  ';
  const lineStart = source.lastIndexOf('\n', first.valueStart) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0] || '  ';
}

/** An element put first into the array literal at `open`, on its own line when the array spans lines. */
function prependToArray(source: string, open: number, element: string): Insert {
  const close = matchingBracket(source, open);
  const inner = source.slice(open + 1, close);
  if (inner.trim() === '') return { at: open + 1, remove: inner.length, text: element };
  const firstLine = /^[ \t]*\n([ \t]*)/.exec(inner);
  return { at: open + 1, remove: 0, text: firstLine ? `\n${firstLine[1]}${element},` : `${element}, ` };
}

function importLine(source: string, used: string[]): Insert {
  const esm = [...source.matchAll(/^import\s[^;]*?from\s*(['"])[^'"\n]*\1;?|^import\s*(['"])[^'"\n]*\2;?/gm)];
  const names = `{ ${used.join(', ')} }`;
  const last = esm.at(-1);
  if (last) return { at: last.index + last[0].length, remove: 0, text: `\nimport ${names} from '${CONFIG_MODULE}';` };
  const cjs = [...source.matchAll(/^(?:const|let|var)\s[^\n]*=\s*require\(\s*(['"])[^'"\n]*\1\s*\)[^\n]*$/gm)];
  const lastRequire = cjs.at(-1);
  if (lastRequire) return { at: lastRequire.index + lastRequire[0].length, remove: 0, text: `\nconst ${names} = require('${CONFIG_MODULE}');` };
  if (/\bmodule\.exports\b/.test(source)) return { at: 0, remove: 0, text: `const ${names} = require('${CONFIG_MODULE}');\n` };
  return { at: 0, remove: 0, text: `import ${names} from '${CONFIG_MODULE}';\n` };
}

function usable(file: string, property: ConfigProperty | undefined, spread: ConfigProperty | undefined, name: string): ConfigProperty | undefined {
  if (property?.kind === 'shorthand') {
    throw new InitError(
      `${file}: \`${name}\` is a shorthand for a variable; add voice-soak to that variable yourself (README: "Add voice-soak to your Playwright project")`,
    );
  }
  if (!property && spread) {
    throw new InitError(
      `${file}: the config spreads \`...${spread.name}\`, which may hold \`${name}\`; add voice-soak to it yourself (README: "Add voice-soak to your Playwright project")`,
    );
  }
  return property;
}

export function addSoakToConfig(source: string, file: string): ConfigEdit {
  if (source.includes(`'${CONFIG_MODULE}'`) || source.includes(`"${CONFIG_MODULE}"`)) return { text: source, changes: [] };
  const object = findConfigObject(source);
  if (!object) {
    throw new InitError(
      `${file}: no \`defineConfig({...})\`, \`export default {...}\` or \`module.exports = {...}\` found; add soakProject() to your projects yourself (README)`,
    );
  }
  const find = (name: string) => object.properties.find((p) => p.name === name && p.kind !== 'spread');
  const spread = object.properties.find((p) => p.kind === 'spread');
  const projects = usable(file, find('projects'), spread, 'projects');
  const reporter = usable(file, find('reporter'), spread, 'reporter');
  const webServer = usable(file, find('webServer'), spread, 'webServer');
  const indent = indentOf(source, object);
  const inserts: Insert[] = [];
  const added: string[] = [];
  const changes: string[] = [];

  if (projects) {
    const value = source.slice(projects.valueStart, projects.valueEnd);
    // A login project the soak should wait for: its storageState is then ready when the soak's context opens.
    const soak = /name\s*:\s*['"]setup['"]/.test(value) ? "soakProject({ dependencies: ['setup'] })" : 'soakProject()';
    if (value.startsWith('[')) inserts.push(prependToArray(source, projects.valueStart, soak));
    else inserts.push({ at: projects.valueStart, remove: value.length, text: `[...${value}, ${soak}]` });
    changes.push(`projects: added ${soak}`);
  } else {
    added.push(`projects: [{ name: 'default' }, soakProject()],`);
    changes.push("projects: added [{ name: 'default' }, soakProject()] (your tests run as before, in the project 'default')");
  }

  if (reporter) {
    const value = source.slice(reporter.valueStart, reporter.valueEnd);
    if (value.startsWith('[')) inserts.push(prependToArray(source, reporter.valueStart, "['voice-soak/reporter']"));
    else if (/^(['"])[^'"]*\1$/.test(value)) inserts.push({ at: reporter.valueStart, remove: value.length, text: `[[${value}], ['voice-soak/reporter']]` });
    else inserts.push({ at: reporter.valueStart, remove: value.length, text: `withSoakReporter(${value})` });
    changes.push("reporter: added ['voice-soak/reporter']");
  } else {
    added.push("reporter: [[process.env.CI ? 'dot' : 'list'], ['voice-soak/reporter']],");
    changes.push("reporter: added [[process.env.CI ? 'dot' : 'list'] (Playwright's default), ['voice-soak/reporter']]");
  }

  if (webServer) {
    const value = source.slice(webServer.valueStart, webServer.valueEnd);
    if (value.startsWith('[')) inserts.push(prependToArray(source, webServer.valueStart, 'soakServer()'));
    else if (value.startsWith('{')) inserts.push({ at: webServer.valueStart, remove: value.length, text: `[${value}, soakServer()]` });
    else inserts.push({ at: webServer.valueStart, remove: value.length, text: `[${value}, soakServer()].flat()` });
    changes.push('webServer: added soakServer() (voice-soak serve, the embedded target on SOAK_PORT)');
  } else {
    added.push('webServer: [soakServer()],');
    changes.push('webServer: added [soakServer()] (voice-soak serve, the embedded target on SOAK_PORT)');
  }
  if (added.length) inserts.push({ at: object.open + 1, remove: 0, text: added.map((line) => `\n${indent}${line}`).join('') });
  const used = ['soakProject', 'soakServer', 'withSoakReporter'].filter((name) => inserts.some((insert) => insert.text.includes(`${name}(`)));
  inserts.push(importLine(source, used));
  changes.unshift(`import: ${used.join(', ')} from ${CONFIG_MODULE}`);

  let text = source;
  for (const insert of inserts.sort((a, b) => b.at - a.at)) text = text.slice(0, insert.at) + insert.text + text.slice(insert.at + insert.remove);
  return { text, changes };
}
