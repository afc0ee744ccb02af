/**
 * Scenario builders for the simulator tests: a "quiet" roller (no wobble, no bounce, no
 * noise, no quantisation) so the physics can be compared with analytic values.
 */
import type { ScenarioInput } from '../../../electron/sim/scenario-schema';

type Segments = ScenarioInput['segments'];

export function quietScenario(segments: Segments, over: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'quiet',
    roller: { diameterIn: 6, wobble: { aboutYDeg: 0, aboutZDeg: 0 }, bounce: { amplitudeMm: 0 }, ...over.roller },
    errors: { gyroNoiseDpsPerSqrtHz: 0, accelNoiseGPerSqrtHz: 0, quantize: false, ...over.errors },
    ...omit(over, ['roller', 'errors']),
    segments,
  };
}

function omit<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = { ...o };
  for (const k of keys) delete out[k];
  return out;
}
