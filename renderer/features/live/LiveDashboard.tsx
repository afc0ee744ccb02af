/** The live view during a session: spine map, speed and gauge, dwell ring, times. */
import { useAppState, useSnapshot } from '../../app/use-app-state';
import type { AppState } from '../../app/app-state';
import { ConnectionAlert } from '../connection/ConnectionAlert';
import { DwellRing } from './DwellRing';
import { LiveSpine } from './LiveSpine';
import { SessionTimes } from './SessionTimes';
import { SpeedPanel } from './SpeedPanel';
import { spineMapOf } from './spine-scale';

const selectReceivedAt = (s: AppState) => s.sessionReceivedAtMs;

export function LiveDashboard() {
  const { profile, session } = useSnapshot();
  const receivedAtMs = useAppState(selectReceivedAt);
  const map = spineMapOf(profile);
  return (
    <div className="live">
      <h1 className="visually-hidden">Session in progress</h1>
      <ConnectionAlert />
      <div className="dash">
        <div className="dash__spine">
          <LiveSpine neckAboveCm={map.neckAboveCm} lumbarBelowCm={map.lumbarBelowCm} units={profile.units} />
        </div>
        <SpeedPanel units={profile.units} limitInPerS={profile.speedLimitInPerS} neckAboveCm={map.neckAboveCm} lumbarBelowCm={map.lumbarBelowCm} />
        <div className="dash__side">
          <DwellRing nudgeS={profile.dwellNudgeS} limitS={profile.dwellLimitS} />
          <SessionTimes session={session} receivedAtMs={receivedAtMs} />
        </div>
      </div>
    </div>
  );
}
