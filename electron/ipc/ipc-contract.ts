/**
 * The one IPC contract between the main process and the renderer, for both hosts (Electron's
 * preload bridge and the local browser host). Every request, response and pushed event has a zod
 * schema here; the main side parses everything it receives, and types are inferred from the
 * schemas, never written twice.
 *
 * Channels are namespaced `roller:<group>.<name>`. Requests are request/response; events are
 * pushed from main and subscribed to (a subscription returns its unsubscribe function).
 * Live estimates travel in display-rate batches, never per sample.
 */
import { z } from 'zod';
import { SENSOR_ERRORS, SENSOR_STATES } from '../../sensor-protocol/gatt/sensor-status';
import { ADAPTER_STATES } from '../ble/adapter-state';
import { EVENT_KINDS } from '../motion/motion-types';
import { ZONES } from '../motion/spine-map';
import { IMPORT_MAX_BYTES } from '../session/import-limits';
import { SessionFiguresSchema } from '../motion/session-figures-schema';
import { ProfileSchema as StoredProfileSchema } from '../session/profile';

// ---------- shared pieces ----------

export const ZoneSchema = z.enum(ZONES);
export const CoachEventKindSchema = z.enum(EVENT_KINDS);

export const AdapterSchema = z.object({
  state: z.enum(ADAPTER_STATES),
  message: z.string(),
  fix: z.string(),
});

export const DeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['roller', 'witmotion']),
  rssiDbm: z.number(),
  batteryPercent: z.number().nullable(),
  remembered: z.boolean(),
});

export const ConnectionSchema = z.object({
  name: z.enum(['idle', 'scanning', 'connecting', 'streaming', 'reconnecting', 'lost']),
  deviceId: z.string().optional(),
  attempt: z.number().optional(),
  reason: z.string().optional(),
  /** 'ble' for a real sensor, 'simulated' for the simulated roller, 'replay' for a recording played back. */
  source: z.enum(['ble', 'simulated', 'replay']).nullable(),
  description: z.string().nullable(),
  batteryPercent: z.number().nullable(),
});

/** How the sources are doing: what they said, what they could not read, where samples went missing. */
export const SourceHealthSchema = z.object({
  /** The sources' latest notes for the user, oldest first ("Scanning failed: …", the link's description). */
  notes: z.array(z.string()),
  /** Of the active source (since it was made): samples delivered, frames refused, gaps, reconnects. */
  samples: z.number().int().nonnegative(),
  rejectedFrames: z.number().int().nonnegative(),
  /** Why the last frame was refused (null: none was). */
  lastRejected: z.string().nullable(),
  gaps: z.number().int().nonnegative(),
  reconnects: z.number().int().nonnegative(),
  /** The sensor's own status characteristic, as last notified (null: none, or not our sensor). */
  status: z.object({ state: z.enum(SENSOR_STATES), error: z.enum(SENSOR_ERRORS), firmwareVersion: z.string(), droppedSamples: z.number().int().nonnegative() }).nullable(),
});

/** The motion engine's counters (electron/motion/motion-engine.ts) for the running or last session. */
export const EngineCountersSchema = z.object({
  samples: z.number().int().nonnegative(),
  /** Samples whose time did not advance (dropped). */
  outOfOrder: z.number().int().nonnegative(),
  gaps: z.number().int().nonnegative(),
  accelRejected: z.number().int().nonnegative(),
});

export const SCREENING_QUESTIONS = [
  { id: 'herniated-disc', text: 'A herniated or slipped disc' },
  { id: 'osteoporosis', text: 'Osteoporosis or weak bones' },
  { id: 'spinal-instability', text: 'Spinal instability or spinal stenosis' },
  { id: 'recent-injury', text: 'A recent back or neck injury or operation' },
  { id: 'nerve-symptoms', text: 'Ongoing nerve pain, tingling, numbness or weakness' },
  { id: 'pregnancy', text: 'Pregnancy' },
  { id: 'inflammatory-joint', text: 'Inflammatory joint disease (such as ankylosing spondylitis or rheumatoid arthritis)' },
  { id: 'dizziness', text: 'Dizziness or loss of balance' },
] as const;
export type ScreeningQuestionId = (typeof SCREENING_QUESTIONS)[number]['id'];

