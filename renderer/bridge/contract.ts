/**
 * The renderer's one door to the IPC contract (`electron/ipc/ipc-contract.ts`): types, plus a few
 * values (the screening questions, the zone list), the pure facts the contract rests on (the
 * settings' ranges and the dwell rule, the simulated roller's default scenario, the spine map's
 * zones and vertebra levels), so a form checks exactly what main will and a label names the zone
 * main decided, and the shared text of the session figures (`electron/ipc/figure-text.ts`: the CLI
 * prints them with the same functions) and of the routines' names (`electron/session/routine-name.ts`). Features import from here so the relative paths live in
 * one place.
 */
export type {
  AdapterInfo,
  AppSnapshot,
  CalibrationStatus,
  CoachEventMessage,
  Connection,
  Device,
  EventName,
  EventPayload,
  History,
  LivePoint,
  PastSession,
  Profile,
  RequestName,
  RequestParams,
  RequestResult,
  RollerApi,
  Screening,
  ScreeningAnswers,
  ScreeningQuestionId,
  SessionReview,
  CompareAnswer,
  CompareRowKey,
  ComparisonLimit,
  ExportResult,
  ImportResult,
  ReanalysisResult,
  TaskProgress,
  RollingNow,
  RoutineKind,
  RoutineStatus,
  RoutineTally,
  HandsFreeStatus,
  VoicePrompt,
  SessionFigures,
  SessionNote,
  SessionNoteInput,
  SessionStatus,
  SourceHealth,
  SensorCheck,
  SampleRateChoiceHz,
  Diagnostics,
  WireFromMain,
  WireFromRenderer,
} from '../../electron/ipc/ipc-contract';
export { BROWSER_HOST_API_PATH, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNK_CHARS, MAX_REPLAY_CHARS, SCREENING_QUESTIONS, WireFromMainSchema, EVENT_NAMES, ZoneSchema } from '../../electron/ipc/ipc-contract';
export { SETTING_RANGES, dwellLimitAfterNudge, RESEARCH_PACE_SPEED_LIMIT_IN_PER_S } from '../../electron/motion/motion-settings';
export { NOTE_TEXT_MAX_CHARS, DISCOMFORT_MIN, DISCOMFORT_MAX } from '../../electron/session/session-note';
export { DEFAULT_SIMULATED_SCENARIO } from '../../electron/sim/default-scenario';
export { clockText, durationText, excursionText, noteMarkerText, percentText, sessionFigureTexts, type SessionFigureTexts } from '../../electron/ipc/figure-text';
export { ROUTINE_NAMES, routineName } from '../../electron/session/routine-name';
export { spineMapFor, spinePlace, vertebraIn, type SpineBounds } from '../../electron/motion/spine-map';

import type { CoachEventMessage, LivePoint } from '../../electron/ipc/ipc-contract';

export type CoachEventKind = CoachEventMessage['kind'];
export type Zone = LivePoint['zone'];
