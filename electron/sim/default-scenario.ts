/**
 * The built-in scenario the simulated roller plays when none is chosen: in the app
 * (`sensors.useSimulated` without a scenario, the Pair screen's first choice) and in `roller demo`.
 * No imports, so the renderer can read it without bundling the scenario files.
 */
export const DEFAULT_SIMULATED_SCENARIO = 'ten-minute-mixed';
