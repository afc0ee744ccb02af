/**
 * Records a live session into the store, crash-safely: raw protocol frames (or, for sources
 * without frames, decoded samples), the track thinned to 25 Hz, and coaching events are
 * buffered in memory and written in one transaction
 * - when the oldest buffered item is `flushIntervalMs` old (default 0.5 s), checked on every
 *   append and on `tick()` (called by the injected timers every 0.25 s, or by the caller);
 * - when the buffer reaches `maxBufferedBytes`.
 * So a crash loses at most the last flush interval plus one tick (≤ 0.75 s by default).
 *
 * Time comes from the injected clock (ms since 1970); frame arrival times use the same clock.
 * A write that fails (disk full, I/O error) does not throw into the live path: the recorder
 * keeps what it holds, reports the error once through `onError` (and `error`), retries on the
 * next flush, and past a hard cap drops new data, counting it in `stats.dropped`. What was
 * stored before stays stored; once a write works again `onRecovered` hears it.
 *
 * While it records, the recorder holds the session's recording lock (./recording-lock.ts), so no
 * other process takes the session over, even while this one is frozen.
 *
 * `finish()` ends the session only once everything is stored: the last flush worked, and the
 * database holds exactly what the recorder wrote (so a row removed or changed by another
 * program is noticed). Otherwise it throws, and the session stays unfinished; `abandon()` then
 * lets go of it, and the next open marks it interrupted with what was stored.
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { MotionSettingsSchema, type MotionSettings, type MotionSettingsInput } from '../motion/motion-settings';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED, TrackColumns } from '../motion/track-columns';
import type { SessionFigures } from '../motion/session-figures-schema';
import { MOTION_ENGINE_VERSION } from './engine-version';
import { FrameBatchBuilder, RECONNECT_MARKER } from './frame-batch-codec';
import { encodeSampleBatch } from './sample-batch-codec';
import { takeRecordingLock, type RecordingLock } from './recording-lock';
import { summarizeStoredSession } from './session-data';
import type { FinishReason, SensorRef, SessionSource, StoredSession } from './session-records';
import type { BatchWrite, SessionStore } from './session-store';
import { SessionStoreError, sessionGoneError, storeErrorFrom } from './store-error';
import type { RoutineKind } from './routine-kind';
import { encodeTrackBatch } from './track-batch-codec';
import { STORED_TRACK_RATE_HZ, TrackDecimator } from './track-decimation';

export interface RecorderTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RecorderOptions {
  /** Wall clock, ms since 1970 (default Date.now). */
  clock?: () => number;
  /** Flush when the oldest buffered item is this old, ms (default 500). */
  flushIntervalMs?: number;
  /** Flush when this much is buffered, bytes (default 256 KiB). */
  maxBufferedBytes?: number;
  /** Rate of the stored track, Hz (default 25). */
  trackRateHz?: number;
  /** When given, the recorder ticks itself (every min(250, flushIntervalMs / 2) ms). */
  timers?: RecorderTimers;
  /** Called once per failure episode (disk full, I/O error); again after a recovery. */
  onError?: (err: SessionStoreError) => void;
  /** Called when a write works again after `onError` (what was held meanwhile is now stored). */
  onRecovered?: () => void;
  /** Process id stored as the session's owner (default process.pid). */
  pid?: number;
}

export interface RecordingStart {
  source: SessionSource;
  sensor?: SensorRef | null;
  settings: MotionSettings | MotionSettingsInput;
  /** Wall clock at the start, ms since 1970 (default: the clock). */
  startedAt?: number;
  /** Local offset from UTC, minutes (default: this machine's at `startedAt`). */
  utcOffsetMin?: number;
  /** The configuration the frames are decoded with; null/absent: the source has no frames, samples are stored. */
  sensorConfig?: SensorConfig | null;
  engineVersion?: string;
  /** The guided routine the session runs; absent: a free session. */
  routine?: RoutineKind | null;
}

export interface RecordingFinish {
  endReason: FinishReason;
  /** From the live engine's full-rate track; computed from what is stored when absent. */
  summary?: SessionFigures | null;
  endedAt?: number;
}

export interface RecorderStats {
  framesStored: number;
  samplesStored: number;
  trackPointsStored: number;
  eventsStored: number;
  flushes: number;
  failedFlushes: number;
  /** Items dropped because writes kept failing and the buffer was full. */
  dropped: { frames: number; samples: number; trackPoints: number; events: number };
  /** Bytes waiting in memory. */
  pendingBytes: number;
  /** Clock time of the last successful write, ms. */
  lastFlushAt: number | null;
}

