/**
 * The session store: every SQL statement of the app lives here (the schema in
 * ./schema-migrations.ts, opening and checking the file in ./database-file.ts). Callers get
 * validated records and encoded blobs; rows read back are parsed with the zod schemas of
 * ./session-records.ts and ./profile.ts. Every write that belongs together is one transaction,
 * and every failure comes out as a SessionStoreError saying what failed.
 *
 * Open it with `openSessionStore` (./open-session-store.ts), which also recovers interrupted
 * sessions.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { SensorConfigSchema, type SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { MotionSettingsSchema, type MotionSettings } from '../motion/motion-settings';
import type { CoachEvent } from '../motion/motion-types';
import { SessionFiguresSchema, type SessionFigures } from '../motion/session-figures-schema';
import { RoutineKindSchema, type RoutineKind } from './routine-kind';
import { ProfileSchema, profileSettings, type Profile, type ProfileInput, type ScreeningRecord } from './profile';
import {
  BatchRowSchema,
  CoachEventSchema,
  EventRowSchema,
  ImportOriginSchema,
  SensorRefSchema,
  SessionRowSchema,
  firstIssue,
  type DataKind,
  type EndReason,
  type ImportOrigin,
  type SensorRef,
  type SessionSource,
  type StoredSession,
} from './session-records';
import { SessionNoteInputSchema, isEmptyNote, type SessionNote, type SessionNoteInput } from './session-note';
import { SessionStoreError, sessionGoneError, storeErrorFrom } from './store-error';

export interface NewSession {
  /** Wall clock at the start, ms since 1970. */
  startedAt: number;
  /** Local time offset from UTC at the start, minutes. */
  utcOffsetMin: number;
  source: SessionSource;
  sensor: SensorRef | null;
  /** The sensor configuration the frames were decoded with (frame sessions only). */
  sensorConfig: SensorConfig | null;
  settings: MotionSettings;
  engineVersion: string;
  dataKind: DataKind;
  /** The process recording it (null for a session written in one go, e.g. an import). */
  ownerPid: number | null;
  /** The recording process's lock (./recording-lock.ts), held while it lives. */
  ownerLock?: string | null;
  origin?: ImportOrigin | null;
  /** The guided routine the session runs (./routine-kind.ts); null or absent: a free session. */
  routine?: RoutineKind | null;
  /** The samples' content hash (./content-hash.ts), when known at the start (an import). */
  contentHash?: string | null;
  /** The user's note, when one comes with the session (an export's note imported). */
  note?: SessionNoteInput | null;
}

export interface FrameBatchWrite {
  blob: Uint8Array;
  frameCount: number;
  sampleCount: number;
  /** ms since the session start. */
  firstArrivalMs: number;
  lastArrivalMs: number;
}

export interface SpanBatchWrite {
  blob: Uint8Array;
  count: number;
  /** Sensor time of the first and last item, s. */
  tFirst: number;
  tLast: number;
}

/** What one flush of a live recording writes. */
export interface BatchWrite {
  frames?: FrameBatchWrite | undefined;
  samples?: SpanBatchWrite | undefined;
  track?: SpanBatchWrite | undefined;
  events?: readonly CoachEvent[] | undefined;
}

export interface SessionEnd {
  endedAt: number;
  endReason: EndReason;
  summary: SessionFigures | null;
}

/** A whole analysis replacing the stored one (re-analysis, import). */
export interface AnalysisWrite {
  settings: MotionSettings;
  engineVersion: string;
  analyzedAt: number;
  summary: SessionFigures;
  track: readonly SpanBatchWrite[];
  events: readonly CoachEvent[];
}

/** Where a session written in pieces (a streamed import) puts its batches as they are made. */
export interface SessionPieces {
  samples(batch: SpanBatchWrite): void;
  track(batch: SpanBatchWrite): void;
}

