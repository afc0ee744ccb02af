/**
 * A recording played back as a live sensor: the samples of a recording CSV
 * (sensor-protocol/recording/) handed on at the pace they were recorded (or `speed` times
 * faster), on the injected scheduler, through the same live path as a Bluetooth sensor — a
 * recording watched on the live screen, or the CLI's `roller demo --replay`.
 *
 *   idle ──start()──► streaming ──(last sample played)──► idle, with a note
 *                        ▲ resetStream(): plays again from the first sample
 *
 * The file is read whole before it plays: a recording the reader refuses is an error naming
 * its line, and nothing plays. A hole in the recorded times (longer than `gapS`) is reported as
 * a gap, as a sensor's lost frames are; the reader's warnings become notes.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { parseRecordingCsv, type RecordingCsvReadLimits } from '../../sensor-protocol/recording/recording-csv-reader';
import type { ConnectionState } from '../ble/connection-machine';
import type { Scheduler } from '../ble/scheduler';
import type { SensorSource, SensorSourceCounters, SensorSourceEvents } from './sensor-source';

export interface ReplaySettings {
  /** Playback speed: 1 is as recorded, 10 ten times faster. */
  speed: number;
  /** How often samples are handed on, ms of playback time. */
  tickMs: number;
  /** A time step between two samples longer than this is a gap, s. */
  gapS: number;
}

export const DEFAULT_REPLAY_SETTINGS: ReplaySettings = { speed: 1, tickMs: 20, gapS: 0.1 };

export type ReplayLoad = { ok: true; source: ReplaySource } | { ok: false; error: string };

type Listeners = { [K in keyof SensorSourceEvents]: Set<(value: SensorSourceEvents[K]) => void> };

export class ReplaySource implements SensorSource {
  readonly counters: SensorSourceCounters = { samples: 0, rejected: 0, gaps: 0, reconnects: 0 };
  private state: ConnectionState = { name: 'idle' };
  private readonly listeners: Listeners = { samples: new Set(), raw: new Set(), connection: new Set(), gap: new Set(), rejected: new Set(), battery: new Set(), status: new Set(), note: new Set() };
  private next = 0;
  private startedMs = 0;
  private timer: unknown = null;
  /** The reader's warnings, told as notes once playing starts. */
  private pendingNotes: string[] = [];

  /** Reads a recording's text; a clear error (the file's name and line) when it cannot be played. */
  static fromText(name: string, text: string, scheduler: Scheduler, settings: Partial<ReplaySettings> = {}, limits?: RecordingCsvReadLimits): ReplayLoad {
    const read = parseRecordingCsv(text, limits);
    if (!read.ok) return { ok: false, error: `${name}: ${read.error.message}` };
    if (read.samples.length === 0) return { ok: false, error: `${name}: the recording holds no samples` };
    const source = new ReplaySource(name, read.samples, scheduler, { ...DEFAULT_REPLAY_SETTINGS, ...settings });
    source.pendingNotes = read.warnings.map((w) => `${name}: ${w.message}`);
    return { ok: true, source };
  }

  constructor(
    readonly name: string,
    private readonly samples: readonly ImuSample[],
    private readonly scheduler: Scheduler,
    readonly settings: ReplaySettings = DEFAULT_REPLAY_SETTINGS,
  ) {}

  get connection(): ConnectionState {
    return this.state;
  }

  get linkDescription(): string | null {
    return this.state.name === 'streaming' ? `Recording ${this.name}, ${this.durationS.toFixed(0)} s${this.settings.speed !== 1 ? ` at ${this.settings.speed}× speed` : ''}` : null;
  }

  readonly linkConfig = null;
  readonly linkInfo = null;

  /** The recording's own sample rate, Hz (its median step). */
  get recordedRateHz(): number | null {
    const steps: number[] = [];
    for (let i = 1; i < this.samples.length && steps.length < 1000; i++) steps.push(this.samples[i]!.tS - this.samples[i - 1]!.tS);
    steps.sort((a, b) => a - b);
    const mid = steps[Math.floor(steps.length / 2)];
    return mid && mid > 0 ? 1 / mid : null;
  }

  get linkedSensor(): { id: string; name: string; kind: string } {
    return { id: `replay:${this.name}`, name: this.name, kind: 'replay' };
  }

  /** The recording's span, s. */
  get durationS(): number {
    return this.samples[this.samples.length - 1]!.tS - this.samples[0]!.tS;
  }

  on<K extends keyof SensorSourceEvents>(event: K, fn: (value: SensorSourceEvents[K]) => void): () => void {
    const set: Listeners[K] = this.listeners[event];
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Starts playing from the first sample. */
  start(): void {
    this.setState({ name: 'streaming', deviceId: this.linkedSensor.id });
    for (const note of this.pendingNotes.splice(0)) this.emit('note', note);
    this.emit('note', `Playing ${this.name}: ${this.samples.length} samples, ${this.durationS.toFixed(1)} s`);
    this.rewind();
  }

  resetStream(): void {
    if (this.state.name === 'streaming') this.rewind();
  }

  async identify(): Promise<void> {}

  async disconnect(): Promise<void> {
    this.stopTimer();
    if (this.state.name !== 'idle') this.setState({ name: 'idle' });
  }

  async dispose(): Promise<void> {
    await this.disconnect();
  }

  private rewind(): void {
    this.stopTimer();
    this.next = 0;
    this.startedMs = this.scheduler.nowMs();
    this.timer = this.scheduler.setTimeout(() => this.tick(), this.settings.tickMs);
  }

  /** Hands on every sample due by now (recording time scaled by the speed), then waits a tick. */
  private tick(): void {
    this.timer = null;
    const t0 = this.samples[0]!.tS;
    const dueS = ((this.scheduler.nowMs() - this.startedMs) / 1000) * this.settings.speed;
    const from = this.next;
    while (this.next < this.samples.length && this.samples[this.next]!.tS - t0 <= dueS) this.next++;
    if (this.next > from) this.hand(from, this.next);
    if (this.next < this.samples.length) {
      this.timer = this.scheduler.setTimeout(() => this.tick(), this.settings.tickMs);
      return;
    }
    this.emit('note', `${this.name} played to its end (${this.counters.samples} samples)`);
    this.setState({ name: 'idle' });
  }

  private hand(from: number, to: number): void {
    const batch = this.samples.slice(from, to);
    const before = from > 0 ? this.samples[from - 1] : undefined;
    let start = 0;
    for (let i = 0; i < batch.length; i++) {
      const prev = i === 0 ? before : batch[i - 1];
      if (!prev || batch[i]!.tS - prev.tS <= this.settings.gapS) continue;
      // Samples before the hole first, then the gap, as a sensor's decoder reports it.
      if (i > start) this.emitSamples(batch.slice(start, i));
      start = i;
      this.counters.gaps++;
      this.emit('gap', { lostFrames: 0, missingSamples: null, fromS: prev.tS, toS: batch[i]!.tS, reason: 'lost-frames', cause: 'frames-lost' });
    }
    this.emitSamples(batch.slice(start));
  }

  private emitSamples(samples: ImuSample[]): void {
    if (samples.length === 0) return;
    this.counters.samples += samples.length;
    this.emit('samples', samples);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    this.emit('connection', s);
  }

  private emit<K extends keyof SensorSourceEvents>(event: K, value: SensorSourceEvents[K]): void {
    const set: Listeners[K] = this.listeners[event];
    for (const fn of set) fn(value);
  }
}
