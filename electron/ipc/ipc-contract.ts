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
import { ProfileSchema as StoredProfileSchema, SAMPLE_RATE_CHOICES_HZ } from '../session/profile';
import { RoutineKindSchema } from '../session/routine-kind';
import { SessionNoteInputSchema, SessionNoteSchema } from '../session/session-note';
import { SessionComparisonSchema } from '../session/session-comparison';

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

// ---------- the Sensor check screen and the support report ----------

export { SAMPLE_RATE_CHOICES_HZ };
export const SampleRateChoiceSchema = z.union([z.literal(SAMPLE_RATE_CHOICES_HZ[0]), z.literal(SAMPLE_RATE_CHOICES_HZ[1])]);

/** The newest raw samples in columns (electron/sources/link-meter.ts): time before the newest sample, s (≤ 0); g; °/s. */
export const RawColumnsSchema = z.object({
  t: z.array(z.number()),
  ax: z.array(z.number()),
  ay: z.array(z.number()),
  az: z.array(z.number()),
  gx: z.array(z.number()),
  gy: z.array(z.number()),
  gz: z.array(z.number()),
});

/**
 * The connected sensor as the Sensor check screen shows it. Figures computed in main, once:
 * the link's by electron/sources/link-meter.ts, the counters by the source (as in `source`),
 * the axis by the motion engine.
 */
export const SensorCheckSchema = z.object({
  /** A source is chosen and streaming (or reconnecting). */
  connected: z.boolean(),
  sensor: z
    .object({
      name: z.string(),
      kind: z.enum(['roller', 'witmotion', 'simulated', 'replay']),
      firmwareVersion: z.string().nullable(),
      batteryPercent: z.number().nullable(),
    })
    .nullable(),
  rate: z.object({
    /** What the app asks of the sensor (a recording: its own rate × the play speed), Hz. */
    askedHz: z.number().nullable(),
    /** What the sensor said it runs at, Hz. */
    sensorHz: z.number().nullable(),
    /** Samples per second received over the last seconds (null: not enough yet). */
    measuredHz: z.number().nullable(),
    /** The choices this sensor offers (empty: none, a recording). */
    choicesHz: z.array(SampleRateChoiceSchema),
    /** The rate the user chose (kept in the profile), or the app's default. */
    chosenHz: z.number(),
  }),
  link: z.object({
    frames: z.number().int().nonnegative(),
    lostFrames: z.number().int().nonnegative(),
    /** Frames lost on a live link, % of frames sent (null: frames without sequence numbers). */
    lostPercent: z.number().min(0).max(100).nullable(),
    samples: z.number().int().nonnegative(),
    gaps: z.number().int().nonnegative(),
    reconnects: z.number().int().nonnegative(),
    /** From a notification reaching the app to its samples through the engine, ms (null: none timed). */
    processingMs: z.object({ median: z.number().nonnegative(), p95: z.number().nonnegative() }).nullable(),
    /** Signal strength readings, oldest first: seconds before now (≤ 0) and dBm. */
    rssi: z.array(z.object({ tS: z.number(), dbm: z.number() })),
  }),
  axis: z.object({
    /** Which engine found it: the running session's, or the check's own on every sample since the sensor connected. */
    from: z.enum(['session', 'check']),
    found: z.boolean(),
    /** The sensor axis the roller's axis lies along, and how closely (1: exactly). */
    sensorAxis: z.enum(['x', 'y', 'z']).nullable(),
    alignment: z.number().min(0).max(1).nullable(),
    confidence: z.number().min(0).max(1),
  }),
  raw: RawColumnsSchema,
  technical: z.object({
    mtu: z.number().nullable(),
    samplesPerFrame: z.number().nullable(),
    accelRangeG: z.number().nullable(),
    gyroRangeDps: z.number().nullable(),
    clock: z.enum(['sensor', 'host']).nullable(),
    refusedFrames: z.number().int().nonnegative(),
    lastRefused: z.string().nullable(),
    sensorState: z.enum(SENSOR_STATES).nullable(),
    sensorError: z.enum(SENSOR_ERRORS).nullable(),
    droppedBySensor: z.number().int().nonnegative().nullable(),
    engine: EngineCountersSchema.nullable(),
  }),
});