export interface SessionQuery {
  /** Sessions started at or after this time, ms since 1970. */
  fromMs?: number;
  /** Sessions started before this time. */
  toMs?: number;
  limit?: number;
  /** Newest first (default) or oldest first. */
  order?: 'newest' | 'oldest';
}

export type UnfinishedSession = z.output<typeof UnfinishedRowSchema>;

export interface KnownSensor extends SensorRef {
  firstSeenAt: number;
  lastUsedAt: number;
}

export interface SessionCounts {
  frames: number;
  samples: number;
  trackPoints: number;
  events: number;
  /** Bytes of stored blobs (compressed). */
  blobBytes: number;
}

const UnfinishedRowSchema = z
  .object({
    id: z.number().int(),
    started_at: z.number(),
    last_data_at: z.number().nullable(),
    heartbeat_at: z.number().nullable(),
    owner_pid: z.number().int().nullable(),
    owner_lock: z.string().nullable(),
  })
  .transform((r) => ({ id: r.id, startedAt: r.started_at, lastDataAt: r.last_data_at, heartbeatAt: r.heartbeat_at, ownerPid: r.owner_pid, ownerLock: r.owner_lock }));

type Stmt = Database.Statement;

export class SessionStore {
  private readonly stmts = new Map<string, Stmt>();

  constructor(
    readonly db: Database.Database,
    /** The database file. */
    readonly path: string,
  ) {}

  // ---------- profile ----------

  /** The stored profile, or the defaults when none was saved yet. */
  getProfile(): Profile {
    const row = this.run('reading the profile', () => this.stmt('SELECT json FROM profile WHERE id = 1').get() as { json: string } | undefined);
    if (!row) return ProfileSchema.parse({});
    return this.parseJson(ProfileSchema, row.json, 'the profile');
  }

  /** Validates and saves the whole profile (its motion settings must be valid too). */
  saveProfile(input: ProfileInput, atMs: number): Profile {
    const parsed = ProfileSchema.safeParse(input);
    if (!parsed.success) throw new SessionStoreError('invalid', `profile: ${firstIssue(parsed.error)}`);
    try {
      profileSettings(parsed.data);
    } catch (err) {
      throw new SessionStoreError('invalid', `profile: ${firstIssue(err as z.ZodError)}`);
    }
    this.run('saving the profile', () =>
      this.stmt('INSERT INTO profile (id, json, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at').run(
        JSON.stringify(parsed.data),
        atMs,
      ),
    );
    return parsed.data;
  }

  updateProfile(patch: Partial<ProfileInput>, atMs: number): Profile {
    return this.saveProfile({ ...this.getProfile(), ...patch }, atMs);
  }

  recordScreening(screening: ScreeningRecord, atMs: number): Profile {
    return this.updateProfile({ screening }, atMs);
  }

  // ---------- known sensors ----------

  rememberSensor(sensor: SensorRef, atMs: number): void {
    const s = this.checked(SensorRefSchema, sensor, 'sensor');
    this.run('remembering the sensor', () =>
      this.stmt(
        'INSERT INTO known_sensors (id, name, kind, first_seen_at, last_used_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, last_used_at = excluded.last_used_at',
      ).run(s.id, s.name, s.kind, atMs, atMs),
    );
  }

  /** Known sensors, most recently used first. */
  knownSensors(): KnownSensor[] {
    const rows = this.run('reading known sensors', () => this.stmt('SELECT id, name, kind, first_seen_at, last_used_at FROM known_sensors ORDER BY last_used_at DESC').all()) as {
      id: string;
      name: string;
      kind: string;
      first_seen_at: number;
      last_used_at: number;
    }[];
    return rows.map((r) => ({ ...this.checked(SensorRefSchema, r, `known sensor ${r.id}`), firstSeenAt: r.first_seen_at, lastUsedAt: r.last_used_at }));
  }

  forgetSensor(id: string): void {
    this.run('forgetting the sensor', () => this.stmt('DELETE FROM known_sensors WHERE id = ?').run(id));
  }

