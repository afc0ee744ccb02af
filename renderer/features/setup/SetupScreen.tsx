/**
 * Setup: the roller and body profile, and the personal calibration pass. While a pass is under
 * way it has the screen to itself, so its instructions are readable from the floor.
 */
import { useSnapshot } from '../../app/use-app-state';
import { CalibrationPanel } from './CalibrationPanel';
import { ProfileForm } from './ProfileForm';
import './setup.css';

export function SetupScreen() {
  const { profile, calibration } = useSnapshot();
  const passShown = calibration.state !== 'idle';
  return (
    <div className="setup">
      <h1>Setup</h1>
      {!passShown && <ProfileForm profile={profile} />}
      <CalibrationPanel />
    </div>
  );
}
