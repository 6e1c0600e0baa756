/** harness/config's copy of the fault names (the harness may not import target/) agrees with the target's catalog. */
import { test, expect } from '@playwright/test';
import { FAULT_NAMES, RENAMED_FAULTS, unknownFaultNames } from '../../../harness/config/fault-names.ts';
import { faultCatalog, renamedFaults } from '../../../reference/faults/fault-catalog.ts';
import { parseFaultSpec } from '../../../reference/faults/fault-spec.ts';
import { settingsFromEnv } from '../../../harness/config/settings.ts';

const settingsError = (env: Record<string, string>): Error => {
  try {
    settingsFromEnv(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
};

test('FAULT_NAMES lists exactly the faults of reference/faults/fault-catalog.ts, in its order', () => {
  expect(FAULT_NAMES).toEqual(faultCatalog.map((fault) => fault.name));
});

test('a spec the target parses has no unknown names, and a name the target rejects is unknown here', () => {
  const spec = faultCatalog.map((fault) => (fault.kind === 'flag' ? fault.name : `${fault.name}=${fault.defaultValue}`)).join(',');
  expect(() => parseFaultSpec(spec)).not.toThrow();
  expect(unknownFaultNames(spec)).toEqual([]);
  expect(() => parseFaultSpec('heap-leek=2')).toThrow(/unknown fault/);
  expect(unknownFaultNames('heap-leek=2')).toEqual(['heap-leek']);
});

test('a renamed fault is refused on both sides with its new name, never injected as nothing', () => {
  expect(RENAMED_FAULTS).toEqual(renamedFaults);
  for (const [old, now] of Object.entries(renamedFaults)) {
    expect(FAULT_NAMES).toContain(now);
    expect(FAULT_NAMES).not.toContain(old);
    expect(() => parseFaultSpec(`${old}:300`)).toThrow(`fault spec: "${old}" is now called "${now}" (in "${old}:300")`);
    expect(settingsError({ SOAK_FAULTS: `heap-leak:5,${old}:300` }).message).toBe(`SOAK_FAULTS: "${old}" is now called "${now}", got "heap-leak:5,${old}:300"`);
  }
});