export const ScreeningAnswersSchema = z.object({
  answers: z.record(z.enum(SCREENING_QUESTIONS.map((q) => q.id) as [ScreeningQuestionId, ...ScreeningQuestionId[]]), z.boolean()),
  /** The user read that the app is not medical advice. */
  acknowledgedNotMedicalAdvice: z.literal(true),
});

export const ScreeningSchema = ScreeningAnswersSchema.extend({
  answeredAt: z.string(),
  /** Any "yes": the app advises getting clearance first (the user may still go on). */
  needsClearance: z.boolean(),
});

/** The profile as the renderer sees it: the stored profile (session/profile.ts) without the screening. */
export const ProfileSchema = StoredProfileSchema.omit({ screening: true });
/**
 * A change to the profile: only the fields sent. (`.partial()` alone would keep each field's
 * default, and zod fills defaults in, so a patch of `{ units }` would reset everything else.)
 */
export const ProfilePatchSchema = z
  .object(
    Object.fromEntries(Object.entries(ProfileSchema.shape).map(([k, f]) => [k, (f instanceof z.ZodDefault ? f.unwrap() : f).optional()])) as {
      [K in keyof typeof ProfileSchema.shape]: z.ZodOptional<(typeof ProfileSchema.shape)[K] extends z.ZodDefault<infer T> ? T : (typeof ProfileSchema.shape)[K]>;
    },
  )
  .strict();

export const LivePointSchema = z.object({
  t: z.number(),
  positionCm: z.number(),
  speedInPerS: z.number(),
  zone: ZoneSchema,
  dwellS: z.number(),
  atRest: z.boolean(),
  gapBridged: z.boolean(),
});

export const CoachEventSchema = z.object({
  t: z.number(),
  kind: CoachEventKindSchema,
  positionCm: z.number(),
  detail: z.string(),
});

/**
 * Rolling time as main counts it (electron/motion/rolling-clock.ts): this session's, and today's
 * (the stored earlier sessions of the day + this one).
 */
export const RollingNowSchema = z.object({ rollingS: z.number(), todayRollingS: z.number() });

export const SessionStatusSchema = z.object({
  state: z.enum(['none', 'running', 'ended']),
  sessionId: z.number().nullable(),
  startedAt: z.string().nullable(),
  elapsedS: z.number(),
  /**
   * The session's figures so far (running) or as stored with it (ended), from main's one
   * accumulator (electron/motion/session-figures.ts); null before any session.
   */
  figures: SessionFiguresSchema.nullable(),
  /** Rolling time today: the stored earlier sessions of the day + this one's figure. */
  todayRollingS: z.number(),
  dailyBudgetS: z.number(),
  /** How it ended; 'not saved' when its end could not be stored (then `saveProblem` says why). */
  endReason: z.string().nullable(),
  /** Set when the ended session, or part of it, could not be saved: what to tell the user. */
  saveProblem: z.string().nullable(),
});

export const CalibrationStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  step: z.enum(['roll-up', 'hold-top', 'roll-down', 'hold-bottom', 'done']).nullable(),
  heldS: z.number(),
  positionCm: z.number().nullable(),
  neckAboveCm: z.number().nullable(),
  lumbarBelowCm: z.number().nullable(),
  message: z.string().nullable(),
});

export const AppSnapshotSchema = z.object({
  host: z.enum(['electron', 'browser']),
  screening: ScreeningSchema.nullable(),
  profile: ProfileSchema,
  adapter: AdapterSchema,
  devices: z.array(DeviceSchema),
  connection: ConnectionSchema,
  source: SourceHealthSchema,
  /** The engine's counters for the running session, else the last one's (null: no session yet). */
  engine: EngineCountersSchema.nullable(),
  session: SessionStatusSchema,
  calibration: CalibrationStatusSchema,
  /** Problems the user should see (a damaged database kept aside, …). */
  notices: z.array(z.string()),
  /** Scenarios the simulated roller can play (`sensors.useSimulated`). */
  simulatedScenarios: z.array(z.string()),
  /** Where the user's data lives on this computer (shown in Settings); `logFile`: the support log (null: none). */
  storage: z.object({ dataFolder: z.string().nullable(), exportFolder: z.string(), logFile: z.string().nullable() }),
});

