/**
 * Rest detection and gyroscope bias estimation.
 *
 * Samples are grouped into short blocks (≈ 0.2 s of sensor time). The roller is at rest when
 * the last blocks spanning at least `minRestS` all show a quiet gyroscope (small spread inside
 * the block, block means that agree) and an accelerometer pointing the same way (within
 * `maxTiltDeg`) at about 1 g. Rest does not depend on the gyroscope's mean: a consumer gyro
 * reads 0.5–20 °/s when still, and that mean *is* the bias estimate.
 *
 * Pure and causal: a verdict at a block's end uses only samples up to it.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { norm3 } from './vec3';

export interface RestVerdict {
  /** Mean gyroscope over the rest window, °/s: the bias estimate. */
  biasDps: [number, number, number];
  /** Mean accelerometer direction over the rest window (unit vector, sensor frame). */
  upUnit: [number, number, number];
  /** Start and end of the rest window, s. */
  fromS: number;
  toS: number;
}

export interface RestDetectorOptions {
  blockS: number;
  minRestS: number;
  /** Largest per-axis standard deviation of the gyro inside a block, °/s. */
  maxGyroStdDps: number;
  /** Largest difference between block gyro means, °/s. */
  maxGyroDriftDps: number;
  /** Largest angle between block accelerometer means, degrees. */
  maxTiltDeg: number;
  /** Largest difference of |accel| from 1 g. */
  maxAccelErrG: number;
}

export const DEFAULT_REST_OPTIONS: RestDetectorOptions = {
  blockS: 0.2,
  minRestS: 0.8,
  maxGyroStdDps: 0.6,
  maxGyroDriftDps: 0.35,
  maxTiltDeg: 0.4,
  maxAccelErrG: 0.08,
};

interface Block {
  fromS: number;
  toS: number;
  n: number;
  g: [number, number, number];
  a: [number, number, number];
  quiet: boolean;
}

export class RestDetector {
  private readonly o: RestDetectorOptions;
  private readonly blocks: Block[] = [];
  private readonly maxBlocks: number;
  private cosTilt: number;
  // Running sums of the open block.
  private n = 0;
  private fromS = 0;
  private lastS = 0;
  private sg = [0, 0, 0];
  private sgg = [0, 0, 0];
  private sa = [0, 0, 0];
  private atRest = false;

  constructor(options: Partial<RestDetectorOptions> = {}) {
    this.o = { ...DEFAULT_REST_OPTIONS, ...options };
    this.maxBlocks = Math.ceil(this.o.minRestS / this.o.blockS) + 1;
    this.cosTilt = Math.cos((this.o.maxTiltDeg * Math.PI) / 180);
  }

  get resting(): boolean {
    return this.atRest;
  }

  /** Forget the open block and history (after a gap: rest must be seen again). */
  breakStream(): void {
    this.blocks.length = 0;
    this.n = 0;
    this.sg.fill(0);
    this.sgg.fill(0);
    this.sa.fill(0);
    this.atRest = false;
  }

  /**
   * Adds one sample; returns a verdict when a block closes and the window is at rest,
   * `false` when a block closes and it is not, `null` while the block is still open.
   */
  push(s: ImuSample): RestVerdict | false | null {
    const tS = s.tS;
    const gx = s.gxDps;
    const gy = s.gyDps;
    const gz = s.gzDps;
    if (this.n === 0) this.fromS = tS;
    this.n++;
    this.lastS = tS;
    const sg = this.sg;
    const sgg = this.sgg;
    const sa = this.sa;
    sg[0]! += gx;
    sg[1]! += gy;
    sg[2]! += gz;
    sgg[0]! += gx * gx;
    sgg[1]! += gy * gy;
    sgg[2]! += gz * gz;
    sa[0]! += s.axG;
    sa[1]! += s.ayG;
    sa[2]! += s.azG;
    if (tS - this.fromS < this.o.blockS) return null;
    return this.closeBlock();
  }

  private closeBlock(): RestVerdict | false {
    const n = this.n;
    const g: [number, number, number] = [this.sg[0]! / n, this.sg[1]! / n, this.sg[2]! / n];
    const a: [number, number, number] = [this.sa[0]! / n, this.sa[1]! / n, this.sa[2]! / n];
    let maxVar = 0;
    for (let i = 0; i < 3; i++) maxVar = Math.max(maxVar, this.sgg[i]! / n - g[i]! * g[i]!);
    const aNorm = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    const quiet = n >= 3 && maxVar <= this.o.maxGyroStdDps ** 2 && Math.abs(aNorm - 1) <= this.o.maxAccelErrG;
    this.blocks.push({ fromS: this.fromS, toS: this.lastS, n, g, a, quiet });
    if (this.blocks.length > this.maxBlocks) this.blocks.shift();
    this.n = 0;
    this.sg.fill(0);
    this.sgg.fill(0);
    this.sa.fill(0);
    this.atRest = this.windowAtRest();
    if (!this.atRest) return false;
    return this.verdict();
  }

  private windowAtRest(): boolean {
    const bs = this.blocks;
    const last = bs[bs.length - 1];
    if (!last) return false;
    // Use the newest blocks that together span minRestS.
    let i = bs.length - 1;
    while (i > 0 && last.toS - bs[i]!.fromS < this.o.minRestS) i--;
    const first = bs[i]!;
    if (last.toS - first.fromS < this.o.minRestS * 0.95) return false;
    for (let j = i; j < bs.length; j++) {
      const b = bs[j]!;
      if (!b.quiet) return false;
      if (j === i) continue;
      const ref = bs[i]!;
      const drift = Math.max(Math.abs(b.g[0] - ref.g[0]), Math.abs(b.g[1] - ref.g[1]), Math.abs(b.g[2] - ref.g[2]));
      if (drift > this.o.maxGyroDriftDps) return false;
      const cos = (b.a[0] * ref.a[0] + b.a[1] * ref.a[1] + b.a[2] * ref.a[2]) / (norm3(b.a[0], b.a[1], b.a[2]) * norm3(ref.a[0], ref.a[1], ref.a[2]));
      if (cos < this.cosTilt) return false;
    }
    return true;
  }

  private verdict(): RestVerdict {
    const bs = this.blocks;
    const last = bs[bs.length - 1]!;
    let i = bs.length - 1;
    while (i > 0 && last.toS - bs[i]!.fromS < this.o.minRestS) i--;
    const g = [0, 0, 0];
    const a = [0, 0, 0];
    let n = 0;
    for (let j = i; j < bs.length; j++) {
      const b = bs[j]!;
      for (let k = 0; k < 3; k++) {
        g[k]! += b.g[k]! * b.n;
        a[k]! += b.a[k]! * b.n;
      }
      n += b.n;
    }
    const norm = norm3(a[0]!, a[1]!, a[2]!);
    return {
      biasDps: [g[0]! / n, g[1]! / n, g[2]! / n],
      upUnit: [a[0]! / norm, a[1]! / norm, a[2]! / norm],
      fromS: bs[i]!.fromS,
      toS: last.toS,
    };
  }
}
