/**
 * Before a session: how to lie on the roller, what to avoid, and the Start button. When today's
 * rolling time has already reached the daily budget it says so plainly before the start: the
 * careful choice is to rest, but the user may still start ("Start anyway"; Space does not skip
 * past the notice). With hands-free on (Settings), Start arms the session: it begins when the
 * roller rolls and pauses while it rests.
 */
import { useNavigation } from '../../app/navigation';
import { useSnapshot } from '../../app/use-app-state';
import { ErrorLine } from '../../common/ErrorLine';
import { formatDurationWords } from '../../common/time-format';
import { formatSpeed, heightText } from '../../common/units';
import { budgetProgress } from './budget-progress';
import { SHORTCUT_HELP } from './shortcut-keys';
import { useLiveShortcut } from './use-live-shortcut';
import { useSessionActions } from './use-session-actions';

export function StartPanel() {
  const { connection, profile, session } = useSnapshot();
  const { go } = useNavigation();
  const { start } = useSessionActions();
  const budgetS = profile.dailyBudgetMin * 60;
  const budgetUsed = budgetProgress(session.todayRollingS, budgetS).over;
  useLiveShortcut(false, (s) => {
    if (s === 'start' && !start.busy && !budgetUsed) void start.run();
  });
  const streaming = connection.name === 'streaming';
  const limit = formatSpeed(profile.speedLimitInPerS, profile.units);
  const calibrated = profile.calibratedAt !== null;
  const startLabel = profile.handsFree ? 'Arm hands-free' : 'Start session';

  return (
    <section className="start" aria-labelledby="start-heading">
      <h1 id="start-heading">Ready to roll</h1>
      {budgetUsed && (
        <div className="start__budget-used" id="budget-used" data-testid="budget-used-notice">
          <p className="start__budget-title">Today’s rolling time is used up</p>
          <p>
            You have rolled {formatDurationWords(session.todayRollingS)} today; your daily limit is {formatDurationWords(budgetS)}. Your back recovers between sessions: the careful choice is to stop
            for today. You can still start if you decide to.
          </p>
        </div>
      )}
      <div className="start__go">
        <button
          type="button"
          className={`btn ${budgetUsed ? 'btn--secondary btn--start-anyway' : 'btn--start'}`}
          data-testid="start-button"
          disabled={start.busy}
          aria-describedby={budgetUsed ? 'budget-used' : undefined}
          onClick={() => void start.run()}
        >
          <span className="btn__icon btn__icon--play" aria-hidden="true" />
          {start.busy ? 'Starting…' : budgetUsed ? 'Start anyway' : startLabel}
        </button>
        <p className="kbd-help">
          {budgetUsed ? (
            <>
              Today <kbd>{SHORTCUT_HELP.start}</kbd> does not start: choose “Start anyway” if you want to roll.{' '}
            </>
          ) : (
            <>
              Press <kbd>{SHORTCUT_HELP.start}</kbd> to {profile.handsFree ? 'arm' : 'start'}.{' '}
            </>
          )}
          During a session: <kbd>{SHORTCUT_HELP.stop}</kbd> stops, <kbd>Esc</kbd> or <kbd>H</kbd> means “it hurts — stop”.
        </p>
        {profile.handsFree && (
          <p className="start__hands-free" data-testid="hands-free-note">
            Hands-free: once armed, the session starts when you roll and pauses while the roller rests.
          </p>
        )}
      </div>
      <ol className="start__steps">
        <li>Put the roller across your back just below the shoulder blades.</li>
        <li>Lie back on it, knees bent and feet flat. Cross your arms on your chest or hold your head.</li>
        <li>Hold still for a moment so the sensor can settle.</li>
        <li>
          Then roll up slowly toward your head, under {limit.value} {limit.unit}.
        </li>
      </ol>
      <p className="start__remember">Roll the muscles beside the spine, not the bones. Stay between the neck and the end of the ribs. Stop at once if it hurts, or if you feel numbness or tingling.</p>
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
          The spine map is estimated from your height ({heightText(profile.bodyHeightCm, profile.units)}).{' '}
          <button type="button" className="btn btn--link" onClick={() => go('setup')}>
            Calibrate it in Setup
          </button>
        </p>
      )}
      <ErrorLine error={start.error} testId="start-error" />
    </section>
  );
}