// ---------- past sessions (review and history) ----------

const ZoneTimesSchema = z.record(ZoneSchema, z.number());
const WarningCountsSchema = z.record(CoachEventKindSchema, z.number());

/** A session's figures: the one schema of electron/motion/session-figures-schema.ts. */
export { SessionFiguresSchema };

export const PastSessionSchema = z.object({
  id: z.number().int(),
  /** Start, ISO 8601 (UTC), and the local day it belongs to. */
  startedAt: z.string(),
  day: z.string(),
  endReason: z.string().nullable(),
  source: z.string(),
  sensorName: z.string().nullable(),
  /** The figures stored with the session (null: nothing was stored). */
  summary: SessionFiguresSchema.nullable(),
});

export const HistorySchema = z.object({
  sessions: z.array(PastSessionSchema),
  days: z.array(
    z.object({
      day: z.string(),
      sessionIds: z.array(z.number().int()),
      rollingS: z.number(),
      budgetS: z.number(),
      overBudget: z.boolean(),
      zoneTimeS: ZoneTimesSchema,
      warnings: WarningCountsSchema,
      stoppedForPain: z.number(),
      interrupted: z.number(),
    }),
  ),
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      sessions: z.number(),
      activeDays: z.number(),
      rollingS: z.number(),
      withinLimitShare: z.number().nullable(),
      warningsPerSession: z.number(),
    }),
  ),
});

/** One session for the review screen: its settings, a decimated track in columns, every event. */
export const SessionReviewSchema = z.object({
  session: PastSessionSchema,
  settings: z.object({
    rollerDiameterIn: z.number(),
    speedLimitInPerS: z.number(),
    dwellNudgeS: z.number(),
    dwellLimitS: z.number(),
    neckAboveCm: z.number(),
    lumbarBelowCm: z.number(),
  }),
  track: z.object({
    t: z.array(z.number()),
    positionCm: z.array(z.number()),
    speedInPerS: z.array(z.number()),
    zone: z.array(ZoneSchema),
    atRest: z.array(z.boolean()),
    gapBridged: z.array(z.boolean()),
    accelRejected: z.array(z.boolean()),
    axisConfidence: z.array(z.number()),
  }),
  events: z.array(CoachEventSchema),
  /** Seconds spent in each 1-inch position bin over the whole (undecimated) track. */
  dwell: z.object({
    binCm: z.number().positive(),
    firstBinCm: z.number(),
    seconds: z.array(z.number().nonnegative()),
  }),
});

// ---------- managing past sessions: export, import, re-analysis, delete ----------

/** Largest chart image an export takes (base64 of a PNG). */
export const MAX_CHART_PNG_BASE64 = 12_000_000;
/** Import uploads travel in chunks of at most this many characters… */
export const MAX_IMPORT_CHUNK_CHARS = 1_048_576;
/** …from a file of at most this many bytes (the import's own limit, electron/session/import-limits.ts). */
export const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES;
/** Largest recording a replay takes, characters of CSV text (about 30 minutes at 100 Hz). */
export const MAX_REPLAY_CHARS = 8_000_000;

export const ExportResultSchema = z.object({
  folder: z.string(),
  files: z.array(z.object({ kind: z.enum(['csv', 'json', 'png']), name: z.string(), path: z.string() })),
  samples: z.number().int().nonnegative(),
});

export const ImportResultSchema = z.object({
  session: PastSessionSchema,
  samples: z.number().int().nonnegative(),
  /** The reader's notes on the file (e.g. a misspelt metadata key); the import went ahead. */
  warnings: z.array(z.string()),
});

