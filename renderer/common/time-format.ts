/**
 * Durations as the user reads them: the shared formatters of the contract
 * (electron/ipc/figure-text.ts), so a screen rounds exactly as the CLI and every other screen.
 */
import { clockText, durationText } from '../bridge/contract';

/** "m:ss" (or "h:mm:ss" from an hour), rounded to whole seconds; negative or non-finite → "0:00". */
export const formatClock = clockText;

/** "4 min 05 s", "45 s", "10 min" for screen readers and summaries. */
export const formatDurationWords = durationText;

/** A date-time from the contract (ISO text) as a short local date, or the text itself if unreadable. */
export function formatDate(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
}
