/**
 * The person's motion: scenario segments compiled into pieces on one timeline, giving the
 * roller's position along the back p(t) (cm from the start spot, + toward the head) and its
 * velocity, both exact (analytic) and continuous with continuous acceleration.
 *
 * | segment | pieces |
 * |---|---|
 * | `rest` | hold (or a tiny sway when `breathingCm` > 0) |
 * | `pause` | hold |
 * | `stroke` | one move to `toCm` (a hold when it has a duration but no distance) |
 * | `dwell` | sway of ±`amplitudeCm` around the spot |
 * | `oscillate` | a move to `fromCm` if not there, then `passes` moves between the ends, holds of `turnPauseS` between |
 *
 * Before 0 and after the end the position holds. Building also checks the script as it will
 * run: `rest` first, first stroke upward, every stroke moving; problems come back with the
 * path of the segment field (used by the scenario schema).
 */
import type { ScenarioSegment } from './scenario-schema';
import { HOLD_PROFILE, MINIMUM_JERK_PEAK_TO_MEAN, cruiseProfile, cruiseTiming, minimumJerkProfile, swayProfile, type Profile } from './stroke-profile';
import { inToCm } from './units';

export interface ScriptPiece {
  /** Index of the scenario segment this piece comes from. */
  segmentIndex: number;
  kind: ScenarioSegment['kind'];
  startS: number;
  durationS: number;
  fromCm: number;
  toCm: number;
  profile: Profile;
}

export interface ScriptIssue {
  path: (string | number)[];
  message: string;
}

export class MotionScript {
  readonly durationS: number;
  private readonly starts: Float64Array;
  private cursor = 0;

  constructor(readonly pieces: readonly ScriptPiece[]) {
    this.starts = Float64Array.from(pieces, (p) => p.startS);
    const last = pieces[pieces.length - 1];
    this.durationS = last ? last.startS + last.durationS : 0;
  }

  /** Position along the back at session time `tS`, cm. */
  positionCm(tS: number): number {
    const piece = this.pieceAt(tS);
    return piece.fromCm + piece.profile.positionCm(tS - piece.startS);
  }

  /** Velocity along the back at session time `tS`, cm/s. */
  velocityCmPerS(tS: number): number {
    const piece = this.pieceAt(tS);
    return piece.profile.velocityCmPerS(tS - piece.startS);
  }

  /** The piece running at `tS` (the first before 0, the last after the end). */
  pieceAt(tS: number): ScriptPiece {
    const starts = this.starts;
    let i = this.cursor;
    // Fast path: calls mostly move forward in time by a little.
    if (!(starts[i]! <= tS && (i + 1 >= starts.length || tS < starts[i + 1]!))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= tS) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
      this.cursor = i;
    }
    return this.pieces[i]!;
  }
}

type Timing = { durationS: number } | { meanSpeedCmPerS: number } | { peakSpeedCmPerS: number };

interface MoveSpec {
  profile: 'minimum-jerk' | 'cruise';
  meanSpeedInPerS?: number | undefined;
  peakSpeedInPerS?: number | undefined;
  rampS: number;
}

function timingOf(spec: MoveSpec, durationS: number | undefined): Timing {
  if (durationS !== undefined) return { durationS };
  if (spec.meanSpeedInPerS !== undefined) return { meanSpeedCmPerS: inToCm(spec.meanSpeedInPerS) };
  return { peakSpeedCmPerS: inToCm(spec.peakSpeedInPerS ?? 1) };
}

/** Profile and duration of a move over `distanceCm` (signed, non-zero). */
function moveProfile(distanceCm: number, spec: MoveSpec, timing: Timing): { profile: Profile; durationS: number } {
  const length = Math.abs(distanceCm);
  if (spec.profile === 'cruise') {
    const t = cruiseTiming(length, spec.rampS, timing);
    return { profile: cruiseProfile(distanceCm, t), durationS: t.durationS };
  }
  const durationS = 'durationS' in timing ? timing.durationS : 'meanSpeedCmPerS' in timing ? length / timing.meanSpeedCmPerS : (MINIMUM_JERK_PEAK_TO_MEAN * length) / timing.peakSpeedCmPerS;
  return { profile: minimumJerkProfile(distanceCm, durationS), durationS };
}

/** Compiles the segments; `script` is null when there are issues. */
export function buildMotionScript(segments: readonly ScenarioSegment[]): { script: MotionScript | null; issues: ScriptIssue[] } {
  const pieces: ScriptPiece[] = [];
  const issues: ScriptIssue[] = [];
  let t = 0;
  let at = 0;
  let strokeSeen = false;

  const push = (segmentIndex: number, kind: ScenarioSegment['kind'], durationS: number, toCm: number, profile: Profile): void => {
    pieces.push({ segmentIndex, kind, startS: t, durationS, fromCm: at, toCm, profile });
    t += durationS;
    at = toCm;
  };
  const move = (i: number, kind: ScenarioSegment['kind'], toCm: number, spec: MoveSpec, durationS: number | undefined, field: string): void => {
    const distance = toCm - at;
    if (!strokeSeen && distance < 0) {
      issues.push({
        path: ['segments', i, field],
        message: `the first stroke must go up toward the head (+), but it goes from ${fmt(at)} to ${fmt(toCm)} cm`,
      });
    }
    strokeSeen = true;
    const m = moveProfile(distance, spec, timingOf(spec, durationS));
    push(i, kind, m.durationS, toCm, m.profile);
  };

  segments.forEach((seg, i) => {
    if (i === 0 && seg.kind !== 'rest') {
      issues.push({ path: ['segments', 0, 'kind'], message: `a session starts with "rest" at 0 cm, not "${seg.kind}"` });
    }
    switch (seg.kind) {
      case 'rest':
        push(i, 'rest', seg.durationS, at, seg.breathingCm > 0 ? swayProfile(seg.breathingCm, seg.durationS, seg.breathingHz) : HOLD_PROFILE);
        break;
      case 'pause':
        push(i, 'pause', seg.durationS, at, HOLD_PROFILE);
        break;
      case 'dwell':
        push(i, 'dwell', seg.durationS, at, swayProfile(seg.amplitudeCm, seg.durationS, seg.frequencyHz));
        break;
      case 'stroke':
        if (seg.toCm === at) {
          if (seg.durationS === undefined) {
            issues.push({ path: ['segments', i, 'toCm'], message: `stroke goes nowhere: the roller is already at ${fmt(at)} cm` });
          } else {
            push(i, 'stroke', seg.durationS, at, HOLD_PROFILE);
          }
          break;
        }
        move(i, 'stroke', seg.toCm, seg, seg.durationS, 'toCm');
        break;
      case 'oscillate': {
        if (seg.fromCm === seg.toCm) {
          issues.push({ path: ['segments', i, 'toCm'], message: `oscillate needs two different ends, both are ${fmt(seg.toCm)} cm` });
          break;
        }
        if (seg.fromCm !== at) move(i, 'oscillate', seg.fromCm, seg, seg.passDurationS, 'fromCm');
        for (let pass = 0; pass < seg.passes; pass++) {
          if (pass > 0 && seg.turnPauseS > 0) push(i, 'oscillate', seg.turnPauseS, at, HOLD_PROFILE);
          move(i, 'oscillate', pass % 2 === 0 ? seg.toCm : seg.fromCm, seg, seg.passDurationS, 'toCm');
        }
        break;
      }
    }
  });
  return { script: issues.length === 0 && pieces.length > 0 ? new MotionScript(pieces) : null, issues };
}

function fmt(cm: number): string {
  return String(Math.round(cm * 100) / 100);
}
