/**
 * What a user reads about a session, as one zod schema: the figures `session-figures.ts`
 * computes, the store keeps with the session, the IPC contract sends, and every screen, the CLI
 * and the JSON export show as they are. The type is inferred here and nowhere written again.
 * Pure (zod only), so the renderer's contract can import it.
 */
import { z } from 'zod';
import { EVENT_KINDS, type CoachEventKind } from './motion-types';
import { ZONES } from './spine-map';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const seconds = z.number().min(0).refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().min(0);

const ExcursionSchema = z.object({
  /** Excursions past the line: one per warning of that kind. */
  count,
  /** Furthest past the line the roller went, cm (≥ 0); null when it never crossed it. */
  deepestCm: seconds.nullable(),
});

export const SessionFiguresSchema = z.object({
  /** First to last track point, s. */
  durationS: seconds,
  /** Time the roller was moving or being worked (not at rest, not a gap without data), s. */
  rollingS: seconds,
  /** Path length along the spine, cm. */
  distanceCm: seconds,
  maxSpeedInPerS: seconds,
  /** Share of rolling time at or below the speed limit, 0…1 (1 when there was no rolling). */
  withinLimitShare: z.number().min(0).max(1),
  /** The longest stay on one spot (inside a window `dwellWindowIn` wide), s. */
  longestDwellS: seconds,
  zoneTimeS: z.object(Object.fromEntries(ZONES.map((k) => [k, seconds])) as Record<(typeof ZONES)[number], typeof seconds>),
  /** Events of each kind (the time-budget reminder included). */
  eventCounts: z.object(Object.fromEntries(EVENT_KINDS.map((k) => [k, count])) as Record<CoachEventKind, typeof count>),
  /** Coaching warnings: every event but the time-budget reminder. */
  warnings: count,
  /** How far past the lower-back (lumbar) and neck lines the roller went. */
  excursions: z.object({ lumbar: ExcursionSchema, neck: ExcursionSchema }),
  /** Highest and lowest position, cm from the start spot. */
  topCm: finite,
  bottomCm: finite,
});

export type SessionFigures = z.output<typeof SessionFiguresSchema>;
export type Excursion = z.output<typeof ExcursionSchema>;

/** The kinds that count as coaching warnings (the time-budget reminder is not one). */
export const WARNING_KINDS: readonly CoachEventKind[] = EVENT_KINDS.filter((k) => k !== 'time-budget');

/** Coaching warnings among event counts (a day's or a week's counts as well as a session's). */
export function warningsIn(counts: Readonly<Record<CoachEventKind, number>>): number {
  let n = 0;
  for (const k of WARNING_KINDS) n += counts[k];
  return n;
}
