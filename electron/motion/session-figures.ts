/**
 * A session in figures — rolling time, share within the speed limit, longest stay, excursions
 * past the lower-back and neck lines, warnings per kind — accumulated point by point from the
 * engine's track and events. The one computation of them: the live app keeps one for the
 * running session, and import, re-analysis, recovery and `roller analyze` feed the same class
 * (`sessionFiguresOf` over a whole track). Memory stays bounded however long the session (the
 * longest-stay tracker holds at most an hour of points). Pure.
 *
 * Rolling time follows the one rule of `rolling-clock.ts`; the shape of the figures is the zod
 * schema of `session-figures-schema.ts`.
 */
import { DwellTracker } from './dwell-tracker';
import { CM_PER_IN, type MotionSettings } from './motion-settings';
import { EVENT_KINDS, type CoachEvent, type CoachEventKind, type TrackPoint } from './motion-types';
import { RollingClock } from './rolling-clock';
import { warningsIn, type SessionFigures } from './session-figures-schema';
import { spineMapFor, ZONES, type Zone } from './spine-map';
import { FLAG_AT_REST, FLAG_GAP_BRIDGED, type TrackColumns } from './track-columns';

export class SessionFiguresAccumulator {
  private readonly speedLimitInPerS: number;
  private readonly neckLineCm: number;
  private readonly lumbarLineCm: number;
  private readonly rolling = new RollingClock();
  private readonly dwell: DwellTracker;
  private readonly zoneTime = Object.fromEntries(ZONES.map((z) => [z, 0])) as Record<Zone, number>;
  private readonly eventCounts = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<CoachEventKind, number>;
  private n = 0;
  private firstT = 0;
  private lastT = 0;
  private lastP = 0;
  private withinS = 0;
  private distanceCm = 0;
  private maxSpeed = 0;
  private longestDwellS = 0;
  private top = 0;
  private bottom = 0;
  private pastNeckCm: number | null = null;
  private pastLumbarCm: number | null = null;

  constructor(settings: MotionSettings) {
    const map = spineMapFor(settings);
    this.speedLimitInPerS = settings.speedLimitInPerS;
    this.neckLineCm = map.neckAboveCm;
    this.lumbarLineCm = -map.lumbarBelowCm;
    this.dwell = new DwellTracker(settings.dwellWindowIn * CM_PER_IN, Math.ceil(3600 * settings.trackRateHz) + 8);
  }

  /** Points taken so far. */
  get length(): number {
    return this.n;
  }

  /** Rolling time so far, s (the same number `figures()` gives). */
  get rollingS(): number {
    return this.rolling.totalS;
  }

  /** Time per zone so far, s (the same numbers `figures()` gives; read-only, not a copy). */
  get zoneTimeS(): Readonly<Record<Zone, number>> {
    return this.zoneTime;
  }

  /** One track point, as the engine's `track` sink gives it. */
  pushPoint(p: TrackPoint): void {
    this.push(p.t, p.positionCm, p.speedInPerS, p.zone, p.diagnostics.atRest, p.diagnostics.gapBridged);
  }

  /** Track point `i` of stored or analysed columns. */
  pushColumn(track: TrackColumns, i: number): void {
    const f = track.flags[i]!;
    this.push(track.t[i]!, track.positionCm[i]!, track.speedInPerS[i]!, ZONES[track.zone[i]!]!, (f & FLAG_AT_REST) !== 0, (f & FLAG_GAP_BRIDGED) !== 0);
  }

  /** `gapBridged`: the point holds the estimate through a gap (time without samples is not rolling). */
  push(t: number, positionCm: number, speedInPerS: number, zone: Zone, atRest: boolean, gapBridged: boolean): void {
    const p = positionCm;
    this.top = Math.max(this.top, p);
    this.bottom = Math.min(this.bottom, p);
    this.maxSpeed = Math.max(this.maxSpeed, speedInPerS);
    this.longestDwellS = Math.max(this.longestDwellS, this.dwell.push(t, p));
    if (p > this.neckLineCm) this.pastNeckCm = Math.max(this.pastNeckCm ?? 0, p - this.neckLineCm);
    if (p < this.lumbarLineCm) this.pastLumbarCm = Math.max(this.pastLumbarCm ?? 0, this.lumbarLineCm - p);
    const rolled = this.rolling.push(t, atRest, gapBridged);
    if (rolled > 0 && speedInPerS <= this.speedLimitInPerS) this.withinS += rolled;
    if (this.n > 0) {
      this.distanceCm += Math.abs(p - this.lastP);
      this.zoneTime[zone] += t - this.lastT;
    } else {
      this.firstT = t;
    }
    this.n++;
    this.lastT = t;
    this.lastP = p;
  }

  /** One coaching event, as the engine's `event` sink gives it. */
  pushEvent(e: CoachEvent): void {
    this.eventCounts[e.kind]++;
  }

  /** The figures of the points and events so far (a fresh object each call). */
  figures(): SessionFigures {
    const rollingS = this.rolling.totalS;
    return {
      durationS: this.n > 1 ? this.lastT - this.firstT : 0,
      rollingS,
      distanceCm: this.distanceCm,
      maxSpeedInPerS: this.maxSpeed,
      withinLimitShare: rollingS > 0 ? Math.min(1, this.withinS / rollingS) : 1,
      longestDwellS: this.longestDwellS,
      zoneTimeS: { ...this.zoneTime },
      eventCounts: { ...this.eventCounts },
      warnings: warningsIn(this.eventCounts),
      excursions: {
        lumbar: { count: this.eventCounts.lumbar, deepestCm: this.pastLumbarCm },
        neck: { count: this.eventCounts.neck, deepestCm: this.pastNeckCm },
      },
      topCm: this.top,
      bottomCm: this.bottom,
    };
  }
}

/** The figures of a whole track and its events (import, re-analysis, recovery, `roller analyze`). */
export function sessionFiguresOf(track: TrackColumns, events: readonly CoachEvent[], settings: MotionSettings): SessionFigures {
  const acc = new SessionFiguresAccumulator(settings);
  for (let i = 0; i < track.length; i++) acc.pushColumn(track, i);
  for (const e of events) acc.pushEvent(e);
  return acc.figures();
}
