/**
 * The guided calibration pass: `calibration.start` / `.cancel` / `.accept`, following the
 * `calibration` event: the current step, the hold countdown, where the engine sees the roller,
 * then the measured landmarks (Use these / Repeat / Back) or what went wrong (Repeat / Back).
 * Back (`calibration.cancel` with no pass running) puts the outcome away and keeps the spine map
 * the profile had. Use these saves and says so: what changed, and the way on to a session.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigation } from '../../app/navigation';
import { useServices } from '../../app/services-context';
import { useSnapshot } from '../../app/use-app-state';
import { spinePlace, type CalibrationStatus, type Profile } from '../../bridge/contract';
import { ErrorLine } from '../../common/ErrorLine';
import { formatDate } from '../../common/time-format';
import { lengthText, positionText, unitsInText } from '../../common/units';
import { useAction } from '../../common/use-action';
import { RollerMarker } from '../live/RollerMarker';
import { SpineDiagram } from '../live/SpineDiagram';
import { spineMapOf, yOf } from '../live/spine-scale';
import { CalibrationSteps } from './CalibrationSteps';
import { CALIBRATION_STEPS, activeStepIndex, holdCountdownS, isHoldStep } from './calibration-steps';

/** What "Use these" changed: the spine map before and after. */
interface Accepted {
  before: Profile;
  after: Profile;
}

export function CalibrationPanel() {
  const { bridge, store } = useServices();
  const { calibration, profile, connection } = useSnapshot();
  const { go } = useNavigation();
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const act = useAction(async (name: 'calibration.start' | 'calibration.cancel') => {
    if (name === 'calibration.start') setAccepted(null);
    const status = await bridge.request(name, {});
    store.applyCalibration(status);
  });
  const accept = useAction(async () => {
    const before = profile;
    const p = await bridge.request('calibration.accept', {});
    store.applyProfile(p);
    store.applyCalibration(IDLE_STATUS);
    setAccepted({ before, after: p });
  });
  const map = spineMapOf(profile);
  const units = profile.units;
  // The pass is done lying on the floor: when it starts, its instructions go to the top of the
  // window; when it ends, its outcome comes into view. Opening Setup later scrolls nothing (the
  // profile form comes first then).
  const panel = useRef<HTMLElement>(null);
  const shownState = useRef(calibration.state);
  useEffect(() => {
    if (shownState.current === calibration.state) return;
    shownState.current = calibration.state;
    if (calibration.state === 'running') window.scrollTo(0, 0);
    else if (calibration.state !== 'idle') panel.current?.scrollIntoView?.({ block: 'start' });
  }, [calibration.state]);
  const busy = act.busy || accept.busy;
  /** After a pass, measured or failed: another pass, or back to the calibration kept. */
  const repeatOrBack = (repeatKind: 'primary' | 'secondary') => (
    <>
      <button type="button" className={`btn btn--${repeatKind}`} onClick={() => void act.run('calibration.start')} disabled={busy} data-testid="calibration-repeat">
        Repeat
      </button>
      <button type="button" className="btn btn--secondary" onClick={() => void act.run('calibration.cancel')} disabled={busy} data-testid="calibration-back">
        Back
      </button>
    </>
  );

  return (
    <section ref={panel} className="card calibration" aria-labelledby="cal-heading" data-testid="calibration-panel" data-state={calibration.state}>
      <h2 id="cal-heading">Personal calibration</h2>
      <div className="calibration__body">
        <div className="calibration__main">
          {calibration.state === 'idle' && accepted && <SavedCalibration accepted={accepted} onSession={() => go('session')} />}
          {calibration.state === 'idle' && (
            <>
              <p>One slow pass tells the app where your neck and your lower back begin, measured with your own roller. It takes about a minute.</p>
              <p className="calibration__current" data-testid="calibration-current">
                {map.calibrated && profile.calibratedAt
                  ? `Calibrated on ${formatDate(profile.calibratedAt)}: base of the neck ${lengthText(map.neckAboveCm, units)} above the start spot, end of the ribs ${lengthText(map.lumbarBelowCm, units)} below.`
                  : `Not calibrated yet: estimated from your height (neck ${lengthText(map.neckAboveCm, units)} above, ribs ${lengthText(map.lumbarBelowCm, units)} below the start spot).`}
              </p>
              {connection.name !== 'streaming' && <p className="start__hint">Connect a sensor (or the simulated roller) on the Pair screen first.</p>}
              <CalibrationSteps active={-1} />
              <button type="button" className={`btn ${accepted ? 'btn--secondary' : 'btn--primary'}`} onClick={() => void act.run('calibration.start')} disabled={busy} data-testid="calibration-start">
                {map.calibrated ? 'Calibrate again' : 'Start calibration'}
              </button>
            </>
          )}
          {calibration.state === 'running' && <RunningPass calibration={calibration} units={units} onCancel={() => void act.run('calibration.cancel')} busy={busy} />}
          {calibration.state === 'done' && (
            <div className="calibration__result" data-testid="calibration-result">
              <p className="calibration__ok">
                <span aria-hidden="true">✓ </span>Measured
              </p>
              <dl className="summary__facts">
                <div>
                  <dt>Base of the neck</dt>
                  <dd data-testid="calibration-neck">{calibration.neckAboveCm !== null ? `${lengthText(calibration.neckAboveCm, units)} above the start` : '–'}</dd>
                </div>
                <div>
                  <dt>End of the ribs</dt>
                  <dd data-testid="calibration-lumbar">{calibration.lumbarBelowCm !== null ? `${lengthText(calibration.lumbarBelowCm, units)} below the start` : '–'}</dd>
                </div>
              </dl>
              <div className="form-actions">
                <button type="button" className="btn btn--primary" onClick={() => void accept.run()} disabled={busy} data-testid="calibration-accept">
                  Use these
                </button>
                {repeatOrBack('secondary')}
              </div>
              <p className="field__hint">Back keeps {keptText(profile)}.</p>
            </div>
          )}
          {calibration.state === 'failed' && (
            <div className="calibration__failed" role="alert" data-testid="calibration-failed">
              <p className="calibration__fail-title">
                <span aria-hidden="true">⚠ </span>The pass did not work
              </p>
              <p data-testid="calibration-message">{calibration.message !== null ? unitsInText(calibration.message, units) : 'Something went wrong during the pass.'}</p>
              <div className="form-actions">{repeatOrBack('primary')}</div>
              <p className="field__hint">Back keeps {keptText(profile)}.</p>
            </div>
          )}
          <ErrorLine error={act.error ?? accept.error} testId="calibration-error" />
        </div>
        <div className="calibration__spine">
          <SpineDiagram
            neckAboveCm={calibration.state === 'done' && calibration.neckAboveCm !== null ? calibration.neckAboveCm : map.neckAboveCm}
            lumbarBelowCm={calibration.state === 'done' && calibration.lumbarBelowCm !== null ? calibration.lumbarBelowCm : map.lumbarBelowCm}
            units={units}
            label="Spine map with where the engine sees the roller"
            marker={(scale) => (
              <RollerMarker
                y={yOf(scale, calibration.positionCm ?? 0)}
                level={calibration.positionCm !== null ? spinePlace(calibration.positionCm, scale).vertebra : 'T7'}
                testId="calibration-marker"
                hidden={calibration.state !== 'running' || calibration.positionCm === null}
              />
            )}
          />
        </div>
      </div>
    </section>
  );
}

