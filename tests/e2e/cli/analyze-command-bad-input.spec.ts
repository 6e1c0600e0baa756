/** `voice-soak analyze` on unusable input: exit 2, one line naming the file (and line/field), no stack trace. */
import { mkdir, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { fixturePath, runCli, synthLogText, withScratchDir } from './run-cli.ts';

const BAD_LOGS: { file: string; mentions: RegExp }[] = [
  { file: 'not-json.jsonl', mentions: /not-json\.jsonl:1: not JSON/ },
  { file: 'empty.jsonl', mentions: /empty\.jsonl: empty file/ },
  { file: 'binary.jsonl', mentions: /binary\.jsonl:1: binary content/ },
  { file: 'truncated-middle.jsonl', mentions: /truncated-middle\.jsonl:3: not JSON/ },
  { file: 'wrong-types.jsonl', mentions: /wrong-types\.jsonl:3: field "heapUsedBytes": expected a number, got "12"/ },
  { file: 'nan.jsonl', mentions: /nan\.jsonl:2: .*NaN/ },
  { file: 'infinity.jsonl', mentions: /infinity\.jsonl:2: .*Infinity/ },
  { file: 'deep-nesting.jsonl', mentions: /deep-nesting\.jsonl:2: nesting deeper/ },
  { file: 'unknown-schema-version.jsonl', mentions: /unknown-schema-version\.jsonl:1: .*schemaVersion 99/ },
  { file: 'header-missing.jsonl', mentions: /header-missing\.jsonl:1: .*header/ },
];

function expectOneLineError(stderr: string, mentions: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^voice-soak analyze: /);
  expect(lines[0]).toMatch(mentions);
  expect(stderr).not.toContain('    at ');
}

for (const { file, mentions } of BAD_LOGS) {
  test(`bad log ${file}: exit 2 with a one-line message`, async () => {
    const result = await runCli(['analyze', fixturePath(`bad-logs/${file}`)]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, mentions);
  });
}

test('a huge single line: exit 2 naming the line', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const header = synthLogText({ durationMs: 5_000, seed: 1 }).split('\n')[0]!;
    const path = scratch('huge-line.jsonl');
    await writeFile(path, `${header}\n{"type":"harness","tMs":1,"kind":"note","detail":"${'x'.repeat(3 * 1024 * 1024)}"}\n`);
    const result = await runCli(['analyze', path]);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /huge-line\.jsonl:2: line longer than/);
  }));

test('a missing file and a directory: exit 2', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const missing = await runCli(['analyze', scratch('no-such-log.jsonl')]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, /no-such-log\.jsonl: no such file/);
    const dir = scratch('a-directory.jsonl');
    await mkdir(dir, { recursive: true });
    const directory = await runCli(['analyze', dir]);
    expect(directory.code).toBe(2);
    expectOneLineError(directory.stderr, /a-directory\.jsonl: is a directory/);
  }));

test('--debug adds the stack trace', async () => {
  const result = await runCli(['analyze', fixturePath('bad-logs/not-json.jsonl'), '--debug']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('    at ');
});

test('bad usage exits 64 and says what is allowed', async () => {
  const cases: [string[], RegExp][] = [
    [['analyze'], /missing <log\.jsonl>/],
    [['analyze', 'x.jsonl', '--format', 'pdf'], /--format must be one of text, json, html, md, got "pdf"/],
    [['analyze', 'x.jsonl', '--colour'], /Unknown option '--colour'/],
    [['analyze', 'x.jsonl', '--format'], /--format <value>' argument missing/],
    [['analyze', 'a.jsonl', 'b.jsonl'], /unexpected argument "b\.jsonl"/],
    [['compare', 'a.jsonl'], /missing <after>/],
    [['compare', 'a.jsonl', 'b.jsonl', '--format', 'html'], /--format must be one of text, json, md, got "html"/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(args);
    expect(result.code, args.join(' ')).toBe(64);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  }
});
