/**
 * Which scenario a simulated peripheral plays: a built-in name (electron/sim/scenarios) or a
 * scenario object (validated, defaults filled). Default: `good-slow-session`.
 */
import { builtInScenario } from '../../sim/scenario-catalog';
import { parseScenario, type Scenario, type ScenarioInput } from '../../sim/scenario-schema';

export type ScenarioChoice = string | Scenario | ScenarioInput;

export const DEFAULT_SCENARIO_NAME = 'good-slow-session';

/** Throws for an unknown name (RangeError) or an invalid scenario (ZodError). */
export function resolveScenario(choice: ScenarioChoice | undefined): Scenario {
  if (choice === undefined) return builtInScenario(DEFAULT_SCENARIO_NAME);
  return typeof choice === 'string' ? builtInScenario(choice) : parseScenario(choice);
}
