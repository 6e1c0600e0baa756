/**
 * page-unresponsive and run-complete (issue 10, items 1 and 3): the sampler's 'unresponsive' records become an error naming when the page
 * stopped answering; a hang that outlives the run counts to its end; a short stall under the budget passes; page
 * logs get no assertion (they cannot see their own main thread stop).
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';
import { completeSoakLog, RUN_MS } from './complete-soak-log.ts';

const unresponsive = (tMs: number, sinceMs: number, forMs: number, state: 'began' | 'ended'): LogRecord => ({
  type: 'harness',
  kind: 'unresponsive',
  tMs,
  data: { sinceMs, forMs, state },
});
const check = (extra: LogRecord[], source: 'harness' | 'page' = 'harness', maxUnresponsiveMs?: number) =>
  analyze(completeSoakLog({ extra, source }), maxUnresponsiveMs === undefined ? undefined : { maxUnresponsiveMs }).assertions.find(
    (a) => a.id === 'page-unresponsive',
  );
const { maxUnresponsiveMs: DEFAULT_BUDGET_MS } = PLAIN_DEFAULT_THRESHOLDS;

test('a page that never answered again fails, from the time it began to the end of the run', () => {
  const found = check([unresponsive(30_500, 20_300, 10_200, 'began')]);
  expect(found).toMatchObject({ level: 'error', passed: false, expected: DEFAULT_BUDGET_MS });
  expect(found!.actual).toBeGreaterThanOrEqual(RUN_MS - 20_300); // to the log's last record
  expect(found!.message).toMatch(
    /^page-unresponsive: the page stopped responding at 20\.3 s and never answered again \(16\d(\.\d)? s, to the end of the run\) > 10\.0 s \(a busy or hung main thread; 1 episode\(s\)\)$/,
  );
  expect(analyze(completeSoakLog({ extra: [unresponsive(30_500, 20_300, 10_200, 'began')] })).verdict).toBe('fail');
});

test('a page that answered again after a long stall still fails, with how long it lasted', () => {
  const found = check([unresponsive(31_000, 20_000, 11_000, 'began'), unresponsive(45_000, 20_000, 25_000, 'ended')]);
  expect(found).toMatchObject({ passed: false, actual: 25_000 });
  expect(found!.message).toContain('stopped responding at 20.0 s and answered again only after 25.0 s > 10.0 s');
  // The episode is judged against the budget in effect: one above its 25 s lets it pass.
  const episode = [unresponsive(31_000, 20_000, 11_000, 'began'), unresponsive(45_000, 20_000, 25_000, 'ended')];
  expect(check(episode, 'harness', 26_000)).toMatchObject({ passed: true, actual: 25_000, expected: 26_000 });
});

test('no episode, or one within the budget, passes; a page log gets no assertion', () => {
  expect(check([])).toMatchObject({ passed: true, message: 'page-unresponsive: the page always answered within 10.0 s' });
  expect(DEFAULT_BUDGET_MS).toBeGreaterThan(9_000); // the case below is "within the default budget"
  expect(check([unresponsive(50_000, 40_000, 9_000, 'ended')])).toMatchObject({ passed: true, actual: 9_000 });
  expect(check([unresponsive(50_000, 40_000, 9_000, 'ended')], 'harness', 8_000)).toMatchObject({ passed: false, actual: 9_000, expected: 8_000 });
  expect(check([unresponsive(30_500, 20_300, 10_200, 'began')], 'page')).toBeUndefined();
});

test('run-complete: a harness log that ends without run-end, or with another reason, is partial and fails', () => {
  const runComplete = (records: LogRecord[]) => analyze({ ...completeSoakLog(), records }).assertions.find((a) => a.id === 'run-complete');
  const full = completeSoakLog();
  expect(runComplete(full.records)).toMatchObject({ passed: true, message: 'run-complete: the run finished its script' });
  const killed = full.records.filter((r) => !(r.type === 'harness' && r.kind === 'run-end'));
  expect(runComplete(killed)).toMatchObject({ level: 'error', passed: false, actual: 'partial' });
  expect(runComplete(killed)!.message).toMatch(
    /^run-complete: partial: the log ends without the harness's run-end record \(the run was killed or lost its process\) at 1\d\d(\.\d)? s/,
  );
  const interrupted = [
    ...killed,
    { type: 'harness', kind: 'run-end', tMs: 42_000, detail: 'test interrupted; samples=40 timeouts=0 skippedSlots=0' } as LogRecord,
  ];
  expect(runComplete(interrupted)!.message).toBe('run-complete: partial: test interrupted at 42.0 s; the report covers what was seen until then');
  expect(analyze({ ...completeSoakLog(), records: interrupted }).verdict).toBe('fail');
  // Older and synthetic logs close with a bare run-end: completed.
  expect(runComplete([...killed, { type: 'harness', kind: 'run-end', tMs: 180_000 } as LogRecord])!.passed).toBe(true);
  // The page's own log has no run-end to miss.
  expect(analyze(completeSoakLog({ source: 'page' })).assertions.find((a) => a.id === 'run-complete')).toBeUndefined();
});
