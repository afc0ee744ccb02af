/**
 * What the store keeps about a session, as zod schemas: every row and JSON column read back
 * from the database is parsed with these, and everything written is checked with them first.
 */
import { z } from 'zod';
import { SensorConfigSchema } from '../../sensor-protocol/gatt/sensor-config';
import { SENSOR_KINDS } from '../ble/sensor-kinds';
import { MotionSettingsSchema } from '../motion/motion-settings';
import { EVENT_KINDS, type CoachEvent } from '../motion/motion-types';
import { SessionFiguresSchema } from '../motion/session-figures-schema';
import { SessionNoteSchema } from './session-note';
import { RoutineKindSchema } from './routine-kind';

/** Where the samples came from (the recording CSV's `source` values). */
export const SESSION_SOURCES = ['ble', 'simulator', 'replay', 'import'] as const;
export type SessionSource = (typeof SESSION_SOURCES)[number];

/** How a recorded session can end. */
export const FINISH_REASONS = ['completed', 'stopped', 'stopped: pain', 'sensor lost'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];
/** Plus `interrupted`: the app ended without finishing the session (crash, killed, power). */
export const END_REASONS = [...FINISH_REASONS, 'interrupted'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** `frames`: raw protocol frames are stored; `samples`: decoded samples (no frames exist). */
export const DATA_KINDS = ['frames', 'samples'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const SensorRefSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  kind: z.enum(SENSOR_KINDS),
});
export type SensorRef = z.output<typeof SensorRefSchema>;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const CoachEventSchema = z.object({
  t: finite,
  kind: z.enum(EVENT_KINDS),
  positionCm: finite,
  detail: z.string().max(500),
}) satisfies z.ZodType<CoachEvent>;

/** Where an imported session came from. */
export const ImportOriginSchema = z.object({
  fileName: z.string().max(1000),
  /** The recording's `# key=value` metadata. */
  metadata: z.record(z.string(), z.string()),
});
export type ImportOrigin = z.output<typeof ImportOriginSchema>;

/** A JSON text column holding `schema`. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const epochMs = z.number().int();

/** A `sessions` row as SQLite returns it, parsed into its stored meaning. */
export const SessionRowSchema = z
  .object({
    id: z.number().int().positive(),
    started_at: epochMs,
    utc_offset_min: z.number().int().min(-900).max(900),
    ended_at: epochMs.nullable(),
    end_reason: z.enum(END_REASONS).nullable(),
    source: z.enum(SESSION_SOURCES),
    sensor_id: z.string().nullable(),
    sensor_name: z.string().nullable(),
    sensor_kind: z.enum(SENSOR_KINDS).nullable(),
    sensor_config: jsonText(SensorConfigSchema).nullable(),
    settings: jsonText(MotionSettingsSchema),
    engine_version: z.string(),
    analyzed_at: epochMs.nullable(),
    summary: jsonText(SessionFiguresSchema).nullable(),
    last_data_at: epochMs.nullable(),
    data_kind: z.enum(DATA_KINDS),
    origin: jsonText(ImportOriginSchema).nullable(),
    content_hash: z.string().nullable(),
    note: jsonText(SessionNoteSchema).nullable(),
    /** A routine this version does not know reads as a free session rather than hiding the row. */
    routine: RoutineKindSchema.nullable().catch(null),
  })
  .transform((r) => ({
    id: r.id,
    /** Wall-clock start, ms since 1970. */
    startedAt: r.started_at,
    /** The local time offset from UTC at the start, minutes (e.g. +60 for CET). */
    utcOffsetMin: r.utc_offset_min,
    /** Wall-clock end, ms since 1970; null while recording. */
    endedAt: r.ended_at,
    endReason: r.end_reason,
    state: r.ended_at === null ? ('recording' as const) : ('ended' as const),
    source: r.source,
    sensor: r.sensor_kind !== null && r.sensor_id !== null ? { id: r.sensor_id, name: r.sensor_name ?? '', kind: r.sensor_kind } : null,
    sensorConfig: r.sensor_config,
    settings: r.settings,
    engineVersion: r.engine_version,
    /** When the stored track, events and summary were last computed (null: recorded live). */
    analyzedAt: r.analyzed_at,
    summary: r.summary,
    lastDataAt: r.last_data_at,
    dataKind: r.data_kind,
    origin: r.origin,
    /** The samples' hash (./content-hash.ts); null until computed for a session stored before schema 5. */
    contentHash: r.content_hash,
    /** The user's note (./session-note.ts), or null. */
    note: r.note,
    /** The guided routine it ran (./routine-kind.ts), null for a free session. */
    routine: r.routine,
  }));
export type StoredSession = z.output<typeof SessionRowSchema>;

export const EventRowSchema = z
  .object({ t: finite, kind: z.enum(EVENT_KINDS), position_cm: finite, detail: z.string() })
  .transform((r): CoachEvent => ({ t: r.t, kind: r.kind, positionCm: r.position_cm, detail: r.detail }));

export const BatchRowSchema = z.object({ seq: z.number().int().min(0), data: z.instanceof(Uint8Array) });

/** The first problem of a failed parse, as "path: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.length > 0 ? issue.path.join('.') : 'value'}: ${issue.message}`;
}
