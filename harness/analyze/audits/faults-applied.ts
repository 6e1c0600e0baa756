/**
 * faults-applied: every fault in header.faults needs evidence that it reached its side (fault-evidence.ts): a harness
 * `fault` record saying it was applied, an app mark, or, for the embedded target, the socket URL's voice_soak_faults
 * naming it. Without that, a clean-looking faulted run proves nothing about the detector it was meant to exercise.
 * A `fault` record saying 'not-applied' fails the check with its reason, whatever else says applied.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import type { CollectedData } from '../judge/collected-data.ts';
import { faultName } from '../judge/fault-evidence.ts';
import { quoteDetail } from '../judge/quote-detail.ts';
import type { Audit } from './audit.ts';

interface FaultJudgement {
  spec: string;
  /** How it is known to be applied, or null. */
  evidence: string | null;
  /** Why it fails, or null. */
  problem: string | null;
  /** A `fault` record said it was not applied. */
  refused: boolean;
}

export const faultsAppliedAudit: Audit = {
  id: 'faults-applied',
  title: 'Injected faults reached their side',
  failureTitle: 'Injected faults without evidence',
  requires: ['harness'],
  recommendation:
    "An injected fault has no evidence it reached its side: check the fault spec (SOAK_FAULTS names and values), that the target forwards it (voice_soak_faults on the socket URL for the embedded app), and the fault record's reason; a faulted run without its fault proves nothing.",
  judge: judgeFaultsApplied,
};

function judgeFaultsApplied(ctx: AnalysisContext): Check | null {
  const specs = ctx.data.header.faults ?? [];
  const judged = specs.map((spec) => judgeFault(ctx.data, spec));
  const failed = judged.filter((j) => j.problem !== null);
  const base = {
    id: 'faults-applied',
    level: 'warn' as const,
    title: 'Injected faults without evidence',
    expected: 0,
    operator: '<=' as const,
    unit: 'faults',
  };
  const evidence = { faults: specs.length, withoutEvidence: failed.length, notApplied: judged.filter((j) => j.refused).length };
  if (specs.length === 0) return makeCheck({ ...base, actual: 0, passed: true, message: 'faults-applied: no fault injected', evidence });
  return makeCheck({
    ...base,
    actual: failed.length,
    passed: failed.length === 0,
    evidence,
    message:
      failed.length === 0
        ? `faults-applied: ${specs.length} injected fault(s), each with evidence it reached its side (${judged.map((j) => `${j.spec}: ${j.evidence}`).join('; ')})`
        : `faults-applied: ${failed.length} of ${specs.length} injected fault(s) without evidence they reached their side: ${failed.map((j) => j.problem).join('; ')}`,
  });
}

function judgeFault(data: CollectedData, spec: string): FaultJudgement {
  const name = faultName(spec);
  const { faults } = data;
  const embedded = data.header.target.kind === 'embedded';
  const inUrl = embedded && faults.inSocketUrl.has(name);
  const appliedBy = faults.applied.get(name);
  const evidence =
    appliedBy !== undefined
      ? `fault record by ${appliedBy}`
      : faults.marked.has(name)
        ? 'app mark'
        : inUrl && faults.specIgnored === null
          ? 'socket URL'
          : null;
  const reason = faults.notApplied.get(name);
  const judgement = (problem: string | null): FaultJudgement => ({ spec, evidence, problem, refused: reason !== undefined });
  if (reason !== undefined) return judgement(`${spec} not applied: ${reason}`);
  if (evidence !== null) return judgement(null);
  if (inUrl) return judgement(`${spec}: the server ignored voice_soak_faults (${quoteDetail(faults.specIgnored ?? '', 100)})`);
  return judgement(`${spec}: no ${embedded ? 'fault record, app mark or socket URL' : 'fault record or app mark'} names it`);
}