const IDLE_STATUS: CalibrationStatus = { state: 'idle', step: null, heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null };

/** The spine map the profile holds now, in words (what Back keeps). */
function keptText(profile: Profile): string {
  return profile.calibratedAt && profile.neckAboveCm !== null ? `your calibration of ${formatDate(profile.calibratedAt)}` : 'the spine map estimated from your height';
}

/** After "Use these": saved, what changed, and the way on to a session. */
function SavedCalibration({ accepted, onSession }: { accepted: Accepted; onSession(): void }) {
  const { before, after } = accepted;
  const units = after.units;
  const was = spineMapOf(before);
  const now = spineMapOf(after);
  const how = was.calibrated ? 'your earlier calibration' : 'estimated from your height';
  // The panel moves below the profile form again: bring it, with the confirmation, into view.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (box.current?.closest('section') ?? box.current)?.scrollIntoView?.({ block: 'start' });
    box.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={box} tabIndex={-1} className="calibration__saved" role="status" data-testid="calibration-saved">
      <p className="calibration__saved-title">
        <span aria-hidden="true">✓ </span>Saved: your spine map is now calibrated
      </p>
      <ul className="calibration__changes">
        <li data-testid="calibration-change-neck">
          Base of the neck {lengthText(now.neckAboveCm, units)} above the start spot (was {lengthText(was.neckAboveCm, units)}, {how})
        </li>
        <li data-testid="calibration-change-lumbar">
          End of the ribs {lengthText(now.lumbarBelowCm, units)} below the start spot (was {lengthText(was.lumbarBelowCm, units)}, {how})
        </li>
      </ul>
      <p>Sessions from now on warn at these places.</p>
      <button type="button" className="btn btn--primary" onClick={onSession} data-testid="calibration-to-session">
        Go to the Session screen
      </button>
    </div>
  );
}

function RunningPass({ calibration, units, onCancel, busy }: { calibration: CalibrationStatus; units: 'in' | 'cm'; onCancel(): void; busy: boolean }) {
  const active = activeStepIndex(calibration);
  const step = CALIBRATION_STEPS[Math.max(0, Math.min(active, CALIBRATION_STEPS.length - 1))];
  const hold = isHoldStep(calibration);
  return (
    <div className="calibration__running">
      <div className="cal-now" aria-live="polite" data-testid="calibration-step" data-step={step?.key}>
        <p className="cal-now__title">{step?.title}</p>
        <p className="cal-now__detail">{step?.detail}</p>
        {hold && (
          <p className="cal-now__countdown" data-testid="calibration-countdown">
            {holdCountdownS(calibration.heldS)}
          </p>
        )}
      </div>
      <p className="cal-seen" data-testid="calibration-position">
        The sensor sees the roller at <strong>{calibration.positionCm !== null ? `${positionText(calibration.positionCm, units)} from the start spot` : '— (waiting)'}</strong>
      </p>
      <div className="form-actions cal-actions">
        <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={busy} data-testid="calibration-cancel">
          Cancel the pass
        </button>
      </div>
      <CalibrationSteps active={active} />
    </div>
  );
}
