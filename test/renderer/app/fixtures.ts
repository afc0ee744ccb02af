/** Plain contract data for renderer tests: a profile, safety answers, a snapshot of the shell's state. */
import { SCREENING_QUESTIONS, type AppSnapshot, type LivePoint, type Profile, type Screening, type ScreeningQuestionId, type SessionStatus } from '../../../renderer/bridge/contract';

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
    sampleRateHz: null,
    handsFree: false,
    voiceGuide: false,
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
    source: { notes: [], samples: 0, rejectedFrames: 0, lastRejected: null, gaps: 0, reconnects: 0, status: null },
    engine: null,
    session: { state: 'none', sessionId: null, startedAt: null, elapsedS: 0, figures: null, todayRollingS: 0, dailyBudgetS: 600, endReason: null, saveProblem: null },
    calibration: { state: 'idle', step: null, heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null },
    notices: [],
    simulatedScenarios: ['ten-minute-mixed', 'guided-session'],
    storage: { dataFolder: '/home/ann/.config/roller-companion', exportFolder: '/home/ann/Downloads/Roller Companion', logFile: '/home/ann/.config/roller-companion/logs/support.log' },
    ...over,
  };
}

/** Safety answers given: all "no" (no clearance needed), or "yes" to the ids listed. */
export function screeningFixture(yes: readonly ScreeningQuestionId[] = []): Screening {
  const answers = Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.id, yes.includes(q.id)])) as Record<ScreeningQuestionId, boolean>;
  return { answers, acknowledgedNotMedicalAdvice: true, answeredAt: '2025-03-01T18:00:00.000Z', needsClearance: yes.length > 0 };
}

/** A live point from the engine (defaults: still, at the start spot, mid back). */
export function livePointFixture(over: Partial<LivePoint> = {}): LivePoint {
  return { t: 0, positionCm: 0, speedInPerS: 0, zone: 'mid-back', dwellS: 0, atRest: false, gapBridged: false, ...over };
}

/** A running session's status. */
export function runningSessionFixture(over: Partial<SessionStatus> = {}): SessionStatus {
  return { ...snapshotFixture().session, state: 'running', sessionId: 7, startedAt: '2025-03-01T18:30:00.000Z', ...over };
}
