/** The simulated person doing the calibration pass on each built-in scenario's roller: the pass completes and measures that body. */
import { describe, expect, it } from 'vitest';
import { CalibrationPass } from '../../../electron/motion/calibration-pass';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { calibrationScript } from '../../../electron/sim/calibration-script';
import { DEFAULT_SIMULATED_SCENARIO } from '../../../electron/sim/default-scenario';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

describe('calibrationScript', () => {
  it.each([DEFAULT_SIMULATED_SCENARIO, 'good-slow-session', 'four-inch-roller', 'high-bias'])('the pass completes on the roller of %s', (name) => {
    const scenario = builtInScenario(name);
    const script = calibrationScript(scenario);
    // Same roller, sensor and mount; no timed drop-outs of the session's own timeline.
    expect(script.roller).toEqual(scenario.roller);
    expect(script.mount).toEqual(scenario.mount);
    expect(script.errors.dropouts).toEqual([]);
    const pass = new CalibrationPass();
    const engine = new MotionEngine({ rollerDiameterIn: scenario.roller.diameterIn }, { track: (p) => pass.push(p) });
    for (const s of simulate(script, { truthRateHz: 0 }).samples) engine.push(s);
    engine.finish();
    expect(pass.step).toBe('done');
    const v = pass.verdict();
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(Math.abs(v.neckAboveCm - scenario.spineMap.neckAboveCm)).toBeLessThan(1.5);
      expect(Math.abs(v.lumbarBelowCm - scenario.spineMap.lumbarBelowCm)).toBeLessThan(1.5);
    }
  });
});
