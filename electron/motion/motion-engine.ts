/**
 * The motion engine: IMU samples in, the roller's position and speed along the spine, coaching
 * events and diagnostics out. Pure and causal: time comes only from sample timestamps, and an
 * estimate never depends on samples after it, so the same engine runs live (sample by sample,
 * bounded memory) and offline (the analyzer, replays, benchmarks).
 *
 *   start rest (first bias, "up" at the start spot)
 *     → roller axis (integrated gyro until it locks, then refined)
 *     → rotation fusion (gyro + gravity phase, bias along the axis)
 *     → position = angle × radius → speed window → coaching rules
 * A rest detector re-measures the gyro bias whenever the roller lies still.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { CM_PER_IN, MotionSettingsSchema, type MotionSettings, type MotionSettingsInput } from './motion-settings';
import type { CoachEvent, Diagnostics, TrackPoint } from './motion-types';
import { RestDetector } from './rest-detector';
import { RollerAxis, type Vec3 } from './roller-axis';
import { RotationFusion, type FusionStep } from './rotation-fusion';
import { SpeedWindow } from './speed-window';
import { CoachRules, type RulePoint } from './coach-rules';
import { spineMapFor, zoneAt, type SpineMap, type Zone } from './spine-map';
import { StartRest } from './start-rest';
import { newStepInput, type StepInput } from './step-input';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED, TrackColumns } from './track-columns';

/** Steps longer than this are gaps (lost samples) and are bridged. */
export const GAP_S = 0.1;
/** Gaps longer than this are not integrated through: gravity re-anchors the angle afterwards. */
export const LONG_GAP_S = 0.5;
/**
 * The longest stretch of a gap the track holds the last estimate for (s): the analyzer's track
 * covers a whole recording at the track rate (docs/architecture.md#analyzer-cli), and a recording spans at most 12 h
 * (the reader's import limits), so only times beyond any recording go without points.
 */
export const MAX_HELD_GAP_S = 12 * 3600;

const DEG = Math.PI / 180;

interface LatestFields {
  t: number;
  p: number;
  speedInPerS: number;
  zone: Zone;
  atRest: boolean;
  gapBridged: boolean;
  accelRejected: boolean;
  bias: [number, number, number];
  conf: number;
}

export interface MotionEngineSinks {
  /** Each track point as an object (the live path). */
  track?: (point: TrackPoint) => void;
  /**
   * Track points appended column-wise (the offline path: no garbage per point): a TrackColumns,
   * or anything taking points the same way (a streaming import handles each as it comes).
   */
  columns?: Pick<TrackColumns, 'push'>;
  event?: (event: CoachEvent) => void;
}

export interface EngineCounters {
  samples: number;
  /** Samples whose time did not advance (dropped). */
  outOfOrder: number;
  gaps: number;
  accelRejected: number;
}

export class MotionEngine {
  readonly settings: MotionSettings;
  readonly spineMap: SpineMap;
  readonly counters: EngineCounters = { samples: 0, outOfOrder: 0, gaps: 0, accelRejected: 0 };
  private readonly sinks: MotionEngineSinks;
  private readonly radiusCm: number;
  private readonly trackPeriodS: number;
  private readonly start = new StartRest();
  private readonly rest = new RestDetector();
  private readonly axis = new RollerAxis();
  private readonly speed: SpeedWindow;
  private readonly rules: CoachRules;
  private fusion: RotationFusion | null = null;
  private readonly fusionStep: FusionStep = { accelRejected: false, snapped: false };
  private readonly step: StepInput = newStepInput();
  private readonly events: CoachEvent[] = [];
  private readonly rulePoint: RulePoint = { t: 0, positionCm: 0, speedInPerS: 0, atRest: false, afterGap: false, gapBridged: false };

  private started = false; // the start phase ended (first motion seen)
  private bias: Vec3 = [0, 0, 0];
  private up0: Vec3 = [0, 0, 1];
  private lastT = NaN;
  private lwx = 0;
  private lwy = 0;
  private lwz = 0;
  private preLockS = 0;
  private positionCm = 0;
  private nextTrackT = NaN;
  private pendingGap = false;
  private pendingLongGap = false;
  private pendingRejected = false;
  private lastPointT = NaN;
  private latestPoint: TrackPoint | null = null;
  private readonly latestFields: LatestFields = { t: 0, p: 0, speedInPerS: 0, zone: 'upper-back', atRest: true, gapBridged: false, accelRejected: false, bias: [0, 0, 0], conf: 0 };

  constructor(settings: MotionSettingsInput | MotionSettings = {}, sinks: MotionEngineSinks = {}) {
    this.settings = MotionSettingsSchema.parse(settings);
    this.spineMap = spineMapFor(this.settings);
    this.sinks = sinks;
    this.radiusCm = (this.settings.rollerDiameterIn * CM_PER_IN) / 2;
    this.trackPeriodS = 1 / this.settings.trackRateHz;
    this.speed = new SpeedWindow(this.settings.speedWindowS, this.settings.speedWindowS * this.settings.trackRateHz * 2);
    this.rules = new CoachRules(this.settings, this.spineMap);
  }

