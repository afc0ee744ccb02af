/**
 * Ground truth of a run, stored column by column (typed arrays) so an hour at 200 Hz stays
 * small; {@link truthPointAt} gives one row as an object.
 *
 * - `tS`: sensor-clock time, the time base of the samples (without timestamp jitter);
 *   `trueTimeS`: physical session time (they differ by the clock start and crystal error).
 * - `positionCm`, `velocityCmPerS`: along the spine, + toward the head (physical seconds).
 * - `speedInPerS` exactly as docs/coaching-rules.md#speed-too-fast defines the coached speed: the magnitude of the mean
 *   velocity over the last 0.5 s (causal), |p(t) − p(t − w)| / w with w = min(0.5 s, t), in in/s
 *   (0 at t = 0).
 * - `zone`: the spine-map zone of the position; `thetaDeg`: roller angle about its axis;
 *   `gyroBias*Dps`: the true gyro bias in the sensor frame at that moment.
 */
import type { Zone } from '../motion/spine-map';
import type { MotionScript } from './motion-script';
import { spineZoneAt, type SpineMap } from './spine-zone';
import { CM_PER_IN, DEG_PER_RAD } from './units';
import type { Vec3 } from './rotation-matrix';

/** Window of the coached speed, s. */
export const SPEED_WINDOW_S = 0.5;

export interface TruthSeries {
  readonly length: number;
  tS: Float64Array;
  trueTimeS: Float64Array;
  positionCm: Float64Array;
  velocityCmPerS: Float64Array;
  speedInPerS: Float64Array;
  thetaDeg: Float64Array;
  zone: Zone[];
  gyroBiasXDps: Float64Array;
  gyroBiasYDps: Float64Array;
  gyroBiasZDps: Float64Array;
}

export interface TruthPoint {
  tS: number;
  trueTimeS: number;
  positionCm: number;
  velocityCmPerS: number;
  speedInPerS: number;
  zone: Zone;
  thetaDeg: number;
  gyroBiasDps: Vec3;
}

/** The coached speed at session time t, in/s (see the module comment). */
export function windowedSpeedInPerS(script: MotionScript, trueTimeS: number): number {
  const w = Math.min(SPEED_WINDOW_S, trueTimeS);
  if (w <= 0) return 0;
  return Math.abs(script.positionCm(trueTimeS) - script.positionCm(trueTimeS - w)) / w / CM_PER_IN;
}

/** Fills a truth series row by row; `finish` trims it to the rows written. */
export class TruthSeriesBuilder {
  private n = 0;
  private readonly s: Omit<TruthSeries, 'length'>;

  constructor(
    capacity: number,
    private readonly script: MotionScript,
    private readonly spineMap: SpineMap,
    private readonly thetaRadAt: (trueTimeS: number) => number,
  ) {
    const col = (): Float64Array => new Float64Array(capacity);
    this.s = {
      tS: col(),
      trueTimeS: col(),
      positionCm: col(),
      velocityCmPerS: col(),
      speedInPerS: col(),
      thetaDeg: col(),
      zone: [],
      gyroBiasXDps: col(),
      gyroBiasYDps: col(),
      gyroBiasZDps: col(),
    };
  }

  add(tS: number, trueTimeS: number, biasX: number, biasY: number, biasZ: number): void {
    const s = this.s;
    const i = this.n++;
    const position = this.script.positionCm(trueTimeS);
    s.tS[i] = tS;
    s.trueTimeS[i] = trueTimeS;
    s.positionCm[i] = position;
    s.velocityCmPerS[i] = this.script.velocityCmPerS(trueTimeS);
    s.speedInPerS[i] = windowedSpeedInPerS(this.script, trueTimeS);
    s.thetaDeg[i] = this.thetaRadAt(trueTimeS) * DEG_PER_RAD;
    s.zone.push(spineZoneAt(position, this.spineMap));
    s.gyroBiasXDps[i] = biasX;
    s.gyroBiasYDps[i] = biasY;
    s.gyroBiasZDps[i] = biasZ;
  }

  finish(): TruthSeries {
    const n = this.n;
    const s = this.s;
    const cut = (a: Float64Array): Float64Array => (a.length === n ? a : a.slice(0, n));
    return {
      length: n,
      tS: cut(s.tS),
      trueTimeS: cut(s.trueTimeS),
      positionCm: cut(s.positionCm),
      velocityCmPerS: cut(s.velocityCmPerS),
      speedInPerS: cut(s.speedInPerS),
      thetaDeg: cut(s.thetaDeg),
      zone: s.zone,
      gyroBiasXDps: cut(s.gyroBiasXDps),
      gyroBiasYDps: cut(s.gyroBiasYDps),
      gyroBiasZDps: cut(s.gyroBiasZDps),
    };
  }
}

/** Row `i` of a series as an object. Throws RangeError outside 0 … length − 1. */
export function truthPointAt(series: TruthSeries, i: number): TruthPoint {
  if (!Number.isInteger(i) || i < 0 || i >= series.length) {
    throw new RangeError(`truth: row ${i} is outside 0…${series.length - 1}`);
  }
  return {
    tS: series.tS[i]!,
    trueTimeS: series.trueTimeS[i]!,
    positionCm: series.positionCm[i]!,
    velocityCmPerS: series.velocityCmPerS[i]!,
    speedInPerS: series.speedInPerS[i]!,
    zone: series.zone[i]!,
    thetaDeg: series.thetaDeg[i]!,
    gyroBiasDps: [series.gyroBiasXDps[i]!, series.gyroBiasYDps[i]!, series.gyroBiasZDps[i]!],
  };
}