export const ReanalysisResultSchema = z.object({
  session: PastSessionSchema,
  before: z.object({ summary: SessionFiguresSchema.nullable(), events: z.number().int(), engineVersion: z.string() }),
  after: z.object({ events: z.number().int(), engineVersion: z.string() }),
  samples: z.number().int().nonnegative(),
});

/** Progress of a slow task in main (writing an export), pushed as it goes. */
export const TaskProgressSchema = z.object({
  task: z.enum(['export']),
  sessionId: z.number().int().nullable(),
  /** 0…1, or null while the amount of work is not known. */
  fraction: z.number().min(0).max(1).nullable(),
  message: z.string(),
});

// ---------- requests ----------

const req = <P extends z.ZodType, R extends z.ZodType>(params: P, result: R) => ({ params, result });
const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const REQUESTS = {
  'app.snapshot': req(none, AppSnapshotSchema),
  'screening.submit': req(ScreeningAnswersSchema, ScreeningSchema),
  'profile.update': req(ProfilePatchSchema, ProfileSchema),
  'sensors.scan': req(z.object({ on: z.boolean() }).strict(), ok),
  'sensors.connect': req(z.object({ id: z.string().min(1).max(200) }).strict(), ok),
  'sensors.useSimulated': req(z.object({ scenario: z.string().min(1).max(80).optional() }).strict(), ok),
  /** Plays a recording (its CSV text) through the live path as a sensor would stream it, `speed` times as fast. */
  'sensors.useReplay': req(z.object({ fileName: z.string().min(1).max(255), text: z.string().min(1).max(MAX_REPLAY_CHARS), speed: z.number().min(0.1).max(100).optional() }).strict(), ok),
  'sensors.disconnect': req(none, ok),
  'sensors.forget': req(none, ok),
  'sensors.identify': req(none, ok),
  'calibration.start': req(none, CalibrationStatusSchema),
  'calibration.cancel': req(none, CalibrationStatusSchema),
  'calibration.accept': req(none, ProfileSchema),
  'session.start': req(none, SessionStatusSchema),
  'session.stop': req(z.object({ reason: z.enum(['completed', 'stopped: pain']) }).strict(), SessionStatusSchema),
  'history.get': req(z.object({ days: z.number().int().min(1).max(3660).optional() }).strict(), HistorySchema),
  'review.get': req(z.object({ id: z.number().int().positive() }).strict(), SessionReviewSchema),
  /** Writes the session's recording CSV, JSON summary and (given one) chart image to the export folder. */
  'sessions.export': req(
    z
      .object({
        id: z.number().int().positive(),
        chartPngBase64: z
          .string()
          .max(MAX_CHART_PNG_BASE64)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
          .optional(),
      })
      .strict(),
    ExportResultSchema,
  ),
  /** An import starts: the file's name and size in bytes; answers the upload's id. */
  'import.begin': req(z.object({ fileName: z.string().min(1).max(255), bytes: z.number().int().min(1).max(MAX_IMPORT_BYTES) }).strict(), z.object({ uploadId: z.string() })),
  /** The next piece of the file's text, in order. */
  'import.chunk': req(
    z.object({ uploadId: z.string().min(1).max(64), index: z.number().int().nonnegative(), text: z.string().max(MAX_IMPORT_CHUNK_CHARS) }).strict(),
    z.object({ received: z.number().int() }),
  ),
  /** All `pieces` sent: the recording is read, analysed with the current settings and stored. */
  'import.finish': req(z.object({ uploadId: z.string().min(1).max(64), pieces: z.number().int().nonnegative() }).strict(), ImportResultSchema),
  'import.cancel': req(z.object({ uploadId: z.string().min(1).max(64) }).strict(), ok),
  /** Runs the current engine over the session's raw data again, with the current settings. */
  'sessions.reanalyze': req(z.object({ id: z.number().int().positive() }).strict(), ReanalysisResultSchema),
  /** Removes the session and all its data for good (the renderer asks the user first). */
  'sessions.delete': req(z.object({ id: z.number().int().positive() }).strict(), ok),
  /** Erases every session, the profile with the screening answers, and the remembered sensor. */
  'data.eraseAll': req(z.object({ confirm: z.literal('erase everything') }).strict(), ok),
} as const;

