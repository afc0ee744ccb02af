/**
 * The personal calibration pass, step by step, from the `calibration` status: lie still at the
 * start spot, roll up to the base of the neck and hold, roll down to the end of the ribcage and
 * hold. The engine measures how far each landmark is from the start spot.
 */
import type { CalibrationStatus } from '../../bridge/contract';

export const HOLD_S = 3;

export interface CalibrationStep {
  key: 'settle' | 'roll-up' | 'hold-top' | 'roll-down' | 'hold-bottom';
  title: string;
  detail: string;
}

export const CALIBRATION_STEPS: readonly CalibrationStep[] = [
  {
    key: 'settle',
    title: 'Lie still at the start spot',
    detail: 'Roller across your back just below the shoulder blades, knees bent, feet flat. Keep still for a moment.',
  },
  {
    key: 'roll-up',
    title: 'Roll up slowly to the base of the neck',
    detail: 'Stop where the neck meets the shoulders: the bony bump at the bottom of the neck.',
  },
  { key: 'hold-top', title: 'Hold still there', detail: `Keep the roller at the base of the neck for about ${HOLD_S} seconds.` },
  {
    key: 'roll-down',
    title: 'Roll down slowly to the end of the ribcage',
    detail: 'Stop where the lowest ribs end, just above the lower back.',
  },
  { key: 'hold-bottom', title: 'Hold still there', detail: `Keep the roller at the end of the ribs for about ${HOLD_S} seconds.` },
];

/** Which step is under way (index into CALIBRATION_STEPS), STEPS.length when finished, -1 when idle. */
export function activeStepIndex(c: CalibrationStatus): number {
  if (c.state === 'idle') return -1;
  if (c.state === 'done' || c.step === 'done') return CALIBRATION_STEPS.length;
  if (c.state === 'failed') return -1;
  if (c.step === null || (c.step === 'roll-up' && c.positionCm === null)) return 0;
  return CALIBRATION_STEPS.findIndex((s) => s.key === c.step);
}

/** Whole seconds left to hold (HOLD_S … 0). */
export function holdCountdownS(heldS: number): number {
  const held = Number.isFinite(heldS) && heldS > 0 ? heldS : 0;
  return Math.max(0, Math.ceil(HOLD_S - held - 1e-9));
}

export const isHoldStep = (c: CalibrationStatus): boolean => c.step === 'hold-top' || c.step === 'hold-bottom';
