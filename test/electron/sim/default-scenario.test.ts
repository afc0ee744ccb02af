import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATED_SCENARIO } from '../../../electron/sim/default-scenario';
import { BUILT_IN_SCENARIO_NAMES, builtInScenario } from '../../../electron/sim/scenario-catalog';

describe('the default simulated scenario', () => {
  it('is a built-in scenario that loads', () => {
    expect(BUILT_IN_SCENARIO_NAMES).toContain(DEFAULT_SIMULATED_SCENARIO);
    expect(builtInScenario(DEFAULT_SIMULATED_SCENARIO).name).toBe(DEFAULT_SIMULATED_SCENARIO);
  });
});
