/**
 * The hands-free phase and the routine's progress, large, in the warning's room under the header
 * while no warning shows (on every screen while a session runs, taking no room from the live
 * figures): readable from the floor, where the user lies out of reach of the keyboard. Armed: the session starts
 * when the roller rolls; paused: it goes on when it rolls again. A routine shows its step, the
 * repetition and the time left. The session's state comes from main (`session.handsFree`,
 * `session.routine`); nothing is decided here.
 */
import { ROUTINE_NAMES, type RoutineStatus, type SessionStatus } from '../../bridge/contract';
import { formatClock } from '../../common/time-format';

const PHASE_TEXT = {
  armed: { title: 'Armed', hint: 'Lie still on the roller, then roll up slowly to start.' },
  rolling: { title: 'Rolling', hint: 'Stop rolling to pause; roll again to go on.' },
  paused: { title: 'Paused', hint: 'Roll again to go on.' },
} as const;

const STEP_TEXT: Readonly<Record<RoutineStatus['step'], string>> = {
  position: 'Get into position',
  rolling: 'Rolling',
  lean: 'Lean back',
  hold: 'Hold',
  return: 'Come back up',
  rest: 'Rest',
  done: 'Done',
};

export function GuideBanner({ session }: { session: SessionStatus }) {
  const hf = session.handsFree ?? null;
  const routine = session.routine ?? null;
  if (!hf && !routine) return null;
  // The extension is paced by time, not by rolling: its step is the news.
  const title = hf ? PHASE_TEXT[hf.phase].title : STEP_TEXT[routine!.step];
  const hint = hf ? PHASE_TEXT[hf.phase].hint : routine!.step === 'position' ? 'The voice counts you in.' : 'Keep the roller still.';
  const phase = hf?.phase ?? routine!.step;
  return (
    <section className={`guide guide--${phase}`} data-testid="guide-state" data-phase={phase} aria-live="polite" aria-label="Hands-free and routine">
      <p className="guide__title">{title}</p>
      <p className="guide__hint">{hint}</p>
      {routine && (
        <p className="guide__routine" data-testid="routine-progress" data-step={routine.step}>
          <span className="guide__routine-name">{ROUTINE_NAMES[routine.kind]}</span>
          {routine.rep !== null && routine.reps !== null && (
            <span>
              {' '}
              · rep {routine.rep} of {routine.reps}
            </span>
          )}
          <span> · {formatClock(routine.leftS)} left</span>
        </p>
      )}
    </section>
  );
}
