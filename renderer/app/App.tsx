/**
 * The top of the UI: wires the app's events to the stores, waits for the first snapshot, forces
 * the safety questions until they are answered, then shows the screen chosen in the navigation.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Screening } from '../bridge/contract';
import { HistoryScreen } from '../features/history/HistoryScreen';
import { LiveScreen } from '../features/live/LiveScreen';
import { PairScreen } from '../features/pair/PairScreen';
import { ScreeningScreen } from '../features/screening/ScreeningScreen';
import { SensorCheckScreen } from '../features/sensor-check/SensorCheckScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { FirstRunHeight } from '../features/setup/FirstRunHeight';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useStore } from '../common/use-store';
import type { AppState } from './app-state';
import { wireServices, type AppServices } from './app-services';
import { LoadScreen } from './LoadScreen';
import { NavigationContext, type Navigation } from './navigation';
import type { ScreenId } from './screens';
import { ServicesContext } from './services-context';
import { Shell } from './Shell';
import { useNavShortcuts } from './use-nav-shortcuts';

export function App({ services }: { services: AppServices }) {
  useEffect(() => wireServices(services), [services]);
  useEffect(() => {
    // Browsers allow audio only after a gesture: unlock it on the first one.
    const unlock = () => services.cues.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [services]);
  return (
    <ServicesContext.Provider value={services}>
      <AppRoot services={services} />
    </ServicesContext.Provider>
  );
}

const selectAll = (s: AppState) => s;

function AppRoot({ services }: { services: AppServices }) {
  const state = useStore(services.store.state, selectAll);
  const [screen, setScreen] = useState<ScreenId>('session');
  /** The session whose review History opens with (from the end-of-session card), if any. */
  const [reviewId, setReviewId] = useState<number | null>(null);
  /** Why the safety questions are showing: first run (forced), a re-take from Settings, or not. */
  const [screening, setScreening] = useState<'no' | 'first-run' | 'retake'>('no');
  /** First run: the height is asked after the safety questions, before the first session. */
  const [askHeight, setAskHeight] = useState(false);
  const mustScreen = state.snapshot !== null && state.snapshot.screening === null;

  useEffect(() => {
    if (mustScreen) setScreening((s) => (s === 'no' ? 'first-run' : s));
  }, [mustScreen]);

  const go = useCallback((s: ScreenId) => {
    setReviewId(null);
    setScreen(s);
  }, []);
  const openReview = useCallback((id: number) => {
    setReviewId(id);
    setScreen('history');
  }, []);
  const nav = useMemo<Navigation>(() => ({ screen, go, retakeScreening: () => setScreening('retake'), openReview }), [screen, go, openReview]);
  const showScreening = mustScreen || screening !== 'no';
  useNavShortcuts(go, !showScreening && !askHeight && state.snapshot !== null);

  if (!state.snapshot) {
    return <LoadScreen failed={state.load === 'failed'} error={state.loadError} bridge={state.bridge} onRetry={() => void services.store.reload()} />;
  }
  const streaming = state.snapshot.connection.name === 'streaming';

  const onScreeningDone = (_s: Screening) => {
    // First run: the height next, then pairing a sensor (unless one is already streaming).
    if (screening !== 'retake') setAskHeight(true);
    setScreening('no');
  };
  const onHeightDone = () => {
    setAskHeight(false);
    go(streaming ? 'session' : 'pair');
  };
  const firstRunStep = showScreening ? 'screening' : askHeight ? 'height' : null;

  return (
    <NavigationContext.Provider value={nav}>
      <Shell snapshot={state.snapshot} bridge={state.bridge} showNav={firstRunStep === null} screenKey={firstRunStep ?? screen}>
        {firstRunStep === 'screening' ? (
          <ScreeningScreen previous={state.snapshot.screening} onDone={onScreeningDone} onCancel={screening === 'retake' && state.snapshot.screening !== null ? () => setScreening('no') : undefined} />
        ) : firstRunStep === 'height' ? (
          <FirstRunHeight profile={state.snapshot.profile} onDone={onHeightDone} />
        ) : (
          <CurrentScreen screen={screen} reviewId={reviewId} />
        )}
      </Shell>
    </NavigationContext.Provider>
  );
}

function CurrentScreen({ screen, reviewId }: { screen: ScreenId; reviewId: number | null }) {
  switch (screen) {
    case 'session':
      return <LiveScreen />;
    case 'pair':
      return <PairScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'history':
      return <HistoryScreen key={reviewId ?? 'list'} openReview={reviewId} />;
    case 'sensor':
      return <SensorCheckScreen />;
  }
}
