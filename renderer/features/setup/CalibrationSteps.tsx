/** The pass's steps as a list: done ones ticked, the current one highlighted. */
import { CALIBRATION_STEPS } from './calibration-steps';

export function CalibrationSteps({ active }: { active: number }) {
  return (
    <ol className="cal-steps" data-testid="calibration-steps">
      {CALIBRATION_STEPS.map((s, i) => {
        const state = i < active ? 'done' : i === active ? 'now' : 'later';
        return (
          <li key={s.key} className={`cal-step cal-step--${state}`} aria-current={state === 'now' ? 'step' : undefined} data-step={s.key}>
            <span className="cal-step__mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="cal-step__title">{s.title}</span>
            {state === 'done' && <span className="visually-hidden"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}