export type RequestName = keyof typeof REQUESTS;
export type RequestParams<N extends RequestName> = z.input<(typeof REQUESTS)[N]['params']>;
export type RequestResult<N extends RequestName> = z.output<(typeof REQUESTS)[N]['result']>;

// ---------- events pushed from main ----------

export const EVENTS = {
  snapshot: AppSnapshotSchema,
  /** Track points since the last batch, sent at display rate (~20 Hz), with the rolling time after them (null: no session runs). */
  live: z.object({ points: z.array(LivePointSchema), rolling: RollingNowSchema.nullable() }),
  coach: CoachEventSchema,
  session: SessionStatusSchema,
  calibration: CalibrationStatusSchema,
  progress: TaskProgressSchema,
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<N extends EventName> = z.output<(typeof EVENTS)[N]>;

export const channelOf = (name: RequestName | EventName, kind: 'request' | 'event') => `roller:${kind}:${name}`;

/** The API the renderer sees (`window.roller` in Electron, the WebSocket bridge in a browser). */
export interface RollerApi {
  request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>>;
  subscribe<N extends EventName>(name: N, fn: (payload: EventPayload<N>) => void): () => void;
}

export type Profile = z.output<typeof ProfileSchema>;
export type AppSnapshot = z.output<typeof AppSnapshotSchema>;
export type LivePoint = z.output<typeof LivePointSchema>;
export type SessionStatus = z.output<typeof SessionStatusSchema>;
export type RollingNow = z.output<typeof RollingNowSchema>;
export type { SessionFigures } from '../motion/session-figures-schema';
export type CalibrationStatus = z.output<typeof CalibrationStatusSchema>;
export type Screening = z.output<typeof ScreeningSchema>;
export type ScreeningAnswers = z.output<typeof ScreeningAnswersSchema>;
export type Device = z.output<typeof DeviceSchema>;
export type Connection = z.output<typeof ConnectionSchema>;
export type SourceHealth = z.output<typeof SourceHealthSchema>;
export type EngineCountersMessage = z.output<typeof EngineCountersSchema>;
export type AdapterInfo = z.output<typeof AdapterSchema>;
export type CoachEventMessage = z.output<typeof CoachEventSchema>;
export type PastSession = z.output<typeof PastSessionSchema>;
export type History = z.output<typeof HistorySchema>;
export type SessionReview = z.output<typeof SessionReviewSchema>;
export type ExportResult = z.output<typeof ExportResultSchema>;
export type ImportResult = z.output<typeof ImportResultSchema>;
export type ReanalysisResult = z.output<typeof ReanalysisResultSchema>;
export type TaskProgress = z.output<typeof TaskProgressSchema>;

/** Parses a request's params; a clear error naming the request and the field on failure. */
export function parseRequest<N extends RequestName>(name: string, params: unknown): { ok: true; name: N; params: RequestParams<N> } | { ok: false; error: string } {
  if (!Object.hasOwn(REQUESTS, name)) return { ok: false, error: `unknown request "${name}"` };
  const parsed = REQUESTS[name as RequestName].params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${name}: ${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, name: name as N, params: parsed.data as RequestParams<N> };
}

// ---------- the browser host's wire format (WebSocket, JSON text frames) ----------

/**
 * The browser host serves the renderer at `http://127.0.0.1:<port>/?token=<token>` and the API at
 * `ws://127.0.0.1:<port>/api?token=<token>`; a connection without the run's token is refused.
 */
export const WireFromRendererSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  params: z.unknown(),
});
export type WireFromRenderer = z.output<typeof WireFromRendererSchema>;

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export const WireFromMainSchema = z.union([
  z.object({ kind: z.literal('response'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number().int(), ok: z.literal(false), error: z.string() }),
  z.object({ kind: z.literal('event'), name: z.enum(EVENT_NAMES as [EventName, ...EventName[]]), payload: z.unknown() }),
]);
export type WireFromMain = z.output<typeof WireFromMainSchema>;

export const BROWSER_HOST_API_PATH = '/api';
