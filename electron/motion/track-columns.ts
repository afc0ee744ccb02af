/**
 * A compact, column-wise store of track points for offline analysis: typed arrays instead of
 * one object per point, so analysing an hour of samples makes almost no garbage.
 */
import type { TrackPoint } from './motion-types';
import { ZONES, type Zone } from './spine-map';

export const FLAG_AT_REST = 1;
export const FLAG_GAP_BRIDGED = 2;
export const FLAG_ACCEL_REJECTED = 4;

export class TrackColumns {
  length = 0;
  t = new Float64Array(1024);
  positionCm = new Float64Array(1024);
  speedInPerS = new Float64Array(1024);
  zone = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  axisConfidence = new Float32Array(1024);
  bias = new Float32Array(3 * 1024);

  push(t: number, positionCm: number, speedInPerS: number, zone: Zone, flags: number, axisConfidence: number, bx: number, by: number, bz: number): void {
    if (this.length === this.t.length) this.grow();
    const i = this.length++;
    this.t[i] = t;
    this.positionCm[i] = positionCm;
    this.speedInPerS[i] = speedInPerS;
    this.zone[i] = ZONES.indexOf(zone);
    this.flags[i] = flags;
    this.axisConfidence[i] = axisConfidence;
    this.bias[3 * i] = bx;
    this.bias[3 * i + 1] = by;
    this.bias[3 * i + 2] = bz;
  }

  pointAt(i: number): TrackPoint {
    const f = this.flags[i]!;
    return {
      t: this.t[i]!,
      positionCm: this.positionCm[i]!,
      speedInPerS: this.speedInPerS[i]!,
      zone: ZONES[this.zone[i]!]!,
      diagnostics: {
        atRest: (f & FLAG_AT_REST) !== 0,
        biasDps: [this.bias[3 * i]!, this.bias[3 * i + 1]!, this.bias[3 * i + 2]!],
        axisConfidence: this.axisConfidence[i]!,
        gapBridged: (f & FLAG_GAP_BRIDGED) !== 0,
        accelRejected: (f & FLAG_ACCEL_REJECTED) !== 0,
      },
    };
  }

  toPoints(): TrackPoint[] {
    const out = new Array<TrackPoint>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.pointAt(i);
    return out;
  }

  private grow(): void {
    const n = this.t.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.t = f64(this.t);
    this.positionCm = f64(this.positionCm);
    this.speedInPerS = f64(this.speedInPerS);
    const z = new Uint8Array(n);
    z.set(this.zone);
    this.zone = z;
    const fl = new Uint8Array(n);
    fl.set(this.flags);
    this.flags = fl;
    const c = new Float32Array(n);
    c.set(this.axisConfidence);
    this.axisConfidence = c;
    const b = new Float32Array(3 * n);
    b.set(this.bias);
    this.bias = b;
  }
}
