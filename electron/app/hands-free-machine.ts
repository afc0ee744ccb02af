/**
 * Hands-free sessions: the user lies on the roller, out of reach of the keyboard. Once armed, the
 * session starts when rolling starts, pauses when the roller rests and goes on when rolling
 * starts again.
 *
 *   armed ──rolling for startAfterS──► rolling ──still for pauseAfterStillS──► paused
 *                                          ▲                                           │
 *                                        └───────rolling for startAfterS────────┘
 *   any ──stop()──► stopped
 *
 * Pure: it is fed the engine's track points and its only clock is their sensor time, so a test
 * drives it with any times it likes. The roller is *still* when the engine's rest detector says
 * so (`diagnostics.atRest`, electron/motion/rest-detector.ts: a quiet gyroscope and steady
 * gravity for 0.8 s) or when the engine's speed is below `stillMaxInPerS` (someone lying on the
 * roller breathes, which the rest detector, made to measure the gyro bias, may not call rest).
 * It is *rolling* when the engine's speed is at least `rollingMinInPerS`, not at rest, outside a
 * gap.
 */

export type HandsFreePhase = 'armed' | 'rolling' | 'paused' | 'stopped';
export type HandsFreeChange = 'started' | 'paused' | 'resumed';

/** What the machine reads of a track point. */
export interface HandsFreePoint {
  /** Sensor time, s. */
  t: number;
  speedInPerS: number;
  atRest: boolean;
  gapBridged: boolean;
}

export interface HandsFreeThresholds {
  /** Slower than this is not rolling (breathing, a wobble), in/s. */
  rollingMinInPerS: number;
  /** Rolling must last this long to start or resume, s. */
  startAfterS: number;
  /** At most this fast counts as still, in/s. */
  stillMaxInPerS: number;
  /** Still this long pauses (a turnaround between strokes is shorter), s. */
  pauseAfterStillS: number;
  /** A step between points longer than this adds nothing to the active time (as the rolling clock), s. */
  maxStepS: number;
}

export const HANDS_FREE_THRESHOLDS: HandsFreeThresholds = {
  rollingMinInPerS: 0.25,
  startAfterS: 0.5,
  stillMaxInPerS: 0.1,
  pauseAfterStillS: 2.5,
  maxStepS: 1,
};

export class HandsFreeMachine {
  private readonly o: HandsFreeThresholds;
  private state: HandsFreePhase = 'armed';
  private rollingSince: number | null = null;
  private stillSince: number | null = null;
  private lastT: number | null = null;
  private active = 0;

  constructor(thresholds: Partial<HandsFreeThresholds> = {}) {
    this.o = { ...HANDS_FREE_THRESHOLDS, ...thresholds };
  }

  get phase(): HandsFreePhase {
    return this.state;
  }

  /** Seconds spent rolling since the start (paused time left out). */
  get activeS(): number {
    return this.active;
  }

  stop(): void {
    this.state = 'stopped';
  }

  /** One track point; returns the change it caused, if any. */
  push(p: HandsFreePoint): HandsFreeChange | null {
    if (this.state === 'stopped') return null;
    const dt = this.lastT === null ? 0 : p.t - this.lastT;
    this.lastT = p.t;
    if (this.state === 'rolling' && dt > 0 && dt <= this.o.maxStepS && !p.gapBridged) this.active += dt;

    const rolling = !p.atRest && !p.gapBridged && p.speedInPerS >= this.o.rollingMinInPerS;
    this.rollingSince = rolling ? (this.rollingSince ?? p.t) : null;
    const still = p.atRest || (!p.gapBridged && p.speedInPerS <= this.o.stillMaxInPerS);
    this.stillSince = still ? (this.stillSince ?? p.t) : null;

    if (this.state === 'rolling') {
      if (this.stillSince !== null && p.t - this.stillSince >= this.o.pauseAfterStillS) {
        this.state = 'paused';
        return 'paused';
      }
      return null;
    }
    if (this.rollingSince !== null && p.t - this.rollingSince >= this.o.startAfterS) {
      const change: HandsFreeChange = this.state === 'armed' ? 'started' : 'resumed';
      this.state = 'rolling';
      return change;
    }
    return null;
  }
}
