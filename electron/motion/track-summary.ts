/**
 * A session in numbers, from its track and events: what the review card and the analyzer's
 * text output show. Pure.
 */
import { CM_PER_IN, type MotionSettings } from './motion-settings';
import type { CoachEvent, CoachEventKind, TrackPoint } from './motion-types';
import { DwellTracker } from './dwell-tracker';
import { FLAG_AT_REST, FLAG_GAP_BRIDGED, type TrackColumns } from './track-columns';
import { ZONES, type Zone } from './spine-map';

/** The longest step between track points still counted as rolling time (s). */
export const MAX_ROLLING_STEP_S = 1;

export interface TrackSummary {
  durationS: number;
  /** Time the roller was moving or being worked (not at rest; time without data not counted), s. */
  rollingS: number;
  /** Path length along the spine, cm. */
  distanceCm: number;
  maxSpeedInPerS: number;
  /** Share of rolling time at or below the speed limit, 0…1 (1 when there was no rolling). */
  withinLimitShare: number;
  longestDwellS: number;
  zoneTimeS: Record<Zone, number>;
  eventCounts: Record<CoachEventKind, number>;
  topCm: number;
  bottomCm: number;
}

export function summarizeTrack(track: TrackColumns, events: readonly CoachEvent[], settings: MotionSettings): TrackSummary {
  const builder = new TrackSummaryBuilder(settings);
  for (let i = 0; i < track.length; i++) builder.push(track.t[i]!, track.positionCm[i]!, track.speedInPerS[i]!, ZONES[track.zone[i]!]!, (track.flags[i]! & FLAG_AT_REST) !== 0, (track.flags[i]! & FLAG_GAP_BRIDGED) !== 0);
  return builder.summary(events);
}

/**
 * The same summary, built point by point while the track is made (the live path): memory stays
 * bounded however long the session runs (the longest-dwell tracker holds at most an hour of
 * points), instead of keeping the whole track for the end. Identical to `summarizeTrack` over
 * the same points.
 */
export class TrackSummaryBuilder {
  private readonly settings: MotionSettings;
  private readonly dwell: DwellTracker;
  private readonly zoneTimeS = Object.fromEntries(ZONES.map((z) => [z, 0])) as Record<Zone, number>;
  private n = 0;
  private firstT = 0;
  private lastT = 0;
  private lastP = 0;
  private rollingS = 0;
  private withinS = 0;
  private distanceCm = 0;
  private maxSpeed = 0;
  private longestDwellS = 0;
  private top = 0;
  private bottom = 0;

  constructor(settings: MotionSettings) {
    this.settings = settings;
    this.dwell = new DwellTracker(settings.dwellWindowIn * CM_PER_IN, Math.ceil(3600 * settings.trackRateHz) + 8);
  }

  /** Points taken so far. */
  get length(): number {
    return this.n;
  }

  /** One track point, as the engine's `track` sink gives it. */
  pushPoint(p: TrackPoint): void {
    this.push(p.t, p.positionCm, p.speedInPerS, p.zone, p.diagnostics.atRest, p.diagnostics.gapBridged);
  }

  /** `noData`: the point holds the estimate through a gap (time without samples is not rolling). */
  push(t: number, positionCm: number, speedInPerS: number, zone: Zone, atRest: boolean, noData = false): void {
    const p = positionCm;
    this.top = Math.max(this.top, p);
    this.bottom = Math.min(this.bottom, p);
    this.maxSpeed = Math.max(this.maxSpeed, speedInPerS);
    this.longestDwellS = Math.max(this.longestDwellS, this.dwell.push(t, p));
    if (this.n > 0) {
      const dt = t - this.lastT;
      this.distanceCm += Math.abs(p - this.lastP);
      this.zoneTimeS[zone] += dt;
      // Time without data (held through a gap, or a step longer than any the engine makes) is
      // not rolling.
      if (!atRest && !noData && dt <= MAX_ROLLING_STEP_S) {
        this.rollingS += dt;
        if (speedInPerS <= this.settings.speedLimitInPerS) this.withinS += dt;
      }
    } else {
      this.firstT = t;
    }
    this.n++;
    this.lastT = t;
    this.lastP = p;
  }

  /** The summary of the points so far, with the session's events. */
  summary(events: readonly CoachEvent[]): TrackSummary {
    const eventCounts: Record<CoachEventKind, number> = { 'too-fast': 0, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar: 0, neck: 0, 'time-budget': 0 };
    for (const e of events) eventCounts[e.kind]++;
    return {
      durationS: this.n > 1 ? this.lastT - this.firstT : 0,
      rollingS: this.rollingS,
      distanceCm: this.distanceCm,
      maxSpeedInPerS: this.maxSpeed,
      withinLimitShare: this.rollingS > 0 ? this.withinS / this.rollingS : 1,
      longestDwellS: this.longestDwellS,
      zoneTimeS: { ...this.zoneTimeS },
      eventCounts,
      topCm: this.top,
      bottomCm: this.bottom,
    };
  }
}
