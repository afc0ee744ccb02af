/**
 * Re-analysis of a stored session: its samples decoded again from the raw frames (or read from
 * the stored samples), run through the current engine with the given settings (default: the
 * session's own), and the stored track, events, summary, settings and engine version replaced
 * in one transaction. The raw data is never changed.
 */
import type { MotionSettings } from '../motion/motion-settings';
import type { SessionFigures } from '../motion/session-figures-schema';
import { loadSessionSamples, type DecodeReport } from './session-data';
import type { StoredSession } from './session-records';
import type { SessionStore } from './session-store';
import { SessionStoreError } from './store-error';
import { analyzeForStorage } from './stored-analysis';

export interface ReanalysisOptions {
  settings?: MotionSettings;
  /** Wall clock, ms since 1970. */
  now: number;
}

export interface ReanalysisResult {
  session: StoredSession;
  before: { summary: SessionFigures | null; events: number; engineVersion: string };
  samples: number;
  report: DecodeReport;
}

export function reanalyzeSession(store: SessionStore, id: number, options: ReanalysisOptions): ReanalysisResult {
  const session = store.getSession(id);
  if (session.state === 'recording') throw new SessionStoreError('invalid', `session ${id} is still being recorded; re-analyse it once it has ended`);
  const { samples, report } = loadSessionSamples(store, session);
  if (samples.length === 0) throw new SessionStoreError('invalid', `session ${id} holds no samples to analyse`);
  const before = { summary: session.summary, events: store.events(id).length, engineVersion: session.engineVersion };
  const settings = options.settings ?? session.settings;
  const { write } = analyzeForStorage(samples, settings, options.now);
  const updated = store.replaceAnalysis(id, write);
  return { session: updated, before, samples: samples.length, report };
}
