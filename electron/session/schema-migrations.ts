/**
 * The one owner of the database schema: an ordered list of versioned steps. Each step runs in
 * its own transaction together with the bump of `PRAGMA user_version`, so a database is always
 * at exactly one version; `PRAGMA application_id` marks the file as ours.
 *
 * | version | what it adds |
 * |---|---|
 * | 1 | profile, known sensors, sessions, raw frame batches, track batches, events |
 * | 2 | sessions without protocol frames: `sample_batches`, `sessions.data_kind`, `sessions.origin` (imports) |
 * | 3 | `sessions.owner_lock`: the recording process's lock (./recording-lock.ts) |
 * | 4 | stored summaries take the session figures' shape (electron/motion/session-figures-schema.ts): `warnings` and `excursions` added to `sessions.summary`, `warning_count` kept equal to `warnings` |
 * | 5 | `sessions.content_hash` (the samples' hash, ./content-hash.ts: an import of a recording already stored is recognised) and `sessions.note` (the user's note, JSON of ./session-note.ts) |
 * | 6 | `sessions.routine`: the guided routine a session ran (./routine-kind.ts), null for a free session |
 *
 * Times are ms since 1970 (UTC) unless the column says `t` (sensor time, s). JSON columns hold
 * the zod-validated records of ./session-records.ts and ./profile.ts; blobs the layouts of
 * ./frame-batch-codec.ts, ./sample-batch-codec.ts and ./track-batch-codec.ts.
 * Add a step to change the schema; never edit a released one.
 */
import type Database from 'better-sqlite3';
import { SessionStoreError } from './store-error';