  /** The newest track point (null before the first sample). */
  get latest(): TrackPoint | null {
    const f = this.latestFields;
    if (Number.isNaN(this.lastPointT)) return null;
    if (!this.latestPoint) {
      const diagnostics: Diagnostics = { atRest: f.atRest, biasDps: [f.bias[0], f.bias[1], f.bias[2]], axisConfidence: f.conf, gapBridged: f.gapBridged, accelRejected: f.accelRejected };
      this.latestPoint = { t: f.t, positionCm: f.p, speedInPerS: f.speedInPerS, zone: f.zone, diagnostics };
    }
    return this.latestPoint;
  }

  /** The roller's axis as found so far (unit vector in the sensor frame, null before the lock) and how sure the engine is (0…1). */
  get rollerAxis(): { unit: Readonly<Vec3> | null; confidence: number; fromGravity: boolean } {
    return { unit: this.axis.unit, confidence: this.axis.confidence, fromGravity: this.axis.gravityBased };
  }

  /** Rolling time of this session so far, s (rest does not count). */
  get sessionRollingS(): number {
    return this.rules.sessionRollingS;
  }

  get currentDwellS(): number {
    return this.rules.currentDwellS;
  }

  push(s: ImuSample): void {
    const t = s.tS;
    if (!(t > this.lastT) && !Number.isNaN(this.lastT)) {
      this.counters.outOfOrder++;
      return;
    }
    if (!Number.isFinite(t + s.axG + s.ayG + s.azG + s.gxDps + s.gyDps + s.gzDps)) {
      this.counters.outOfOrder++;
      return;
    }
    this.counters.samples++;
    const first = Number.isNaN(this.lastT);
    const dt = first ? 0 : t - this.lastT;
    if (first) this.nextTrackT = t;
    if (dt > GAP_S) this.bridgeGap(t, dt);
    this.lastT = t;

    const verdict = this.rest.push(s);
    if (verdict) this.applyRest(verdict.biasDps);

    const b = this.bias;
    const wx = s.gxDps - b[0];
    const wy = s.gyDps - b[1];
    const wz = s.gzDps - b[2];

    if (!this.started) {
      const onset = this.start.push(s);
      if (onset) {
        this.started = true;
        if (onset.spanS > 0) this.bias = onset.biasDps;
        this.up0 = onset.upUnit;
        this.axis.seed(onset.turnedDeg);
      }
    } else {
      // Trapezoid rule: the rate over the step is the mean of its ends (bridges short gaps too).
      const st = this.step;
      st.wx = (wx + this.lwx) / 2;
      st.wy = (wy + this.lwy) / 2;
      st.wz = (wz + this.lwz) / 2;
      st.dtS = dt > LONG_GAP_S ? 0 : dt;
      st.ax = s.axG;
      st.ay = s.ayG;
      st.az = s.azG;
      if (!this.axis.locked) this.stepPreLock(st);
      else this.stepLocked(st);
    }
    this.lwx = wx;
    this.lwy = wy;
    this.lwz = wz;
    if (t >= this.nextTrackT) this.emit(t, false);
  }

  /** Emits the final track point (the end of the recording) if the last sample did not. */
  finish(): void {
    if (this.lastPointT < this.lastT) this.emit(this.lastT, false);
  }

  private stepPreLock(st: StepInput): void {
    const locked = this.axis.integrate(st, this.up0);
    this.preLockS += st.dtS;
    if (locked) {
      this.fusion = new RotationFusion(this.up0, this.axis.preLockAngleDeg * DEG);
      this.positionCm = this.fusion.thetaRad * this.radiusCm;
    } else {
      // Until the axis is known: the integrated angle, but never more than gravity confirms
      // (an unknown bias must not move the roller).
      const confirmedRad = Math.max(0, Math.min(this.axis.preLockAngleDeg * DEG, this.axis.gravityConfirmedRad(this.up0, st.ax, st.ay, st.az)));
      this.positionCm = confirmedRad * this.radiusCm;
    }
  }

  private stepLocked(st: StepInput): void {
    const a = this.axis.unit!;
    const fusion = this.fusion!;
    fusion.step(a, st, this.rest.resting, this.fusionStep);
    if (this.fusionStep.accelRejected) {
      this.counters.accelRejected++;
      this.pendingRejected = true;
    }
    // The jump of a late re-anchoring after a gap is not motion: the speed window starts again.
    if (this.fusionStep.snapped) this.pendingLongGap = true;
    const k = fusion.axisBiasDps;
    st.wx -= a[0] * k;
    st.wy -= a[1] * k;
    st.wz -= a[2] * k;
    this.axis.refine(st, !this.fusionStep.accelRejected);
    this.positionCm = fusion.thetaRad * this.radiusCm;
  }

