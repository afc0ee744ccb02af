/**
 * A session in numbers, from its track and events: what the review card and the analyzer's
 * text output show. Pure.
 */
import { CM_PER_IN, type MotionSettings } from './motion-settings';
import type { CoachEvent, CoachEventKind } from './motion-types';
import { DwellTracker } from './dwell-tracker';
import { FLAG_AT_REST, type TrackColumns } from './track-columns';
import { ZONES, type Zone } from './spine-map';

export interface TrackSummary {
  durationS: number;
  /** Time the roller was moving or being worked (not at rest), s. */
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
  const zoneTimeS = Object.fromEntries(ZONES.map((z) => [z, 0])) as Record<Zone, number>;
  const eventCounts: Record<CoachEventKind, number> = { 'too-fast': 0, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar: 0, neck: 0, 'time-budget': 0 };
  for (const e of events) eventCounts[e.kind]++;
  const n = track.length;
  const dwell = new DwellTracker(settings.dwellWindowIn * CM_PER_IN, Math.ceil(3600 * settings.trackRateHz) + 8);
  let rollingS = 0;
  let withinS = 0;
  let distanceCm = 0;
  let maxSpeed = 0;
  let longestDwellS = 0;
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < n; i++) {
    const p = track.positionCm[i]!;
    top = Math.max(top, p);
    bottom = Math.min(bottom, p);
    maxSpeed = Math.max(maxSpeed, track.speedInPerS[i]!);
    longestDwellS = Math.max(longestDwellS, dwell.push(track.t[i]!, p));
    if (i === 0) continue;
    const dt = track.t[i]! - track.t[i - 1]!;
    distanceCm += Math.abs(p - track.positionCm[i - 1]!);
    zoneTimeS[ZONES[track.zone[i]!]!] += dt;
    if ((track.flags[i]! & FLAG_AT_REST) === 0) {
      rollingS += dt;
      if (track.speedInPerS[i]! <= settings.speedLimitInPerS) withinS += dt;
    }
  }
  return {
    durationS: n > 1 ? track.t[n - 1]! - track.t[0]! : 0,
    rollingS,
    distanceCm,
    maxSpeedInPerS: maxSpeed,
    withinLimitShare: rollingS > 0 ? withinS / rollingS : 1,
    longestDwellS,
    zoneTimeS,
    eventCounts,
    topCm: top,
    bottomCm: bottom,
  };
}