/** Everything a support report holds (the renderer writes it as plain text). */
export const DiagnosticsSchema = z.object({
  createdAt: z.string(),
  app: z.object({ version: z.string(), host: z.enum(['electron', 'browser']) }),
  system: z.object({ os: z.string(), arch: z.string(), runtime: z.string() }),
  adapter: AdapterSchema,
  connection: ConnectionSchema,
  check: SensorCheckSchema,
  /** The sources' latest notes, oldest first. */
  notes: z.array(z.string()),
  /** The support log's newest lines (empty when the app keeps none). */
  logLines: z.array(z.string()),
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
/** What `profile.update` may change: all but the sample rate, which `sensors.setSampleRate` sets (and applies). */
const PatchableProfileSchema = ProfileSchema.omit({ sampleRateHz: true });
/**
 * A change to the profile: only the fields sent. (`.partial()` alone would keep each field's
 * default, and zod fills defaults in, so a patch of `{ units }` would reset everything else.)
 */
export const ProfilePatchSchema = z
  .object(
    Object.fromEntries(Object.entries(PatchableProfileSchema.shape).map(([k, f]) => [k, (f instanceof z.ZodDefault ? f.unwrap() : f).optional()])) as {
      [K in keyof typeof PatchableProfileSchema.shape]: z.ZodOptional<(typeof PatchableProfileSchema.shape)[K] extends z.ZodDefault<infer T> ? T : (typeof PatchableProfileSchema.shape)[K]>;
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

/**
 * What the voice guide says (the renderer words it, renderer/features/live/voice-prompt-text.ts).
 * Sent by main (electron/app/hands-free-machine.ts, electron/app/routine-pacer.ts,
 * electron/app/free-session-guide.ts) as it happens.
 */
export const VOICE_PROMPT_KINDS = [
  'armed',
  'started',
  'paused',
  'resumed',
  'release-position',
  'area',
  'time-left',
  'release-done',
  'extension-position',
  'extension-lean',
  'extension-hold',
  'extension-return',
  'extension-done',
  'keep-still',
  'next-area',
  'areas-covered',
  'today-left',
  'budget-used',
] as const;
export const VoicePromptSchema = z.object({
  kind: z.enum(VOICE_PROMPT_KINDS),
  /** `time-left`: seconds left in the routine; `today-left`: seconds of today's budget left. */
  seconds: z.number().int().nonnegative().optional(),
  /** `extension-lean`: this repetition (from 1) of `reps`. */
  rep: z.number().int().positive().optional(),
  reps: z.number().int().positive().optional(),
  /** `area`, `next-area`: the part of the back to roll now. */
  area: z.enum(['upper-back', 'mid-back']).optional(),
});

export { RoutineKindSchema };

/** A hands-free session: armed (waiting for rolling), rolling, or paused (the roller rests). */
export const HandsFreeStatusSchema = z.object({
  phase: z.enum(['armed', 'rolling', 'paused']),
  /** Seconds spent rolling since it started (pauses left out). */
  activeS: z.number(),
});

/** A guided routine in progress. */
export const RoutineStatusSchema = z.object({
  kind: RoutineKindSchema,
  step: z.enum(['position', 'rolling', 'lean', 'hold', 'return', 'rest', 'done']),
  /** The repetition under way (from 1) and how many (extension); null for the release. */
  rep: z.number().int().positive().nullable(),
  reps: z.number().int().positive().nullable(),
  /** Seconds left in the routine (the release counts rolling time only). */
  leftS: z.number().nonnegative(),
});

/** How often a routine was done lately (electron/session/routine-tally.ts). */
export const RoutineTallySchema = z.object({ lastWeek: z.number().int().nonnegative(), mostInOneDay: z.number().int().nonnegative(), manyTimesADay: z.boolean() });

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
  /** A hands-free session's phase (absent or null: started and stopped by hand). */
  handsFree: HandsFreeStatusSchema.nullable().optional(),
  /** The guided routine it runs (absent or null: a free session). */
  routine: RoutineStatusSchema.nullable().optional(),
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
  /** Imported from a recording file (source `import`), with the file's name. */
  imported: z.boolean(),
  importedFrom: z.string().nullable(),
  /** The user's note on the session (electron/session/session-note.ts), or null. */
  note: SessionNoteSchema.nullable(),
  /** The guided routine it ran (named by electron/session/routine-name.ts), null for a free session. */
  routine: RoutineKindSchema.nullable(),
});

export { SessionNoteInputSchema };

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
      /** The week's budget: 7 × the daily budget, s. */
      budgetS: z.number(),
      withinLimitShare: z.number().nullable(),
      warningsPerSession: z.number(),
      /** Coaching warnings per 10 minutes of rolling (null: no rolling). */
      warningsPer10Min: z.number().nullable(),
    }),
  ),
});

/**
 * One session for the review screen: its settings, a decimated track in columns, every event.
 * The track's and the events' times are seconds from the session's first sample.
 */
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