/** "ROLL": marks the file as a Roller Companion session database. */
export const APPLICATION_ID = 0x524f4c4c;

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'profile, known sensors, sessions, frame batches, track batches, events',
    sql: `
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE known_sensors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        first_seen_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at INTEGER NOT NULL,
        utc_offset_min INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT,
        source TEXT NOT NULL,
        sensor_id TEXT,
        sensor_name TEXT,
        sensor_kind TEXT,
        sensor_config TEXT,
        settings TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        analyzed_at INTEGER,
        summary TEXT,
        rolling_s REAL NOT NULL DEFAULT 0,
        warning_count INTEGER NOT NULL DEFAULT 0,
        last_data_at INTEGER,
        heartbeat_at INTEGER,
        owner_pid INTEGER
      );
      CREATE INDEX sessions_by_start ON sessions (started_at);
      CREATE TABLE frame_batches (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        frame_count INTEGER NOT NULL,
        sample_count INTEGER NOT NULL,
        first_arrival_ms INTEGER NOT NULL,
        last_arrival_ms INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE track_batches (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        point_count INTEGER NOT NULL,
        t_first REAL NOT NULL,
        t_last REAL NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        t REAL NOT NULL,
        kind TEXT NOT NULL,
        position_cm REAL NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX events_by_session ON events (session_id, t);
    `,
  },
  {
    version: 2,
    description: 'sessions without protocol frames (imports, WitMotion): sample batches, data kind, import origin',
    sql: `
      ALTER TABLE sessions ADD COLUMN data_kind TEXT NOT NULL DEFAULT 'frames';
      ALTER TABLE sessions ADD COLUMN origin TEXT;
      CREATE TABLE sample_batches (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        sample_count INTEGER NOT NULL,
        t_first REAL NOT NULL,
        t_last REAL NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
    `,
  },
  {
    version: 3,
    description: "the recording process's lock, which the OS holds while it lives (frozen or not)",
    sql: `
      ALTER TABLE sessions ADD COLUMN owner_lock TEXT;
    `,
  },
  {
    version: 4,
    description: 'stored summaries in the shape of the session figures: coaching warnings and excursions past the lines',
    // What the stored counts give exactly: warnings = every event but the time-budget reminder,
    // one excursion per lumbar / neck warning. How deep an older session went is not stored
    // (null) until it is re-analysed. A summary that is not valid JSON is left for the reader to
    // report as damaged.
    sql: `
      UPDATE sessions SET summary = json_set(summary,
          '$.warnings',
            COALESCE(json_extract(summary, '$.eventCounts."too-fast"'), 0)
            + COALESCE(json_extract(summary, '$.eventCounts."dwell-nudge"'), 0)
            + COALESCE(json_extract(summary, '$.eventCounts."dwell-limit"'), 0)
            + COALESCE(json_extract(summary, '$.eventCounts.lumbar'), 0)
            + COALESCE(json_extract(summary, '$.eventCounts.neck'), 0),
          '$.excursions', json_object(
            'lumbar', json_object('count', COALESCE(json_extract(summary, '$.eventCounts.lumbar'), 0), 'deepestCm', NULL),
            'neck', json_object('count', COALESCE(json_extract(summary, '$.eventCounts.neck'), 0), 'deepestCm', NULL)))
        WHERE summary IS NOT NULL AND json_valid(summary) AND json_type(summary) = 'object' AND json_type(summary, '$.warnings') IS NULL;
      UPDATE sessions SET warning_count = json_extract(summary, '$.warnings')
        WHERE summary IS NOT NULL AND json_valid(summary) AND json_type(summary) = 'object' AND json_type(summary, '$.warnings') = 'integer';
    `,
  },
  {
    version: 5,
    description: "the samples' content hash (an import recognises a recording already stored) and the user's note on a session",
    // Sessions stored before have no hash (NULL): it is computed from their stored samples when
    // first needed (an import of the same sample count, an export) and kept.
    sql: `
      ALTER TABLE sessions ADD COLUMN content_hash TEXT;
      ALTER TABLE sessions ADD COLUMN note TEXT;
      CREATE INDEX sessions_by_content_hash ON sessions (content_hash) WHERE content_hash IS NOT NULL;
    `,
  },
  {
    version: 6,
    description: 'the guided routine a session ran (null: a free session)',
    sql: `
      ALTER TABLE sessions ADD COLUMN routine TEXT;
      CREATE INDEX sessions_by_routine ON sessions (routine, started_at);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables and the columns the code relies on, at the latest version. */
export const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  profile: ['id', 'json', 'updated_at'],
  known_sensors: ['id', 'name', 'kind', 'first_seen_at', 'last_used_at'],
  sessions: [
    'id',
    'started_at',
    'utc_offset_min',
    'ended_at',
    'end_reason',
    'source',
    'sensor_id',
    'sensor_name',
    'sensor_kind',
    'sensor_config',
    'settings',
    'engine_version',
    'analyzed_at',
    'summary',
    'rolling_s',
    'warning_count',
    'last_data_at',
    'heartbeat_at',
    'owner_pid',
    'data_kind',
    'origin',
    'owner_lock',
    'content_hash',
    'note',
    'routine',
  ],
  frame_batches: ['session_id', 'seq', 'frame_count', 'sample_count', 'first_arrival_ms', 'last_arrival_ms', 'data'],
  sample_batches: ['session_id', 'seq', 'sample_count', 't_first', 't_last', 'data'],
  track_batches: ['session_id', 'seq', 'point_count', 't_first', 't_last', 'data'],
  events: ['id', 'session_id', 't', 'kind', 'position_cm', 'detail'],
};

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to `target` (the latest by default), one transaction per step.
 * Returns the version it started from. A newer database than this code knows is refused.
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): number {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) {
    throw new SessionStoreError(
      'newer-version',
      `The session database is at schema version ${from}, made by a newer version of Roller Companion (this one knows up to ${SCHEMA_VERSION}). Update the app; the file was left untouched.`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= from || step.version > target) continue;
    db.transaction(() => {
      if (step.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return from;
}

/** Names of required tables or columns that are missing (empty when the schema is complete). */
export function missingSchemaParts(db: Database.Database): string[] {
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(REQUIRED_COLUMNS)) {
    const have = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    if (have.size === 0) {
      missing.push(`table ${table}`);
      continue;
    }
    for (const c of columns) if (!have.has(c)) missing.push(`column ${table}.${c}`);
  }
  return missing;
}
