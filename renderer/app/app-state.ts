/** What the shell knows about the app: the snapshot (kept current by pushed events) and the link. */
import type { BridgeStatus } from '../bridge/bridge-status';
import type { AppSnapshot, CalibrationStatus, Profile, Screening, SessionStatus } from '../bridge/contract';

export interface AppState {
  load: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  snapshot: AppSnapshot | null;
  bridge: BridgeStatus;
  /** When the last `session` status arrived (performance.now() ms), to run the clock between updates. */
  sessionReceivedAtMs: number;
}

export const initialAppState = (bridge: BridgeStatus): AppState => ({
  load: 'loading',
  loadError: null,
  snapshot: null,
  bridge,
  sessionReceivedAtMs: 0,
});

type Patch = Partial<Pick<AppSnapshot, 'profile' | 'screening' | 'session' | 'calibration'>>;

function patchSnapshot(state: AppState, patch: Patch): AppState {
  if (!state.snapshot) return state;
  return { ...state, snapshot: { ...state.snapshot, ...patch } };
}

/** Same session figures: a snapshot that repeats them must not restart the local clock. */
const sameSession = (a: SessionStatus, b: SessionStatus): boolean =>
  a.state === b.state && a.sessionId === b.sessionId && a.elapsedS === b.elapsedS && a.figures?.rollingS === b.figures?.rollingS && a.todayRollingS === b.todayRollingS;

export const withSnapshot = (state: AppState, snapshot: AppSnapshot, nowMs: number): AppState => {
  const prev = state.snapshot?.session;
  const keep = prev !== undefined && sameSession(prev, snapshot.session);
  return {
    ...state,
    load: 'ready',
    loadError: null,
    snapshot: keep && prev ? { ...snapshot, session: prev } : snapshot,
    sessionReceivedAtMs: keep ? state.sessionReceivedAtMs : nowMs,
  };
};
export const withProfile = (state: AppState, profile: Profile): AppState => patchSnapshot(state, { profile });
export const withScreening = (state: AppState, screening: Screening): AppState => patchSnapshot(state, { screening });
export const withCalibration = (state: AppState, calibration: CalibrationStatus): AppState => patchSnapshot(state, { calibration });
export const withSession = (state: AppState, session: SessionStatus, nowMs: number): AppState => (state.snapshot ? { ...patchSnapshot(state, { session }), sessionReceivedAtMs: nowMs } : state);
