/** The calibration pass on a simulated session: the engine's track → N and L, with a verdict. */
import { describe, expect, it } from 'vitest';
import { CalibrationPass } from '../../../electron/motion/calibration-pass';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

function runPass(untilS?: number) {
  const sim = simulate(builtInScenario('calibration-pass'), untilS === undefined ? { seed: 4 } : { seed: 4, untilS });
  const pass = new CalibrationPass();
  const engine = new MotionEngine({ rollerDiameterIn: 6 }, { track: (p) => pass.push(p) });
  for (const s of sim.samples) engine.push(s);
  engine.finish();
  return pass;
}

describe('calibration pass through the engine', () => {
  it('measures the neck and ribcage boundaries the user held at', () => {
    const pass = runPass();
    expect(pass.step).toBe('done');
    const v = pass.verdict();
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.neckAboveCm).toBeCloseTo(22, 0);
      expect(v.lumbarBelowCm).toBeCloseTo(13, 0);
    }
  });

  it('asks to repeat when the session stops during the first hold', () => {
    const pass = runPass(8 + 11.5); // 22 cm at 0.8 in/s ≈ 10.8 s, then under a second of hold
    expect(pass.step).toBe('hold-top');
    const v = pass.verdict();
    expect(v).toMatchObject({ ok: false, problem: 'hold-too-short' });
    if (!v.ok) expect(v.message).toMatch(/Hold still at the base of the neck for 3 s/);
  });
});
