import { describe, expect, it } from 'vitest';
import type { CalibrationStatus } from '../../../../renderer/bridge/contract';
import { activeStepIndex, CALIBRATION_STEPS, holdCountdownS, isHoldStep } from '../../../../renderer/features/setup/calibration-steps';

const status = (over: Partial<CalibrationStatus>): CalibrationStatus => ({
  state: 'running',
  step: null,
  heldS: 0,
  positionCm: null,
  neckAboveCm: null,
  lumbarBelowCm: null,
  message: null,
  ...over,
});

describe('calibration steps', () => {
  it('follows the pass: settle, roll up, hold, roll down, hold', () => {
    expect(CALIBRATION_STEPS.map((s) => s.key)).toEqual(['settle', 'roll-up', 'hold-top', 'roll-down', 'hold-bottom']);
    expect(activeStepIndex(status({ state: 'idle' }))).toBe(-1);
    expect(activeStepIndex(status({ step: null }))).toBe(0);
    expect(activeStepIndex(status({ step: 'roll-up', positionCm: null }))).toBe(0);
    expect(activeStepIndex(status({ step: 'roll-up', positionCm: 2 }))).toBe(1);
    expect(activeStepIndex(status({ step: 'hold-top', positionCm: 21 }))).toBe(2);
    expect(activeStepIndex(status({ step: 'hold-bottom', positionCm: -14 }))).toBe(4);
    expect(activeStepIndex(status({ state: 'done', step: 'done' }))).toBe(5);
    expect(activeStepIndex(status({ state: 'failed' }))).toBe(-1);
  });
  it('counts the hold down from 3 s', () => {
    expect([0, 0.2, 1, 1.5, 2.9, 3, 4].map(holdCountdownS)).toEqual([3, 3, 2, 2, 1, 0, 0]);
    expect(holdCountdownS(Number.NaN)).toBe(3);
    expect(isHoldStep(status({ step: 'hold-top' }))).toBe(true);
    expect(isHoldStep(status({ step: 'roll-down' }))).toBe(false);
  });
});
