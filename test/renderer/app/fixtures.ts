/** Plain contract data for renderer tests: a profile, a snapshot of the shell's state. */
import type { AppSnapshot, Profile } from '../../../renderer/bridge/contract';

export function profileFixture(over: Partial<Profile> = {}): Profile {
  return {
    rollerDiameterIn: 6,
    bodyHeightCm: 175,
    units: 'in',
    neckAboveCm: null,
    lumbarBelowCm: null,
    calibratedAt: null,
    speedLimitInPerS: 1,
    dwellNudgeS: 15,
    dwellLimitS: 30,
    dailyBudgetMin: 10,
    sounds: true,
    speech: false,
    ...over,
  };
}

export function snapshotFixture(over: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    host: 'browser',
    screening: null,
    profile: profileFixture(),
    adapter: { state: 'unavailable', message: 'Bluetooth unavailable: EAFNOSUPPORT', fix: 'Plug in an adapter.' },
    devices: [],
    connection: { name: 'idle', source: null, description: null, batteryPercent: null },
    session: { state: 'none', sessionId: null, startedAt: null, elapsedS: 0, figures: null, todayRollingS: 0, dailyBudgetS: 600, endReason: null },
    calibration: { state: 'idle', step: null, heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null },
    notices: [],
    simulatedScenarios: ['ten-minute-mixed', 'guided-session'],
    storage: { dataFolder: '/home/ann/.config/roller-companion', exportFolder: '/home/ann/Downloads/Roller Companion' },
    ...over,
  };
}
