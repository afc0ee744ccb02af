/**
 * The renderer's one door to the IPC contract (`electron/ipc/ipc-contract.ts`): types, plus the
 * screening questions (a value), and the shared text of the session figures
 * (`electron/ipc/figure-text.ts`: the CLI prints them with the same functions). Features import from here so the relative path lives in one place.
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
  ExportResult,
  ImportResult,
  ReanalysisResult,
  TaskProgress,
  RollingNow,
  SessionFigures,
  SessionStatus,
  WireFromMain,
  WireFromRenderer,
} from '../../electron/ipc/ipc-contract';
export { clockText, durationText, excursionText, percentText, sessionFigureTexts, type SessionFigureTexts } from '../../electron/ipc/figure-text';
export { BROWSER_HOST_API_PATH, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNK_CHARS, SCREENING_QUESTIONS, WireFromMainSchema, EVENT_NAMES } from '../../electron/ipc/ipc-contract';

import type { CoachEventMessage, LivePoint } from '../../electron/ipc/ipc-contract';
export type CoachEventKind = CoachEventMessage['kind'];
export type Zone = LivePoint['zone'];
