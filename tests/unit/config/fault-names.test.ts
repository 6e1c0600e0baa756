/** harness/config's copy of the fault names (the harness may not import target/) agrees with the target's catalog. */
import { test, expect } from '@playwright/test';
import { FAULT_NAMES, unknownFaultNames } from '../../../harness/config/fault-names.ts';
import { faultCatalog } from '../../../reference/faults/fault-catalog.ts';
import { parseFaultSpec } from '../../../reference/faults/fault-spec.ts';

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
