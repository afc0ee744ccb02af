/**
 * The shell's store: loads `app.snapshot`, keeps it current from the `snapshot`, `session` and
 * `calibration` events, follows the link status, and reloads the snapshot after a reconnect.
 */
import type { RollerBridge } from '../bridge/roller-bridge';
import type { CalibrationStatus, Profile, Screening, SessionStatus } from '../bridge/contract';
import { errorText } from '../common/error-text';
import { createSmallStore, type SmallStore } from '../common/small-store';
import { initialAppState, withCalibration, withProfile, withScreening, withSession, withSnapshot, type AppState } from './app-state';

export interface AppStore {
  readonly state: SmallStore<AppState>;
  /** Subscribes to the app's events and loads the snapshot; returns the function that stops it. */
  start(): () => void;
  reload(): Promise<void>;
  applyProfile(profile: Profile): void;
  applyScreening(screening: Screening): void;
  applyCalibration(calibration: CalibrationStatus): void;
  applySession(session: SessionStatus): void;
}

export function createAppStore(bridge: RollerBridge, now: () => number = () => performance.now()): AppStore {
  const state = createSmallStore<AppState>(initialAppState(bridge.status()));
  let loadSeq = 0;

  async function reload(): Promise<void> {
    const seq = ++loadSeq;
    try {
      const snapshot = await bridge.request('app.snapshot', {});
      if (seq === loadSeq) state.update((s) => withSnapshot(s, snapshot, now()));
    } catch (err) {
      if (seq !== loadSeq) return;
      state.update((s) => (s.snapshot ? s : { ...s, load: 'failed', loadError: errorText(err) }));
    }
  }

  const store: AppStore = {
    state,
    reload,
    start() {
      const offs = [
        bridge.subscribe('snapshot', (snapshot) => state.update((s) => withSnapshot(s, snapshot, now()))),
        bridge.subscribe('session', (session) => store.applySession(session)),
        bridge.subscribe('calibration', (calibration) => store.applyCalibration(calibration)),
        bridge.onStatus((status) => {
          const wasReconnecting = state.get().bridge.state === 'reconnecting';
          state.update((s) => ({ ...s, bridge: status }));
          // Events may have been missed while the link was down: start again from a fresh snapshot.
          if (status.state === 'open' && wasReconnecting) void reload();
        }),
      ];
      state.update((s) => ({ ...s, bridge: bridge.status() }));
      void reload();
      return () => {
        for (const off of offs) off();
      };
    },
    applyProfile: (profile) => state.update((s) => withProfile(s, profile)),
    applyScreening: (screening) => state.update((s) => withScreening(s, screening)),
    applyCalibration: (calibration) => state.update((s) => withCalibration(s, calibration)),
    applySession: (session) => state.update((s) => withSession(s, session, now())),
  };
  return store;
}