  private applyRest(biasDps: Vec3): void {
    if (!this.started) {
      this.bias = biasDps;
      return;
    }
    if (!this.axis.locked) {
      const d: Vec3 = [biasDps[0] - this.bias[0], biasDps[1] - this.bias[1], biasDps[2] - this.bias[2]];
      this.axis.rebias(d, this.preLockS);
    }
    this.bias = biasDps;
    this.fusion?.resetAxisBias();
  }

  private bridgeGap(t: number, dt: number): void {
    this.counters.gaps++;
    this.pendingGap = true;
    if (dt > LONG_GAP_S) {
      this.pendingLongGap = true;
      this.rest.breakStream();
      this.fusion?.requestSnap();
    }
    // Hold the last estimate at the track times inside the gap (no motion is invented), for at
    // most MAX_HELD_GAP_S; stop if the track time no longer advances (times near 1e15 s).
    const holdUntil = Math.min(t, this.lastT + MAX_HELD_GAP_S);
    while (!Number.isNaN(this.lastPointT) && this.nextTrackT < holdUntil) {
      const before = this.nextTrackT;
      this.emit(this.nextTrackT, true);
      if (!(this.nextTrackT > before)) break;
    }
    // The first sample after the gap always makes a point, so the rules see real data again.
    this.nextTrackT = t;
  }

  private emit(t: number, held: boolean): void {
    const afterGap = !held && this.pendingLongGap;
    if (afterGap) this.speed.restart();
    const p = this.positionCm;
    // A held point (inside a gap) repeats the last speed; the window spans the gap afterwards.
    const measured = held ? NaN : this.speed.push(t, p) / CM_PER_IN;
    const speedInPerS = Number.isNaN(measured) ? (this.lastPointT < t ? this.latestFields.speedInPerS : 0) : measured;
    const atRest = held ? false : this.rest.resting || !this.started;
    const gapBridged = held || this.pendingGap;
    const accelRejected = this.pendingRejected;
    const zone = zoneAt(p, this.spineMap);
    if (!held) {
      // Points held inside a gap carry no knowledge: the rules wait for real samples.
      const rp = this.rulePoint;
      rp.t = t;
      rp.positionCm = p;
      rp.speedInPerS = speedInPerS;
      rp.atRest = atRest;
      rp.afterGap = afterGap;
      rp.gapBridged = gapBridged;
      this.rules.update(rp, this.events);
    } else {
      this.rules.hold(t);
    }
    if (!held) {
      this.pendingGap = false;
      this.pendingLongGap = false;
      this.pendingRejected = false;
    }
    this.nextTrackT = Math.max(this.nextTrackT + this.trackPeriodS, t + this.trackPeriodS * 0.5);
    const f = this.latestFields;
    this.biasEstimate(f.bias);
    f.t = t;
    f.p = p;
    f.speedInPerS = speedInPerS;
    f.zone = zone;
    f.atRest = atRest;
    f.gapBridged = gapBridged;
    f.accelRejected = accelRejected;
    f.conf = this.axis.confidence;
    this.lastPointT = t;
    this.latestPoint = null;
    if (this.sinks.track) this.sinks.track(this.latest!);
    const cols = this.sinks.columns;
    if (cols) {
      const flags = (atRest ? FLAG_AT_REST : 0) | (gapBridged ? FLAG_GAP_BRIDGED : 0) | (accelRejected ? FLAG_ACCEL_REJECTED : 0);
      cols.push(t, p, speedInPerS, zone, flags, f.conf, f.bias[0], f.bias[1], f.bias[2]);
    }
    if (this.events.length > 0) {
      for (const e of this.events) this.sinks.event?.(e);
      this.events.length = 0;
    }
  }

  private biasEstimate(out: [number, number, number]): void {
    const a = this.axis.unit;
    const k = this.fusion?.axisBiasDps ?? 0;
    out[0] = this.bias[0] + (a ? a[0] * k : 0);
    out[1] = this.bias[1] + (a ? a[1] * k : 0);
    out[2] = this.bias[2] + (a ? a[2] * k : 0);
  }
}

/** Runs the engine over a whole recording: the offline path of the same live pipeline. */
export interface Analysis {
  track: TrackColumns;
  events: CoachEvent[];
  counters: EngineCounters;
  settings: MotionSettings;
  spineMap: SpineMap;
}

export function analyzeSamples(samples: Iterable<ImuSample>, settings: MotionSettingsInput | MotionSettings = {}): Analysis {
  const track = new TrackColumns();
  const events: CoachEvent[] = [];
  const engine = new MotionEngine(settings, { columns: track, event: (e) => events.push(e) });
  if (Array.isArray(samples)) {
    for (let i = 0; i < samples.length; i++) engine.push(samples[i] as ImuSample);
  } else {
    for (const s of samples) engine.push(s);
  }
  engine.finish();
  return { track, events, counters: engine.counters, settings: engine.settings, spineMap: engine.spineMap };
}
