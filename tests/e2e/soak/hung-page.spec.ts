/**
 * A page whose main thread hangs (the reference app's slow-handler fault at 60 s per server event: its first handler
 * never returns within the run) is caught within a few sample intervals as page-unresponsive, with the time it
 * began; the conversation stops there and the run ends with its report, instead of hanging until Playwright's test
 * timeout with a mild sampling warning.
 */
import { describeFindings, expect, failedErrorIds, test } from './soak-fault-fixtures.ts';

test.describe('a hung page', () => {
  test.use({ soakDurationMs: 90_000, faults: 'slow-handler:60000' });
  test('is found as page-unresponsive within seconds, and the run ends with a report', async ({ soak }) => {
    test.setTimeout(75_000);
    const startedMs = Date.now();
    await soak.runConversation();
    const result = await soak.finish();
    const elapsedMs = Date.now() - startedMs;
    expect(elapsedMs, 'the 90 s conversation stopped at the hang').toBeLessThan(40_000);
    expect(failedErrorIds(result.report), describeFindings(result)).toContain('page-unresponsive');
    const finding = result.report.assertions.find((a) => a.id === 'page-unresponsive')!;
    const began = Number(/stopped responding at ([\d.]+) s/.exec(finding.message)?.[1]);
    expect(began, finding.message).toBeGreaterThan(0);
    expect(began).toBeLessThan(10);
    expect(finding.message).toMatch(/never answered again|answered again only after/);
    expect(result.failures).toContain(finding.message);
  });
});