  // ---------- sessions ----------

  createSession(s: NewSession): number {
    const settings = this.checked(MotionSettingsSchema, s.settings, 'session settings');
    const config = s.sensorConfig === null ? null : this.checked(SensorConfigSchema, s.sensorConfig, 'sensor configuration');
    const sensor = s.sensor === null ? null : this.checked(SensorRefSchema, s.sensor, 'sensor');
    const origin = s.origin ? this.checked(ImportOriginSchema, s.origin, 'import origin') : null;
    const routine = s.routine ? this.checked(RoutineKindSchema, s.routine, 'routine') : null;
    const noteInput = s.note ? this.checked(SessionNoteInputSchema, s.note, 'note') : null;
    const note: SessionNote | null = noteInput && !isEmptyNote(noteInput) ? { ...noteInput, text: noteInput.text.trim(), updatedAt: Math.round(s.startedAt) } : null;
    if ((s.dataKind === 'frames') !== (config !== null)) {
      throw new SessionStoreError('invalid', `a ${s.dataKind} session ${config ? 'must not have' : 'needs'} a sensor configuration`);
    }
    return this.run('starting a session', () => {
      const tx = this.db.transaction(() => {
        if (sensor) this.rememberSensor(sensor, s.startedAt);
        const info = this.stmt(
          `INSERT INTO sessions (started_at, utc_offset_min, source, sensor_id, sensor_name, sensor_kind, sensor_config, settings, engine_version, data_kind, origin, owner_pid, owner_lock, heartbeat_at, routine, content_hash, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          Math.round(s.startedAt),
          Math.round(s.utcOffsetMin),
          s.source,
          sensor?.id ?? null,
          sensor?.name ?? null,
          sensor?.kind ?? null,
          config ? JSON.stringify(config) : null,
          JSON.stringify(settings),
          s.engineVersion,
          s.dataKind,
          origin ? JSON.stringify(origin) : null,
          s.ownerPid,
          s.ownerLock ?? null,
          Math.round(s.startedAt),
          routine,
          s.contentHash ?? null,
          note ? JSON.stringify(note) : null,
        );
        return Number(info.lastInsertRowid);
      });
      return tx();
    });
  }

  /**
   * One flush of a live recording, in one transaction; also moves the session's heartbeat.
   * Throws 'not-found' (and writes nothing) when the session's row is gone.
   */
  appendBatches(id: number, write: BatchWrite, atMs: number, lastDataAt: number): void {
    this.run(`saving session ${id}`, () => {
      this.db.transaction(() => {
        const info = this.stmt('UPDATE sessions SET last_data_at = ?, heartbeat_at = ? WHERE id = ?').run(Math.round(lastDataAt), Math.round(atMs), id);
        if (info.changes === 0) throw sessionGoneError(id);
        this.insertBatches(id, write);
      })();
    });
  }

  /** Tells other processes that the recording of session `id` is alive; 'not-found' when its row is gone. */
  heartbeat(id: number, atMs: number): void {
    this.run(`updating session ${id}`, () => {
      if (this.stmt('UPDATE sessions SET heartbeat_at = ? WHERE id = ?').run(Math.round(atMs), id).changes === 0) throw sessionGoneError(id);
    });
  }

  finishSession(id: number, end: SessionEnd): StoredSession {
    const summary = end.summary === null ? null : this.checked(SessionFiguresSchema, end.summary, 'session summary');
    this.run(`ending session ${id}`, () => {
      const info = this.stmt('UPDATE sessions SET ended_at = ?, end_reason = ?, summary = ?, rolling_s = ?, warning_count = ?, owner_pid = NULL, owner_lock = NULL WHERE id = ?').run(
        Math.round(end.endedAt),
        end.endReason,
        summary ? JSON.stringify(summary) : null,
        summary?.rollingS ?? 0,
        summary?.warnings ?? 0,
        id,
      );
      if (info.changes === 0) throw sessionGoneError(id);
    });
    return this.getSession(id);
  }

  getSession(id: number): StoredSession {
    const s = this.findSession(id);
    if (!s) throw this.notFound(id);
    return s;
  }

  findSession(id: number): StoredSession | null {
    const row = this.run(`reading session ${id}`, () => this.stmt(`${SESSION_SELECT} WHERE id = ?`).get(id));
    return row === undefined ? null : this.parseSession(row);
  }

  listSessions(q: SessionQuery = {}): StoredSession[] {
    const rows = this.run('listing sessions', () =>
      this.stmt(`${SESSION_SELECT} WHERE started_at >= ? AND started_at < ? ORDER BY started_at ${q.order === 'oldest' ? 'ASC' : 'DESC'}, id LIMIT ?`).all(
        q.fromMs ?? -8.64e15,
        q.toMs ?? 8.64e15,
        q.limit ?? -1,
      ),
    );
    return rows.map((r) => this.parseSession(r));
  }

  /** Rolling time of the sessions started in [fromMs, toMs), s. */
  rollingTimeBetween(fromMs: number, toMs: number): number {
    const row = this.run('adding up rolling time', () => this.stmt('SELECT COALESCE(SUM(rolling_s), 0) AS s FROM sessions WHERE started_at >= ? AND started_at < ?').get(fromMs, toMs)) as {
      s: number;
    };
    return row.s;
  }

  /** When each session of this routine started at or after `fromMs` began, with its UTC offset, oldest first. */
  routineStarts(routine: RoutineKind, fromMs: number): { startedAt: number; utcOffsetMin: number }[] {
    const rows = this.run('counting routines', () =>
      this.stmt('SELECT started_at, utc_offset_min FROM sessions WHERE routine = ? AND started_at >= ? ORDER BY started_at').all(routine, Math.round(fromMs)),
    ) as { started_at: number; utc_offset_min: number }[];
    return rows.map((r) => ({ startedAt: r.started_at, utcOffsetMin: r.utc_offset_min }));
  }

  /** The ended session whose samples have this content hash (./content-hash.ts), the oldest if several; null when none. */
  findByContentHash(hash: string): StoredSession | null {
    const row = this.run('looking for the same recording', () => this.stmt(`${SESSION_SELECT} WHERE content_hash = ? AND ended_at IS NOT NULL ORDER BY id LIMIT 1`).get(hash));
    return row === undefined ? null : this.parseSession(row);
  }

  /** Ended sessions without a content hash that hold `samples` samples (stored count), oldest first. */
  unhashedSessionIds(samples: number): number[] {
    const rows = this.run('looking for sessions to recognise', () =>
      this.stmt(
        `SELECT id FROM sessions s WHERE content_hash IS NULL AND ended_at IS NOT NULL
           AND COALESCE((SELECT SUM(sample_count) FROM frame_batches WHERE session_id = s.id), 0)
             + COALESCE((SELECT SUM(sample_count) FROM sample_batches WHERE session_id = s.id), 0) = ?
         ORDER BY id`,
      ).all(samples),
    ) as { id: number }[];
    return rows.map((r) => r.id);
  }

  setContentHash(id: number, hash: string): void {
    if (!/^sha256:[0-9a-f]{64}$/.test(hash)) throw new SessionStoreError('invalid', `content hash: not sha256:<64 hex digits>`);
    this.run(`saving the content hash of session ${id}`, () => {
      if (this.stmt('UPDATE sessions SET content_hash = ? WHERE id = ?').run(hash, id).changes === 0) throw this.notFound(id);
    });
  }

  /**
   * Saves the user's note on a session (checked with SessionNoteInputSchema; the text trimmed),
   * or removes it when it says nothing. Returns the session as stored.
   */
  saveNote(id: number, input: SessionNoteInput, atMs: number): StoredSession {
    const n = this.checked(SessionNoteInputSchema, input, 'note');
    const note: SessionNote | null = isEmptyNote(n) ? null : { ...n, text: n.text.trim(), updatedAt: Math.round(atMs) };
    this.run(`saving the note of session ${id}`, () => {
      if (this.stmt('UPDATE sessions SET note = ? WHERE id = ?').run(note ? JSON.stringify(note) : null, id).changes === 0) throw this.notFound(id);
    });
    return this.getSession(id);
  }

  unfinishedSessions(): UnfinishedSession[] {
    const rows = this.run('looking for unfinished sessions', () =>
      this.stmt('SELECT id, started_at, last_data_at, heartbeat_at, owner_pid, owner_lock FROM sessions WHERE ended_at IS NULL ORDER BY id').all(),
    );
    return rows.map((r, i) => this.checked(UnfinishedRowSchema, r, `unfinished session ${i + 1}`));
  }

  /**
   * Deletes a session and all its data in one transaction (the space is reused, no VACUUM).
   * A session still being recorded is refused.
   */
  deleteSession(id: number): void {
    if (this.getSession(id).state === 'recording') throw new SessionStoreError('invalid', `session ${id} is being recorded right now; stop it first`);
    this.run(`deleting session ${id}`, () => {
      this.db.transaction(() => {
        for (const table of ['frame_batches', 'sample_batches', 'track_batches', 'events']) this.stmt(`DELETE FROM ${table} WHERE session_id = ?`).run(id);
        if (this.stmt('DELETE FROM sessions WHERE id = ?').run(id).changes === 0) throw this.notFound(id);
      })();
    });
    this.checkpoint();
  }

  /**
   * Erases everything the user stored: every session and its data, the profile with the
   * screening answers, and the known sensors; then rebuilds the file (VACUUM) and empties the
   * write-ahead log, so the erased data does not linger in free pages. Refused while a session
   * is being recorded.
   */
  eraseAll(): void {
    const recording = this.run('looking for sessions being recorded', () => this.stmt('SELECT id FROM sessions WHERE ended_at IS NULL LIMIT 1').get()) as { id: number } | undefined;
    if (recording) throw new SessionStoreError('invalid', `session ${recording.id} is being recorded right now; stop it first`);
    this.run('erasing all data', () => {
      this.db.transaction(() => {
        for (const table of ['frame_batches', 'sample_batches', 'track_batches', 'events', 'sessions', 'known_sensors', 'profile']) this.stmt(`DELETE FROM ${table}`).run();
      })();
      this.db.exec('VACUUM');
    });
    this.checkpoint('TRUNCATE');
  }

  // ---------- stored data ----------

  /** Stored frame batches of a session, in order, read lazily. */
  *frameBatches(id: number): Generator<{ seq: number; data: Uint8Array }> {
    yield* this.batches('frame_batches', id);
  }

  *sampleBatches(id: number): Generator<{ seq: number; data: Uint8Array }> {
    yield* this.batches('sample_batches', id);
  }

  *trackBatches(id: number): Generator<{ seq: number; data: Uint8Array }> {
    yield* this.batches('track_batches', id);
  }

  events(id: number): CoachEvent[] {
    const rows = this.run(`reading events of session ${id}`, () => this.stmt('SELECT t, kind, position_cm, detail FROM events WHERE session_id = ? ORDER BY t, id').all(id));
    return rows.map((r, i) => this.checked(EventRowSchema, r, `event ${i + 1} of session ${id}`));
  }

  counts(id: number): SessionCounts {
    return this.run(`counting data of session ${id}`, () => {
      const one = (sql: string) => this.stmt(sql).get(id) as { n: number | null; b: number | null };
      const f = one('SELECT SUM(frame_count) AS n, SUM(length(data)) AS b FROM frame_batches WHERE session_id = ?');
      const fs = one('SELECT SUM(sample_count) AS n, 0 AS b FROM frame_batches WHERE session_id = ?');
      const s = one('SELECT SUM(sample_count) AS n, SUM(length(data)) AS b FROM sample_batches WHERE session_id = ?');
      const t = one('SELECT SUM(point_count) AS n, SUM(length(data)) AS b FROM track_batches WHERE session_id = ?');
      const e = one('SELECT COUNT(*) AS n, 0 AS b FROM events WHERE session_id = ?');
      return {
        frames: f.n ?? 0,
        samples: (fs.n ?? 0) + (s.n ?? 0),
        trackPoints: t.n ?? 0,
        events: e.n ?? 0,
        blobBytes: (f.b ?? 0) + (s.b ?? 0) + (t.b ?? 0),
      };
    });
  }

  /** Replaces the stored track, events, summary and settings of a session in one transaction. */
  replaceAnalysis(id: number, a: AnalysisWrite): StoredSession {
    this.run(`saving the new analysis of session ${id}`, () => {
      this.db.transaction(() => {
        this.stmt('DELETE FROM track_batches WHERE session_id = ?').run(id);
        this.stmt('DELETE FROM events WHERE session_id = ?').run(id);
        this.writeAnalysisRow(id, a);
        for (const t of a.track) this.insertBatches(id, { track: t });
      })();
    });
    return this.getSession(id);
  }

  /**
   * A complete session written in one transaction (an import): either all of it is stored,
   * or nothing.
   */
  insertCompleteSession(s: NewSession, samples: readonly SpanBatchWrite[], analysis: AnalysisWrite, end: { endedAt: number; endReason: EndReason }): StoredSession {
    let id = 0;
    this.run('importing a session', () => {
      this.db.transaction(() => {
        id = this.createSession({ ...s, settings: analysis.settings, engineVersion: analysis.engineVersion });
        for (const b of samples) this.insertBatches(id, { samples: b });
        const last = samples.at(-1);
        if (last) this.stmt('UPDATE sessions SET last_data_at = ? WHERE id = ?').run(Math.round(end.endedAt), id);
        this.replaceAnalysis(id, analysis);
        this.finishSession(id, { ...end, summary: analysis.summary });
      })();
    });
    return this.getSession(id);
  }

  /**
   * A complete session written piece by piece in one transaction (a streamed import): `fill`
   * hands the samples and the track to `pieces` as it makes them and returns the rest of the
   * analysis. Either all of it is stored, or nothing: whatever `fill` throws undoes it all.
   */
  insertSessionInPieces(s: NewSession, fill: (pieces: SessionPieces) => Omit<AnalysisWrite, 'track'>, end: { endedAt: number; endReason: EndReason }): StoredSession {
    let id = 0;
    this.run('importing a session', () => {
      this.db.transaction(() => {
        id = this.createSession(s);
        let samples = 0;
        const analysis = fill({
          samples: (b) => {
            this.insertBatches(id, { samples: b });
            samples += b.count;
          },
          track: (b) => this.insertBatches(id, { track: b }),
        });
        if (samples > 0) this.stmt('UPDATE sessions SET last_data_at = ? WHERE id = ?').run(Math.round(end.endedAt), id);
        this.writeAnalysisRow(id, analysis);
        this.finishSession(id, { ...end, summary: analysis.summary });
      })();
    });
    return this.getSession(id);
  }

  /** Moves committed WAL pages into the database file (cheap; keeps the WAL small). */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
    this.run('checkpointing', () => this.db.pragma(`wal_checkpoint(${mode})`));
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Closing still checkpoints what it can; nothing is lost either way.
    }
    this.db.close();
  }

  // ---------- internals ----------

  private insertBatches(id: number, w: BatchWrite): void {
    const nextSeq = (table: string) => (this.stmt(`SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM ${table} WHERE session_id = ?`).get(id) as { n: number }).n;
    if (w.frames) {
      const f = w.frames;
      this.stmt('INSERT INTO frame_batches (session_id, seq, frame_count, sample_count, first_arrival_ms, last_arrival_ms, data) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id,
        nextSeq('frame_batches'),
        f.frameCount,
        f.sampleCount,
        Math.round(f.firstArrivalMs),
        Math.round(f.lastArrivalMs),
        f.blob,
      );
    }
    if (w.samples) {
      const s = w.samples;
      this.stmt('INSERT INTO sample_batches (session_id, seq, sample_count, t_first, t_last, data) VALUES (?, ?, ?, ?, ?, ?)').run(id, nextSeq('sample_batches'), s.count, s.tFirst, s.tLast, s.blob);
    }
    if (w.track) {
      const t = w.track;
      this.stmt('INSERT INTO track_batches (session_id, seq, point_count, t_first, t_last, data) VALUES (?, ?, ?, ?, ?, ?)').run(id, nextSeq('track_batches'), t.count, t.tFirst, t.tLast, t.blob);
    }
    if (w.events && w.events.length > 0) {
      const ins = this.stmt('INSERT INTO events (session_id, t, kind, position_cm, detail) VALUES (?, ?, ?, ?, ?)');
      for (const e of w.events) ins.run(id, e.t, e.kind, e.positionCm, e.detail);
    }
  }

  /** The settings, engine, summary and events of an analysis whose track is stored already. */
  private writeAnalysisRow(id: number, a: Omit<AnalysisWrite, 'track'>): void {
    const settings = this.checked(MotionSettingsSchema, a.settings, 'settings');
    const summary = this.checked(SessionFiguresSchema, a.summary, 'summary');
    a.events.forEach((e, i) => this.checked(CoachEventSchema, e, `event ${i + 1}`));
    const info = this.stmt('UPDATE sessions SET settings = ?, engine_version = ?, analyzed_at = ?, summary = ?, rolling_s = ?, warning_count = ? WHERE id = ?').run(
      JSON.stringify(settings),
      a.engineVersion,
      Math.round(a.analyzedAt),
      JSON.stringify(summary),
      summary.rollingS,
      summary.warnings,
      id,
    );
    if (info.changes === 0) throw this.notFound(id);
    this.insertBatches(id, { events: a.events });
  }

  private *batches(table: string, id: number): Generator<{ seq: number; data: Uint8Array }> {
    const rows = this.run(`reading ${table.replace('_', ' ')} of session ${id}`, () => this.stmt(`SELECT seq, data FROM ${table} WHERE session_id = ? ORDER BY seq`).all(id));
    for (const r of rows) yield this.checked(BatchRowSchema, r, `a row of ${table} of session ${id}`);
  }

  private parseSession(row: unknown): StoredSession {
    const id = (row as { id?: unknown }).id;
    const parsed = SessionRowSchema.safeParse(row);
    if (!parsed.success) throw new SessionStoreError('damaged', `session ${String(id)} is stored damaged: ${firstIssue(parsed.error)}`);
    return parsed.data;
  }

  private parseJson<T extends z.ZodType>(schema: T, text: string, what: string): z.output<T> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new SessionStoreError('damaged', `${what} is stored damaged: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new SessionStoreError('damaged', `${what} is stored damaged: ${firstIssue(parsed.error)}`);
    return parsed.data;
  }

  private checked<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new SessionStoreError('invalid', `${what}: ${firstIssue(parsed.error)}`);
    return parsed.data;
  }

  private notFound(id: number): SessionStoreError {
    return new SessionStoreError('not-found', `there is no session ${id}`);
  }

  private stmt(sql: string): Stmt {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private run<T>(doing: string, f: () => T): T {
    try {
      return f();
    } catch (err) {
      throw storeErrorFrom(err, doing);
    }
  }
}

const SESSION_SELECT = `SELECT id, started_at, utc_offset_min, ended_at, end_reason, source, sensor_id, sensor_name, sensor_kind, sensor_config, settings, engine_version, analyzed_at, summary, last_data_at, data_kind, origin, content_hash, note, routine FROM sessions`;
