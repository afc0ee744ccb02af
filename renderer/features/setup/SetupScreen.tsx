/**
 * Setup: the roller and body profile, and the personal calibration pass, always both, as two
 * parts of their own. While a pass is under way it is shown first (CSS order, so the form keeps
 * what was typed), its instructions at the top and readable from the floor; otherwise the
 * profile form comes first (where Settings' "Change in Setup" lands).
 */
import { useSnapshot } from '../../app/use-app-state';
import { CalibrationPanel } from './CalibrationPanel';
import { ProfileForm } from './ProfileForm';
import './setup.css';

export function SetupScreen() {
  const { profile, calibration } = useSnapshot();
  const running = calibration.state === 'running';
  return (
    <div className={`setup ${running ? 'setup--pass-first' : ''}`} data-testid="setup-screen">
      <h1>Setup</h1>
      <ProfileForm profile={profile} />
      <CalibrationPanel />
    </div>
  );
}
