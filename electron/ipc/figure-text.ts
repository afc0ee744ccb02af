/**
 * The session figures as a user reads them, one formatter per unit, shared by the renderer (through
 * `renderer/bridge/contract.ts`), the CLI and anything else that prints them: a duration is
 * rounded to whole seconds once, here, so a clock ("3:52"), words ("3 min 52 s") and a table
 * column never disagree. Pure.
 */
import type { Excursion, SessionFigures } from '../motion/session-figures-schema';

/** Whole seconds of a duration as shown: rounded to the nearest second; negative or non-finite → 0. */
export function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
}

/** "m:ss" (or "h:mm:ss" from an hour). */
export function clockText(seconds: number): string {
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "4 min 05 s", "45 s", "10 min". */
export function durationText(seconds: number): string {
  const total = wholeSeconds(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} s`;
  if (s === 0) return `${m} min`;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/** A share 0…1 as "87 %" (clamped); null or not finite → "–". */
export function percentText(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)} %`;
}

/** "none", or "2 (up to 3.1 cm past the line)"; `length` writes a distance in cm in the reader's units. */
export function excursionText(x: Excursion, length: (cm: number) => string): string {
  if (x.count === 0) return 'none';
  return x.deepestCm === null ? String(x.count) : `${x.count} (up to ${length(x.deepestCm)} past the line)`;
}

/** The figures every session view shows, as text (the same strings on every screen). */
export interface SessionFigureTexts {
  length: string;
  rolling: string;
  withinLimit: string;
  longestStay: string;
  warnings: string;
  lumbar: string;
  neck: string;
}

export function sessionFigureTexts(f: SessionFigures, length: (cm: number) => string): SessionFigureTexts {
  return {
    length: durationText(f.durationS),
    rolling: durationText(f.rollingS),
    withinLimit: percentText(f.withinLimitShare),
    longestStay: durationText(f.longestDwellS),
    warnings: String(f.warnings),
    lumbar: excursionText(f.excursions.lumbar, length),
    neck: excursionText(f.excursions.neck, length),
  };
}

/** What a session's note says in a few characters, for a list: "4/10 · pain · numbness", "note" for text only. */
export function noteMarkerText(note: { discomfort: number | null; pain: boolean; numbness: boolean }): string {
  const parts = [note.discomfort === null ? '' : `${note.discomfort}/10`, note.pain ? 'pain' : '', note.numbness ? 'numbness' : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'note';
}
