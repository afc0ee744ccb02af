/**
 * Setup: the roller and body profile, and the personal calibration pass, always both, as two
 * parts of their own. While a pass is under way it is shown first (CSS order, so the form keeps
 * what was typed): its instructions at the top, readable from the floor. Otherwise the profile
 * form comes first (where Settings' "Change in Setup" lands); a pass that just ended scrolls its
 * outcome into view (CalibrationPanel).
 */
import { useSnapshot } from '../../app/use-app-state';
import { CalibrationPanel } from './CalibrationPanel';
import { ProfileForm } from './ProfileForm';
import './setup.css';

export function SetupScreen() {
  const { profile, calibration } = useSnapshot();
  const passFirst = calibration.state === 'running';
  return (
    <div className={`setup ${passFirst ? 'setup--pass-first' : ''}`} data-testid="setup-screen">
      <h1>Setup</h1>
      <ProfileForm profile={profile} />
      <CalibrationPanel />
    </div>
  );
}
