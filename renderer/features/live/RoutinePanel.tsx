/**
 * Guided routines, started from the Session screen (`session.start` with the routine): the back
 * release (a block of rolling, hands-free, with the areas and the time left spoken) and thoracic
 * extension over a roller that stays put (slow repetitions paced by voice). Below them, how often
 * extension was done in the last 7 days (`routines.tally`, from the store), with a gentle note
 * when it has become a many-times-a-day habit.
 */
import { useEffect, useState } from 'react';
import { useNavigation } from '../../app/navigation';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { ROUTINE_NAMES, type RoutineKind, type RoutineTally } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { useSessionActions } from './use-session-actions';

const ROUTINES: readonly { kind: RoutineKind; what: string }[] = [
  { kind: 'back-release', what: 'A block of slow rolling, hands-free: the voice says where to roll and the time left.' },
  { kind: 'thoracic-extension', what: 'Slow repetitions leaning back over a roller that stays put, paced by the voice.' },
];

export function RoutinePanel() {
  const { bridge } = useServices();
  const { profile, session } = useSnapshot();
  const { go } = useNavigation();
  const { start } = useSessionActions();
  const [tally, setTally] = useState<RoutineTally | null>(null);

  useEffect(() => {
    let live = true;
    bridge.request('routines.tally', {}).then(
      (t) => live && setTally(t.extension),
      () => live && setTally(null),
    );
    return () => {
      live = false;
    };
  }, [bridge, session.state, session.sessionId]);

  return (
    <section className="routines" aria-labelledby="routines-heading">
      <h2 id="routines-heading">Guided routines</h2>
      <ul className="routines__list">
        {ROUTINES.map((r) => (
          <li key={r.kind}>
            <button type="button" className="btn btn--secondary routines__start" data-testid={`routine-${r.kind}`} disabled={start.busy} onClick={() => void start.run(r.kind)}>
              {ROUTINE_NAMES[r.kind]}
            </button>
            <span className="routines__what">{r.what}</span>
          </li>
        ))}
      </ul>
      {!profile.voiceGuide && (
        <p className="start__hint" data-testid="voice-guide-off">
          The routines are paced by voice.{' '}
          <button type="button" className="btn btn--link" onClick={() => go('settings')}>
            Turn on the voice guide in Settings
          </button>
        </p>
      )}
      {tally && (
        <p className="routines__tally" data-testid="extension-tally">
          Extension in the last 7 days: {tally.lastWeek === 1 ? 'once' : `${tally.lastWeek} times`}.
        </p>
      )}
      {tally?.manyTimesADay && (
        <p className="routines__note" data-testid="extension-habit-note">
          You have done it {tally.mostInOneDay} times in one day. Extension is an occasional stretch, not a habit to repeat through the day: once a day is plenty, and a pop is never the goal.
        </p>
      )}
      <ErrorLine error={start.error} testId="routine-error" />
    </section>
  );
}
