/**
 * The app once the snapshot is loaded: header (name, navigation, sensor connection), banners
 * (app link lost, coaching warning, notices), the current screen, and the stop controls while a
 * session runs.
 */
import { useCallback, useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import type { AppSnapshot } from '../bridge/contract';
import type { BridgeStatus } from '../bridge/bridge-status';
import { ConnectionBadge } from '../features/connection/ConnectionBadge';
import { StopBar } from '../features/live/StopBar';
import { WarningBanner } from '../features/live/WarningBanner';
import { LinkLostBanner } from './LinkLostBanner';
import { NavBar } from './NavBar';
import { Notices } from './Notices';
import { SessionAnnouncer } from './SessionAnnouncer';

interface Props {
  snapshot: AppSnapshot;
  bridge: BridgeStatus;
  showNav: boolean;
  screenKey: string;
  children: ReactNode;
}

export function Shell({ snapshot, bridge, showNav, screenKey, children }: Props) {
  const running = snapshot.session.state === 'running';
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Move focus to the new screen's content so keyboard and screen-reader users land there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.scrollTo?.(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [screenKey]);
  const skip = useCallback((e: MouseEvent) => {
    e.preventDefault();
    main.current?.focus();
  }, []);

  return (
    <div className={`app ${running ? 'app--running' : ''}`}>
      <a className="skip-link" href="#main" onClick={skip}>
        Skip to content
      </a>
      <header className="app-header">
        <p className="brand">
          <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true">
            <rect x="3" y="11" width="26" height="10" rx="5" />
          </svg>
          <span className="brand__name">Roller Companion</span>
        </p>
        {showNav && <NavBar />}
        <ConnectionBadge />
      </header>
      <LinkLostBanner status={bridge} />
      <WarningBanner reserveRoom={running} />
      {/* Notices wait while a session runs: the live view needs the room. */}
      {!running && <Notices notices={snapshot.notices} />}
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {children}
      </main>
      {running && <StopBar />}
      <SessionAnnouncer session={snapshot.session} />
    </div>
  );
}