/** Two sessions for the comparison, the earlier first, and main's like-for-like comparison of them. */
export const CompareAnswerSchema = z.object({
  sessions: z.tuple([SessionReviewSchema, SessionReviewSchema]),
  comparison: SessionComparisonSchema,
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
  files: z.array(z.object({ kind: z.enum(['csv', 'json', 'track', 'png']), name: z.string(), path: z.string() })),
  samples: z.number().int().nonnegative(),
});

export const ImportResultSchema = z.object({
  /** The new session; when `alreadyStored`, the session that already holds this recording (nothing was added). */
  session: PastSessionSchema,
  alreadyStored: z.boolean(),
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
  /** The connected sensor's figures for the Sensor check screen (asked about once a second while it shows). */
  'sensors.check': req(none, SensorCheckSchema),
  /** Asks the sensor for this rate from now on (kept in the profile); refused while a session runs. */
  'sensors.setSampleRate': req(z.object({ hz: SampleRateChoiceSchema }).strict(), SensorCheckSchema),
  /** What a support report holds. */
  'sensors.diagnostics': req(none, DiagnosticsSchema),
  'calibration.start': req(none, CalibrationStatusSchema),
  /** Ends a running pass (its outcome so far); with none running, puts the last outcome away ("Back": idle, the profile unchanged). */
  'calibration.cancel': req(none, CalibrationStatusSchema),
  /** Saves the last successful pass into the profile; the outcome is then put away (idle). */
  'calibration.accept': req(none, ProfileSchema),
  /** Starts a session (armed when the profile's `handsFree` is on), or a guided routine. */
  'session.start': req(z.object({ routine: RoutineKindSchema.optional() }).strict(), SessionStatusSchema),
  /** How often extension over the roller was done in the last 7 days. */
  'routines.tally': req(none, z.object({ extension: RoutineTallySchema })),
  'session.stop': req(z.object({ reason: z.enum(['completed', 'stopped: pain']) }).strict(), SessionStatusSchema),
  'history.get': req(z.object({ days: z.number().int().min(1).max(3660).optional() }).strict(), HistorySchema),
  'review.get': req(z.object({ id: z.number().int().positive() }).strict(), SessionReviewSchema),
  /** Two different sessions, compared like with like (electron/session/session-comparison.ts). */
  'compare.get': req(z.object({ ids: z.tuple([z.number().int().positive(), z.number().int().positive()]) }).strict(), CompareAnswerSchema),
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
  /** An import starts: the file's name, size in bytes and time; answers the upload's id. */
  'import.begin': req(
    z
      .object({
        fileName: z.string().min(1).max(255),
        bytes: z.number().int().min(1).max(MAX_IMPORT_BYTES),
        /** When the file was last modified, ms since 1970: a recording without `started_at` is taken to have ended then. */
        lastModifiedMs: z.number().int().min(0).max(8.64e15).optional(),
      })
      .strict(),
    z.object({ uploadId: z.string() }),
  ),
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
  /** Saves the user's note on a session (an empty note removes it); answers the session as stored. */
  'notes.save': req(z.object({ id: z.number().int().positive(), note: SessionNoteInputSchema }).strict(), PastSessionSchema),
  /** Opens the export folder with the system's file manager (desktop app; the browser host cannot and refuses). */
  'exports.openFolder': req(none, z.object({ folder: z.string() })),
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
  /** A spoken prompt of the voice guide, as it happens. */
  prompt: VoicePromptSchema,
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
export type SensorCheck = z.output<typeof SensorCheckSchema>;
export type Diagnostics = z.output<typeof DiagnosticsSchema>;
export type SampleRateChoiceHz = z.output<typeof SampleRateChoiceSchema>;
export type CoachEventMessage = z.output<typeof CoachEventSchema>;
export type VoicePrompt = z.output<typeof VoicePromptSchema>;
export type HandsFreeStatus = z.output<typeof HandsFreeStatusSchema>;
export type RoutineStatus = z.output<typeof RoutineStatusSchema>;
export type RoutineTally = z.output<typeof RoutineTallySchema>;
export type { RoutineKind } from '../session/routine-kind';
export type PastSession = z.output<typeof PastSessionSchema>;
export type History = z.output<typeof HistorySchema>;
export type SessionReview = z.output<typeof SessionReviewSchema>;
export type CompareAnswer = z.output<typeof CompareAnswerSchema>;
export type { SessionComparison, CompareRowKey, ComparisonLimit } from '../session/session-comparison';
export type ExportResult = z.output<typeof ExportResultSchema>;
export type ImportResult = z.output<typeof ImportResultSchema>;
export type ReanalysisResult = z.output<typeof ReanalysisResultSchema>;
export type TaskProgress = z.output<typeof TaskProgressSchema>;
export type SessionNote = z.output<typeof SessionNoteSchema>;
export type SessionNoteInput = z.output<typeof SessionNoteInputSchema>;

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
