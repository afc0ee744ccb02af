/**
 * Paces the simulated roller's frames on the scheduler while the sensor streams: each delivered
 * frame of the current run (roller-run-planner.ts) goes out at its `frameArrivalS`, relative to
 * the run start, with its header rewritten for the sensor's running counters:
 *
 * - sequence: the sensor's own counter. A frame the scenario lost in the air (its frameLoss or
 *   drop-outs) still used a number (the central sees the hole); a frame the sensor could not
 *   queue (not subscribed, radio queue full) uses none and counts as dropped samples.
 * - t0: the sensor clock since power-on, `(runStart − powerOn) · (1 + e) + t0 in the run`, mod 2³².
 *
 * Streaming from the middle of a run starts with the first frame whose first sample is not in
 * the past. At a run's end the next run (loop) follows, or the stream ends (`stop`).
 */
import type { SensorConfig } from '../../../sensor-protocol/gatt/sensor-config';
import { CLOCK_MODULUS_US, OFFSET_COUNT, OFFSET_SEQUENCE, OFFSET_T0_US } from '../../../sensor-protocol/frame/frame-layout';
import type { RollerRun, RollerRunPlanner } from './roller-run-planner';
import type { Scheduler } from './scheduler';

export interface RollerFrameSink {
  /** World time the sensor clock read 0, ms. */
  powerOnMs(): number;
  /** Whether the sensor can queue a frame for sending right now. */
  canQueue(): boolean;
  /** The sequence number for the next queued frame; advances the counter. */
  takeSequence(): number;
  /** Frames lost in the air still used sequence numbers. */
  skipSequences(count: number): void;
  /** A frame to send (header rewritten). */
  queue(frame: Uint8Array, samples: number): void;
  /** Samples the sensor could not queue. */
  drop(samples: number): void;
  /** The scenario is over (`stop` at the end). */
  ended(): void;
}

export class RollerFrameStream {
  private run: RollerRun | null = null;
  private config: SensorConfig | null = null;
  private nextIndex = 0;
  private lastSlot = -1;
  private timer: unknown = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly planner: RollerRunPlanner,
    private readonly sink: RollerFrameSink,
  ) {}

  get running(): boolean {
    return this.run !== null;
  }

  /** Starts (or restarts) pacing frames from now with `config`. */
  start(config: SensorConfig): void {
    this.stop();
    const now = this.scheduler.nowMs();
    const run = this.planner.runAt(now, config);
    if (!run) {
      this.sink.ended();
      return;
    }
    this.config = config;
    const framePeriodMs = run.truePeriodMs * config.samplesPerFrame;
    this.enter(run, Math.max(0, Math.ceil((now - run.startMs) / framePeriodMs - 1e-9)));
    this.scheduleNext();
  }

  stop(): void {
    this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.run = null;
  }

  private enter(run: RollerRun, firstSlot: number): void {
    this.run = run;
    this.lastSlot = firstSlot - 1;
    this.nextIndex = lowerBound(run.slot, firstSlot);
  }

  private scheduleNext(): void {
    let run = this.run;
    while (run && this.nextIndex >= run.frames.length) {
      const trailingLost = run.framesTaken - 1 - this.lastSlot;
      if (trailingLost > 0) this.sink.skipSequences(trailingLost);
      const next = this.planner.next(run, this.config!);
      if (!next) {
        this.run = null;
        this.sink.ended();
        return;
      }
      this.enter(next, 0);
      run = next;
    }
    if (!run) return;
    const atMs = run.arrivalMs[this.nextIndex]!;
    this.timer = this.scheduler.setTimeout(() => this.fire(), atMs - this.scheduler.nowMs());
  }

  private fire(): void {
    this.timer = null;
    const run = this.run;
    if (!run) return;
    const j = this.nextIndex++;
    const slot = run.slot[j]!;
    const lostInAir = slot - this.lastSlot - 1;
    if (lostInAir > 0) this.sink.skipSequences(lostInAir);
    this.lastSlot = slot;
    const original = run.frames[j]!;
    const samples = original[OFFSET_COUNT] ?? 0;
    if (this.sink.canQueue()) {
      const frame = new Uint8Array(original);
      const view = new DataView(frame.buffer);
      const clockUs = Math.round((run.startMs - this.sink.powerOnMs()) * run.clockUsPerMs + run.t0OffsetUs[j]!);
      view.setUint16(OFFSET_SEQUENCE, this.sink.takeSequence(), true);
      view.setUint32(OFFSET_T0_US, ((clockUs % CLOCK_MODULUS_US) + CLOCK_MODULUS_US) % CLOCK_MODULUS_US, true);
      this.sink.queue(frame, samples);
    } else {
      this.sink.drop(samples);
    }
    // The sink may have stopped or restarted the stream meanwhile.
    if (this.run === run && this.timer === null) this.scheduleNext();
  }
}

/** First index whose value is ≥ `value` in an ascending array. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
