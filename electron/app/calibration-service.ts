/**
 * The calibration pass (electron/motion/calibration-pass.ts) as the app runs it: a motion engine
 * of its own on the live samples, progress pushed a few times a second, the result kept until
 * the user accepts it into the profile. Answers `calibration.start`, `.cancel`, `.accept`.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { CalibrationStatus, EventPayload, Profile } from '../ipc/ipc-contract';
import { CalibrationPass } from '../motion/calibration-pass';
import { MotionEngine } from '../motion/motion-engine';
import { profileSettings } from '../session/profile';
import type { RequestHandlers } from './request-handlers';

export interface CalibrationServiceOptions {
  profile: () => Profile;
  updateProfile: (patch: Partial<Profile>) => Profile;
  /** A new timeline begins at the source. */
  resetStream: () => void;
  /** A pass starts (true) or ends (false): the simulated roller follows its steps meanwhile. */
  passRunning?: (running: boolean) => void;
  emit: (status: EventPayload<'calibration'>) => void;
  now: () => Date;
}

interface ActiveCalibration {
  engine: MotionEngine;
  pass: CalibrationPass;
  lastPositionCm: number | null;
  result: CalibrationStatus;
}

const IDLE: CalibrationStatus = { state: 'idle', step: null, heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null };
/** Progress is pushed at most this often, s of sensor time. */
const PROGRESS_EVERY_S = 0.2;

export class CalibrationService {
  private running: ActiveCalibration | null = null;
  private last: CalibrationStatus | null = null;

  constructor(private readonly o: CalibrationServiceOptions) {}

  readonly handlers: Pick<RequestHandlers, 'calibration.start' | 'calibration.cancel' | 'calibration.accept'> = {
    'calibration.start': () => this.start(),
    // Cancel ends a running pass; with none running it is "Back" from the last outcome.
    'calibration.cancel': () => (this.running ? this.cancel() : this.dismiss()),
    'calibration.accept': () => this.accept(),
  };

  push(samples: readonly ImuSample[]): void {
    const engine = this.running?.engine;
    if (engine) for (const s of samples) engine.push(s);
  }

  status(): CalibrationStatus {
    return this.running?.result ?? this.last ?? IDLE;
  }

  start(): CalibrationStatus {
    const settings = profileSettings({ ...this.o.profile(), neckAboveCm: null, lumbarBelowCm: null });
    const pass = new CalibrationPass();
    let lastSentT = -Infinity;
    const cal: ActiveCalibration = {
      pass,
      lastPositionCm: null,
      result: { state: 'running', step: 'roll-up', heldS: 0, positionCm: null, neckAboveCm: null, lumbarBelowCm: null, message: null },
      engine: new MotionEngine(settings, {
        track: (p) => {
          const step = pass.push(p);
          cal.lastPositionCm = p.positionCm;
          if (step === 'done') return this.finish(cal);
          if (p.t - lastSentT < PROGRESS_EVERY_S) return;
          lastSentT = p.t;
          cal.result = { ...cal.result, step, heldS: pass.heldS, positionCm: p.positionCm };
          this.o.emit(cal.result);
        },
      }),
    };
    this.o.passRunning?.(true);
    this.o.resetStream();
    this.running = cal;
    this.o.emit(cal.result);
    return cal.result;
  }

  /** Ends a running pass: its outcome so far (done or failed). */
  cancel(): CalibrationStatus {
    const cal = this.running;
    if (cal) {
      cal.engine.finish();
      const v = cal.pass.verdict();
      this.running = null;
      this.o.passRunning?.(false);
      this.last = v.ok ? { ...cal.result, state: 'done', neckAboveCm: v.neckAboveCm, lumbarBelowCm: v.lumbarBelowCm, message: v.message } : { ...cal.result, state: 'failed', message: v.message };
      this.o.emit(this.last);
    }
    return this.status();
  }

  /** Puts the last outcome away: the status is idle again and the profile keeps its spine map. */
  private dismiss(): CalibrationStatus {
    if (this.last) {
      this.last = null;
      this.o.emit(IDLE);
    }
    return IDLE;
  }

  private accept(): Profile {
    const c = this.last;
    if (!c || c.state !== 'done' || c.neckAboveCm === null || c.lumbarBelowCm === null) throw new Error('there is no successful calibration pass to accept');
    const profile = this.o.updateProfile({ neckAboveCm: round1(c.neckAboveCm), lumbarBelowCm: round1(c.lumbarBelowCm), calibratedAt: this.o.now().toISOString() });
    // The outcome is in the profile now: the pass is put away.
    this.last = null;
    this.o.emit(IDLE);
    return profile;
  }

  private finish(cal: ActiveCalibration): void {
    if (this.running !== cal) return;
    const v = cal.pass.verdict();
    cal.result = v.ok
      ? { state: 'done', step: 'done', heldS: 0, positionCm: cal.lastPositionCm, neckAboveCm: v.neckAboveCm, lumbarBelowCm: v.lumbarBelowCm, message: v.message }
      : { state: 'failed', step: cal.pass.step, heldS: 0, positionCm: cal.lastPositionCm, neckAboveCm: null, lumbarBelowCm: null, message: v.message };
    this.running = null;
    this.o.passRunning?.(false);
    this.last = cal.result;
    this.o.emit(cal.result);
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