const HEARTBEAT_MS = 5000;
/** While writes fail, keep at most this many times `maxBufferedBytes` in memory. */
const FAILING_BUFFER_FACTOR = 8;
const SAMPLE_BYTES = 56;
const TRACK_POINT_BYTES = 40;
const EVENT_BYTES = 100;

export class SessionRecorder {
  private readonly clock: () => number;
  private readonly flushIntervalMs: number;
  private readonly maxBufferedBytes: number;
  private readonly trackRateHz: number;
  private readonly options: RecorderOptions;
  private id: number | null = null;
  private lock: RecordingLock | null = null;
  private startedAt = 0;
  private framesSession = false;
  private readonly frames = new FrameBatchBuilder();
  private samples: ImuSample[] = [];
  private readonly track = new TrackColumns();
  private decimator = new TrackDecimator();
  private lastUnkeptPoint: TrackPoint | null = null;
  private events: CoachEvent[] = [];
  private oldestPendingAt: number | null = null;
  private lastDataAt = 0;
  private lastWriteAt = 0;
  private nextAttemptAt = 0;
  private timer: unknown = null;
  private failure: SessionStoreError | null = null;
  /** Of the session being recorded (or the last one). */
  private readonly counters: RecorderStats = emptyStats();

  constructor(
    private readonly store: SessionStore,
    options: RecorderOptions = {},
  ) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 256 * 1024;
    this.trackRateHz = options.trackRateHz ?? STORED_TRACK_RATE_HZ;
  }

  /** The session being recorded, or null. */
  get sessionId(): number | null {
    return this.id;
  }

  /** The current write failure (null when the last write worked). */
  get error(): SessionStoreError | null {
    return this.failure;
  }

  get stats(): RecorderStats {
    return { ...this.counters, dropped: { ...this.counters.dropped }, pendingBytes: this.pendingBytes() };
  }

  /** Starts a session; returns its id. Throws SessionStoreError if it cannot be stored. */
  start(init: RecordingStart): number {
    if (this.id !== null) throw new SessionStoreError('invalid', `session ${this.id} is still being recorded; finish it first`);
    const parsed = MotionSettingsSchema.safeParse(init.settings);
    if (!parsed.success) throw new SessionStoreError('invalid', `settings: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
    const startedAt = Math.round(init.startedAt ?? this.clock());
    const config = init.sensorConfig ?? null;
    const pid = this.options.pid ?? process.pid;
    let lock: RecordingLock;
    try {
      lock = takeRecordingLock(this.store.path, pid);
    } catch (err) {
      throw storeErrorFrom(err, 'starting a session (taking its recording lock)');
    }
    try {
      this.id = this.store.createSession({
        startedAt,
        utcOffsetMin: init.utcOffsetMin ?? -new Date(startedAt).getTimezoneOffset(),
        source: init.source,
        sensor: init.sensor ?? null,
        sensorConfig: config,
        settings: parsed.data,
        engineVersion: init.engineVersion ?? MOTION_ENGINE_VERSION,
        dataKind: config ? 'frames' : 'samples',
        ownerPid: pid,
        ownerLock: lock.name,
        routine: init.routine ?? null,
      });
    } catch (err) {
      lock.release();
      throw err;
    }
    this.lock = lock;
    Object.assign(this.counters, emptyStats());
    this.startedAt = startedAt;
    this.framesSession = config !== null;
    this.lastDataAt = startedAt;
    this.lastWriteAt = this.clock();
    this.decimator = new TrackDecimator(this.trackRateHz);
    const timers = this.options.timers;
    if (timers) {
      this.timer = timers.setInterval(() => this.tick(), Math.min(250, this.flushIntervalMs / 2));
      (this.timer as { unref?: () => void } | null)?.unref?.();
    }
    return this.id;
  }

  /**
   * Raw notifications as received (bytes are copied). `arrivalMs`: when each arrived, on the
   * recorder's clock (default: now).
   */
  appendFrames(frames: readonly Uint8Array[], arrivalMs?: ArrayLike<number>): void {
    const id = this.requireSession();
    if (!this.framesSession) throw new SessionStoreError('invalid', `session ${id} stores decoded samples (it was started without a sensor configuration); use appendSamples`);
    if (frames.length === 0) return;
    if (this.overflowing()) {
      this.counters.dropped.frames += frames.length;
      return;
    }
    const now = this.clock();
    for (let i = 0; i < frames.length; i++) {
      const at = arrivalMs?.[i] ?? now;
      this.frames.add(frames[i]!, at - this.startedAt);
      if (at > this.lastDataAt) this.lastDataAt = at;
    }
    this.pending(now);
  }

  /** The sensor link was re-established: replay must expect a restarted sensor clock here. */
  noteReconnect(atMs?: number): void {
    this.requireSession();
    if (!this.framesSession) return;
    const at = atMs ?? this.clock();
    this.frames.add(RECONNECT_MARKER, at - this.startedAt);
    this.pending(this.clock());
  }

  /** Decoded samples, for sources without protocol frames (WitMotion, replays). */
  appendSamples(samples: readonly ImuSample[]): void {
    const id = this.requireSession();
    if (this.framesSession) throw new SessionStoreError('invalid', `session ${id} stores raw frames; use appendFrames`);
    if (samples.length === 0) return;
    if (this.overflowing()) {
      this.counters.dropped.samples += samples.length;
      return;
    }
    for (const s of samples) this.samples.push(s);
    const now = this.clock();
    this.lastDataAt = Math.max(this.lastDataAt, now);
    this.pending(now);
  }

  /** The engine's track points (any rate); stored thinned to the track rate. */
  appendTrack(points: readonly TrackPoint[]): void {
    this.requireSession();
    if (points.length === 0) return;
    if (this.overflowing()) {
      this.counters.dropped.trackPoints += points.length;
      return;
    }
    for (const p of points) {
      if (this.decimator.keep(p.t)) {
        this.pushPoint(p);
        this.lastUnkeptPoint = null;
      } else {
        this.lastUnkeptPoint = p;
      }
    }
    this.pending(this.clock());
  }

  appendEvents(events: readonly CoachEvent[]): void {
    this.requireSession();
    if (events.length === 0) return;
    if (this.overflowing()) {
      this.counters.dropped.events += events.length;
      return;
    }
    for (const e of events) this.events.push(e);
    this.pending(this.clock());
  }

  /** Flushes when due and keeps the heartbeat going; call it periodically (or pass timers). */
  tick(): void {
    if (this.id === null) return;
    const now = this.clock();
    if (this.due(now)) {
      this.flush();
      return;
    }
    if (this.oldestPendingAt === null && now - this.lastWriteAt >= HEARTBEAT_MS) {
      try {
        this.store.heartbeat(this.id, now);
        this.lastWriteAt = now;
      } catch (err) {
        this.fail(storeErrorFrom(err, `updating session ${this.id}`));
      }
    }
  }

  /** Writes everything buffered now, in one transaction. Returns false (and reports) on failure. */
  flush(): boolean {
    if (this.id === null || this.oldestPendingAt === null) return true;
    const now = this.clock();
    const write: BatchWrite = {};
    if (this.frames.count > 0) {
      write.frames = {
        blob: this.frames.encode(),
        frameCount: this.frames.count,
        sampleCount: this.frames.sampleCount,
        firstArrivalMs: this.frames.firstArrivalMs ?? 0,
        lastArrivalMs: this.frames.lastArrivalMs ?? 0,
      };
    }
    if (this.samples.length > 0) {
      write.samples = { blob: encodeSampleBatch(this.samples), count: this.samples.length, tFirst: this.samples[0]!.tS, tLast: this.samples.at(-1)!.tS };
    }
    const tn = this.track.length;
    if (tn > 0) write.track = { blob: encodeTrackBatch(this.track, 0, tn), count: tn, tFirst: this.track.t[0]!, tLast: this.track.t[tn - 1]! };
    if (this.events.length > 0) write.events = this.events;
    try {
      this.store.appendBatches(this.id, write, now, this.lastDataAt);
    } catch (err) {
      this.counters.failedFlushes++;
      this.nextAttemptAt = now + this.flushIntervalMs;
      this.fail(storeErrorFrom(err, `saving session ${this.id}`));
      return false;
    }
    const c = this.counters;
    c.flushes++;
    c.framesStored += write.frames?.frameCount ?? 0;
    c.samplesStored += (write.frames?.sampleCount ?? 0) + (write.samples?.count ?? 0);
    c.trackPointsStored += tn;
    c.eventsStored += this.events.length;
    c.lastFlushAt = now;
    this.frames.reset();
    this.samples = [];
    this.track.length = 0;
    this.events = [];
    this.oldestPendingAt = null;
    this.lastWriteAt = now;
    if (this.failure) {
      this.failure = null;
      this.options.onRecovered?.();
    }
    return true;
  }

  /**
   * Writes what is left, checks that the database holds all of it, and ends the session.
   * Throws SessionStoreError if any of that fails: the session is not ended (call `finish`
   * again, or `abandon`); what was stored so far is kept. Data dropped while writes failed
   * (`stats.dropped`) is not stored: the caller says so.
   */
  finish(end: RecordingFinish): StoredSession {
    const id = this.requireSession();
    if (this.lastUnkeptPoint) {
      // The last point always goes in, so the stored track covers the whole session.
      this.pushPoint(this.lastUnkeptPoint);
      this.lastUnkeptPoint = null;
      this.pending(this.clock());
    }
    if (!this.flush()) throw this.failure ?? new SessionStoreError('io', `session ${id} could not be saved`);
    this.checkStored(id);
    const session = this.store.getSession(id);
    const summary = end.summary ?? summarizeStoredSession(this.store, session);
    const stored = this.store.finishSession(id, { endedAt: end.endedAt ?? this.clock(), endReason: end.endReason, summary });
    this.letGo();
    return stored;
  }

  /**
   * Stops recording without ending the session (after a `finish` that failed, or when the app
   * gives up): buffered data is let go, the recording lock released, and the next open of the
   * data folder marks the session interrupted with what was stored.
   */
  abandon(): void {
    if (this.id === null) return;
    this.frames.reset();
    this.samples = [];
    this.track.length = 0;
    this.events = [];
    this.lastUnkeptPoint = null;
    this.oldestPendingAt = null;
    this.letGo();
  }

  /** The database holds exactly what this recorder wrote for session `id` (its row is there). */
  private checkStored(id: number): void {
    if (this.store.findSession(id) === null) throw sessionGoneError(id);
    const found = this.store.counts(id);
    const c = this.counters;
    const differ = (
      [
        ['frames', c.framesStored, found.frames],
        ['samples', c.samplesStored, found.samples],
        ['track points', c.trackPointsStored, found.trackPoints],
        ['events', c.eventsStored, found.events],
      ] as const
    ).filter(([, wrote, has]) => wrote !== has);
    if (differ.length > 0) {
      const what = differ.map(([name, wrote, has]) => `${has} of ${wrote} ${name}`).join(', ');
      throw new SessionStoreError('io', `the session database does not hold what was saved of session ${id} (${what}); another program may have changed it`);
    }
  }

  private pushPoint(p: TrackPoint): void {
    const d = p.diagnostics;
    const flags = (d.atRest ? FLAG_AT_REST : 0) | (d.gapBridged ? FLAG_GAP_BRIDGED : 0) | (d.accelRejected ? FLAG_ACCEL_REJECTED : 0);
    this.track.push(p.t, p.positionCm, p.speedInPerS, p.zone, flags, d.axisConfidence, d.biasDps[0], d.biasDps[1], d.biasDps[2]);
  }

  private pending(now: number): void {
    if (this.oldestPendingAt === null) this.oldestPendingAt = now;
    if (this.due(now)) this.flush();
  }

  private due(now: number): boolean {
    if (this.oldestPendingAt === null) return false;
    if (this.failure && now < this.nextAttemptAt) return false;
    return now - this.oldestPendingAt >= this.flushIntervalMs || this.pendingBytes() >= this.maxBufferedBytes;
  }

  private pendingBytes(): number {
    return this.frames.byteLength + this.samples.length * SAMPLE_BYTES + this.track.length * TRACK_POINT_BYTES + this.events.length * EVENT_BYTES;
  }

  private overflowing(): boolean {
    return this.failure !== null && this.pendingBytes() >= this.maxBufferedBytes * FAILING_BUFFER_FACTOR;
  }

  private fail(err: SessionStoreError): void {
    const first = this.failure === null;
    this.failure = err;
    if (first) this.options.onError?.(err);
  }

  private requireSession(): number {
    if (this.id === null) throw new SessionStoreError('invalid', 'no session is being recorded: call start() first');
    return this.id;
  }

  private letGo(): void {
    if (this.timer !== null) this.options.timers?.clearInterval(this.timer);
    this.timer = null;
    this.lock?.release();
    this.lock = null;
    this.id = null;
  }
}

function emptyStats(): RecorderStats {
  return {
    framesStored: 0,
    samplesStored: 0,
    trackPointsStored: 0,
    eventsStored: 0,
    flushes: 0,
    failedFlushes: 0,
    dropped: { frames: 0, samples: 0, trackPoints: 0, events: 0 },
    pendingBytes: 0,
    lastFlushAt: null,
  };
}
