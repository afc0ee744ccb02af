/** Settings: coaching thresholds, units, sounds and speech; the profile; the safety questions; your data. */
import { useSnapshot } from '../../app/use-app-state';
import { ProfileSummary } from './ProfileSummary';
import { ScreeningSummary } from './ScreeningSummary';
import { ThresholdsForm } from './ThresholdsForm';
import { YourData } from './YourData';
import './settings.css';

export function SettingsScreen() {
  const { profile, screening, storage, session } = useSnapshot();
  return (
    <div className="settings">
      <h1>Settings</h1>
      <div className="settings__grid">
        <ThresholdsForm profile={profile} />
        <div className="settings__side">
          <ProfileSummary profile={profile} />
          <ScreeningSummary screening={screening} />
          <YourData storage={storage} sessionRunning={session.state === 'running'} />
        </div>
      </div>
    </div>
  );
}
