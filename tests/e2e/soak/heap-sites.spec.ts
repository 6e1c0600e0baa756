/**
 * End-to-end: the sampling heap profiler names the leaking function. One short soak with the reference app's three
 * leak faults at once (heap-leak: retained audio data; detached-dom: caption spans kept after removal;
 * listener-leak: document listeners never removed) must rank each fault's leaking function among the top three
 * sites above the noise floor, list it under the memory finding it explains (in the report and the seed-format text
 * report), and name a site in that finding's recommendation. The clean run in faults.spec.ts checks the other half:
 * no site above the noise floor.
 */
import { readFileSync } from 'node:fs';
import { describeFindings, expect, test } from './soak-fault-fixtures.ts';

test.describe.configure({ timeout: 90_000 });

/** Each fault's leaking function (reference/app/src) and the finding its growth fails. */
const LEAKS = [
  { fault: 'heap-leak', fn: 'tick', file: 'src/heap-leak-fault.ts', finding: 'heap-growth' },
  { fault: 'detached-dom', fn: 'renderCaptions', file: 'src/detached-dom-fault.ts', finding: 'dom-growth' },
  { fault: 'listener-leak', fn: 'watchVisibility', file: 'src/listener-leak-fault.ts', finding: 'listener-growth' },
];

test.describe('leak faults', () => {
  test.use({ soakDurationMs: 40_000, faults: 'heap-leak:20,detached-dom,listener-leak' });
  test('the heap profile names each leaking function among the top three sites', async ({ soak }) => {
    await soak.runConversation();
    const result = await soak.finish();
    const { heapSites, issues } = result.report;
    const ranked = (heapSites?.sites ?? []).filter((s) => s.aboveFloor);
    const explain = `${describeFindings(result)}\nsites:\n${(heapSites?.sites ?? []).map((s) => `${s.aboveFloor ? '*' : ' '} ${s.text}`).join('\n')}`;
    console.log(explain);
    expect(heapSites?.checkpoints, explain).toBeGreaterThanOrEqual(3);
    const text = readFileSync(result.files.find((f) => f.path.endsWith('report.txt'))!.path, 'utf8');
    const detected = text.slice(text.indexOf('Issues Detected:'), text.indexOf('Recommendations:'));
    for (const leak of LEAKS) {
      const rank = ranked.findIndex((s) => s.fn === leak.fn);
      console.log(`${leak.fault}: ${leak.fn} at rank ${rank + 1}`);
      expect(rank, `${leak.fn} among the top three sites\n${explain}`).toBeGreaterThanOrEqual(0);
      expect(rank, explain).toBeLessThan(3);
      expect(ranked[rank]!.source?.file, 'source-mapped to the app source').toBe(leak.file);
      const finding = issues.find((i) => i.id === leak.finding);
      expect(
        finding?.likelySources?.some((line) => line.includes(`in ${leak.fn} (${leak.file}:`)),
        explain,
      ).toBe(true);
      expect(detected).toMatch(new RegExp(`Likely source: .*in ${leak.fn} \\(`));
    }
    expect(issues.find((i) => i.id === 'heap-growth')!.recommendation).toMatch(/Start with (tick|renderCaptions|watchVisibility) \(src\//);
  });
});
