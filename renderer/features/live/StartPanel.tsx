/** Before a session: how to lie on the roller, what to avoid, and the Start button. */
import { useNavigation } from '../../app/navigation';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { formatSpeed } from '../../common/units';
import { SHORTCUT_HELP } from './shortcut-keys';
import { useLiveShortcut } from './use-live-shortcut';
import { useSessionActions } from './use-session-actions';

export function StartPanel() {
  const { connection, profile } = useSnapshot();
  const { go } = useNavigation();
  const { start } = useSessionActions();
  useLiveShortcut(false, (s) => {
    if (s === 'start' && !start.busy) void start.run();
  });
  const streaming = connection.name === 'streaming';
  const limit = formatSpeed(profile.speedLimitInPerS, profile.units);
  const calibrated = profile.calibratedAt !== null;

  return (
    <section className="start" aria-labelledby="start-heading">
      <h1 id="start-heading">Ready to roll</h1>
      <div className="start__go">
        <button type="button" className="btn btn--start" data-testid="start-button" disabled={start.busy} onClick={() => void start.run()}>
          <span className="btn__icon btn__icon--play" aria-hidden="true" />
          {start.busy ? 'Starting…' : 'Start session'}
        </button>
        <p className="kbd-help">
          Press <kbd>{SHORTCUT_HELP.start}</kbd> to start. During a session: <kbd>{SHORTCUT_HELP.stop}</kbd> stops,{' '}
          <kbd>Esc</kbd> or <kbd>H</kbd> means “it hurts — stop”.
        </p>
      </div>
      <ol className="start__steps">
        <li>Put the roller across your back just below the shoulder blades.</li>
        <li>Lie back on it, knees bent and feet flat. Cross your arms on your chest or hold your head.</li>
        <li>Hold still for a moment so the sensor can settle.</li>
        <li>
          Then roll up slowly toward your head, under {limit.value} {limit.unit}.
        </li>
      </ol>
      <p className="start__remember">
        Roll the muscles beside the spine, not the bones. Stay between the neck and the end of the ribs. Stop at once if
        it hurts, or if you feel numbness or tingling.
      </p>
      {!streaming && (
        <p className="start__hint" data-testid="start-needs-sensor">
          No sensor is streaming yet.{' '}
          <button type="button" className="btn btn--link" onClick={() => go('pair')}>
            Pair a sensor or use the simulated roller
          </button>
        </p>
      )}
      {!calibrated && (
        <p className="start__hint">
          The spine map is estimated from your height.{' '}
          <button type="button" className="btn btn--link" onClick={() => go('setup')}>
            Calibrate it in Setup
          </button>
        </p>
      )}
      <ErrorLine error={start.error} testId="start-error" />
    </section>
  );
}
