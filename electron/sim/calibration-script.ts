/**
 * The simulated person doing the personal calibration pass (electron/motion/calibration-pass.ts)
 * on the roller of a scenario: the same roller, sensor, mount and sensor errors, with the pass's
 * steps as the script:
 *
 *   lie still at the start spot → roll up slowly to the base of the neck (+N) → hold still →
 *   roll down slowly to the end of the ribcage (−L) → hold still → back to the start spot.
 *
 * N and L are the scenario's own spine map, so the pass should measure them. Each hold lasts
 * the pass's hold time plus a margin (the pass first needs a moment of stillness before it
 * counts). Timed drop-outs belong to the scenario's own timeline and are left out.
 */
import { DEFAULT_CALIBRATION_OPTIONS } from '../motion/calibration-pass';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario-schema';

/** Still at the start spot before the first stroke, s: the engine's start rest. */
export const CALIBRATION_SETTLE_S = 8;
/** Each hold: the pass's hold time plus this margin, s. */
export const CALIBRATION_HOLD_MARGIN_S = 2.5;
/** Peak speed of the slow strokes, in/s (well within the coached limit). */
const STROKE_PEAK_IN_PER_S = 0.8;

export function calibrationScript(scenario: Scenario): Scenario {
  const holdS = DEFAULT_CALIBRATION_OPTIONS.holdS + CALIBRATION_HOLD_MARGIN_S;
  const { neckAboveCm, lumbarBelowCm } = scenario.spineMap;
  const stroke = (toCm: number) => ({ kind: 'stroke' as const, toCm, profile: 'cruise' as const, peakSpeedInPerS: STROKE_PEAK_IN_PER_S });
  const input: ScenarioInput = {
    ...scenario,
    name: `${scenario.name}-calibration`,
    description: `The calibration pass on the roller of ${scenario.name}.`,
    errors: { ...scenario.errors, dropouts: [] },
    segments: [
      { kind: 'rest', durationS: CALIBRATION_SETTLE_S, breathingCm: 0.05 },
      stroke(neckAboveCm),
      { kind: 'rest', durationS: holdS, breathingCm: 0.05 },
      stroke(-lumbarBelowCm),
      { kind: 'rest', durationS: holdS, breathingCm: 0.05 },
      stroke(0),
      { kind: 'rest', durationS: 2 },
    ],
  };
  return parseScenario(input);
}
