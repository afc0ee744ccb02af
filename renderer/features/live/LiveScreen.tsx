/** The Session screen: start instructions (and the last session) and the guided routines, or the live view while running. */
import { useSnapshot } from '../../app/use-app-state';
import { LiveDashboard } from './LiveDashboard';
import { LiveSpine } from './LiveSpine';
import { RoutinePanel } from './RoutinePanel';
import { SessionSummary } from './SessionSummary';
import { StartPanel } from './StartPanel';
import { spineMapOf } from './spine-scale';
import './live.css';

export function LiveScreen() {
  const { session, profile } = useSnapshot();
  if (session.state === 'running') return <LiveDashboard />;
  const map = spineMapOf(profile);
  return (
    <div className="prestart">
      <div className="prestart__main">
        {session.state === 'ended' && <SessionSummary session={session} units={profile.units} />}
        <StartPanel />
        <RoutinePanel />
      </div>
      <div className="prestart__spine">
        <LiveSpine neckAboveCm={map.neckAboveCm} lumbarBelowCm={map.lumbarBelowCm} units={profile.units} />
      </div>
    </div>
  );
}
