/**
 * Guided routines, paced by voice (docs/coaching-rules.md#guided-routines):
 *
 * - **Back release** (`back-release`): a block of `RELEASE_S` of rolling, counted as the hands-free
 *   machine counts it (pauses left out). The voice gives the start position, then the area to
 *   roll (upper back, then mid back), the time left, and the end.
 * - **Thoracic extension** (`thoracic-extension`): `EXTENSION_REPS` slow repetitions over a roller
 *   that stays put: lean back with the head supported, hold, come back up, rest. Paced by sensor
 *   time from the first point. If the roller rolls — the engine's speed above
 *   `KEEP_STILL_SPEED_IN_PER_S` for `KEEP_STILL_AFTER_S`, or its position `KEEP_STILL_CM` away from
 *   where the repetitions began — the voice says to keep it still (at most every
 *   `KEEP_STILL_EVERY_S`).
 *
 * Pure: fed track points (sensor time is the only clock); returns what to say.
 */
import type { RoutineKind, RoutineStatus, VoicePrompt } from '../ipc/ipc-contract';
import type { HandsFreePhase } from './hands-free-machine';

/** Rolling time of the back release, s (a back-release block takes 1–2 minutes). */
export const RELEASE_S = 90;
/** Time-left prompts of the release, s before its end. */
export const RELEASE_TIME_LEFT_S = [60, 30, 10] as const;

export const EXTENSION_REPS = 10;
/** Time to get into position before the first repetition, s. */
export const EXTENSION_PREP_S = 10;
/** One repetition: lean back, hold, come back up, rest, s. */
export const EXTENSION_LEAN_S = 4;
export const EXTENSION_HOLD_S = 3;
export const EXTENSION_RETURN_S = 3;
export const EXTENSION_REST_S = 2;
export const EXTENSION_REP_S = EXTENSION_LEAN_S + EXTENSION_HOLD_S + EXTENSION_RETURN_S + EXTENSION_REST_S;
/** The last repetition ends without its rest. */
export const EXTENSION_TOTAL_S = EXTENSION_PREP_S + EXTENSION_REPS * EXTENSION_REP_S - EXTENSION_REST_S;

export const KEEP_STILL_SPEED_IN_PER_S = 0.5;
export const KEEP_STILL_AFTER_S = 0.3;
export const KEEP_STILL_CM = 3;
export const KEEP_STILL_EVERY_S = 6;

/** What a routine reads of a track point, with the hands-free machine's state after it. */
export interface PacerPoint {
  t: number;
  positionCm: number;
  speedInPerS: number;
  gapBridged: boolean;
  /** The hands-free phase (the release runs hands-free; the extension does not use it). */
  phase: HandsFreePhase | null;
  /** Rolling seconds so far, as the hands-free machine counts them. */
  activeS: number;
}

export interface RoutinePacer {
  readonly kind: RoutineKind;
  /** What to say as the routine is started. */
  begin(): VoicePrompt[];
  step(p: PacerPoint): VoicePrompt[];
  status(): RoutineStatus;
  /** The routine is over: the session ends (completed). */
  readonly done: boolean;
  /** Whether the routine runs hands-free (armed, started by rolling, paused at rest). */
  readonly handsFree: boolean;
}

export function routinePacer(kind: RoutineKind): RoutinePacer {
  return kind === 'back-release' ? new ReleasePacer() : new ExtensionPacer();
}

interface Milestone {
  atS: number;
  prompt: VoicePrompt;
}

export class ReleasePacer implements RoutinePacer {
  readonly kind = 'back-release' as const;
  readonly handsFree = true;
  private readonly milestones: Milestone[];
  private next = 0;
  private activeS = 0;
  private rolling = false;
  private finished = false;

  constructor(readonly durationS: number = RELEASE_S) {
    const m: Milestone[] = [
      { atS: 0, prompt: { kind: 'area', area: 'upper-back' } },
      { atS: durationS / 2, prompt: { kind: 'area', area: 'mid-back' } },
      ...RELEASE_TIME_LEFT_S.filter((left) => left < durationS).map((left) => ({ atS: durationS - left, prompt: { kind: 'time-left' as const, seconds: left } })),
      { atS: durationS, prompt: { kind: 'release-done' } },
    ];
    // Stable: at the same time the area comes before the time left.
    this.milestones = m
      .map((x, i) => ({ x, i }))
      .sort((a, b) => a.x.atS - b.x.atS || a.i - b.i)
      .map(({ x }) => x);
  }

  get done(): boolean {
    return this.finished;
  }

  begin(): VoicePrompt[] {
    return [{ kind: 'release-position' }];
  }

  step(p: PacerPoint): VoicePrompt[] {
    if (this.finished) return [];
    this.activeS = p.activeS;
    this.rolling = p.phase === 'rolling';
    if (!this.rolling) return [];
    const out: VoicePrompt[] = [];
    while (this.next < this.milestones.length && p.activeS >= this.milestones[this.next]!.atS) {
      const { prompt } = this.milestones[this.next++]!;
      out.push(prompt);
      if (prompt.kind === 'release-done') this.finished = true;
    }
    return out;
  }

  status(): RoutineStatus {
    const step = this.finished ? 'done' : this.activeS > 0 || this.rolling ? 'rolling' : 'position';
    return { kind: this.kind, step, rep: null, reps: null, leftS: Math.max(0, this.durationS - this.activeS) };
  }
}

type ExtensionStep = 'position' | 'lean' | 'hold' | 'return' | 'rest' | 'done';

export class ExtensionPacer implements RoutinePacer {
  readonly kind = 'thoracic-extension' as const;
  readonly handsFree = false;
  private t0: number | null = null;
  private elapsed = 0;
  private said = new Set<string>();
  private refCm: number | null = null;
  private fastSince: number | null = null;
  private lastKeepStillT = -Infinity;
  private finished = false;

  get done(): boolean {
    return this.finished;
  }

  begin(): VoicePrompt[] {
    return [{ kind: 'extension-position' }];
  }

  step(p: PacerPoint): VoicePrompt[] {
    if (this.finished) return [];
    this.t0 ??= p.t;
    this.elapsed = p.t - this.t0;
    const out: VoicePrompt[] = [];
    const { step, rep } = this.at(this.elapsed);
    if (step === 'done') {
      this.finished = true;
      out.push({ kind: 'extension-done' });
      return out;
    }
    if (rep !== null && (step === 'lean' || step === 'hold' || step === 'return')) {
      const key = `${rep}:${step}`;
      if (!this.said.has(key)) {
        // A skipped step (a gap in the samples) is not said late: only the current one.
        this.said.add(key);
        out.push(step === 'lean' ? { kind: 'extension-lean', rep, reps: EXTENSION_REPS } : { kind: step === 'hold' ? 'extension-hold' : 'extension-return' });
      }
    }
    if (step !== 'position' && !p.gapBridged) {
      this.refCm ??= p.positionCm;
      const fast = p.speedInPerS > KEEP_STILL_SPEED_IN_PER_S;
      this.fastSince = fast ? (this.fastSince ?? p.t) : null;
      const rolled = (this.fastSince !== null && p.t - this.fastSince >= KEEP_STILL_AFTER_S) || Math.abs(p.positionCm - this.refCm) > KEEP_STILL_CM;
      if (rolled && p.t - this.lastKeepStillT >= KEEP_STILL_EVERY_S) {
        this.lastKeepStillT = p.t;
        // Where the roller is now is where it should stay.
        this.refCm = p.positionCm;
        out.push({ kind: 'keep-still' });
      }
    }
    return out;
  }

  status(): RoutineStatus {
    const { step, rep } = this.finished ? { step: 'done' as const, rep: EXTENSION_REPS } : this.at(this.elapsed);
    return { kind: this.kind, step, rep, reps: EXTENSION_REPS, leftS: Math.max(0, EXTENSION_TOTAL_S - this.elapsed) };
  }

  /** The step and repetition (from 1) at `s` seconds into the routine. */
  private at(s: number): { step: ExtensionStep; rep: number | null } {
    if (s < EXTENSION_PREP_S) return { step: 'position', rep: null };
    if (s >= EXTENSION_TOTAL_S) return { step: 'done', rep: EXTENSION_REPS };
    const into = s - EXTENSION_PREP_S;
    const rep = Math.floor(into / EXTENSION_REP_S) + 1;
    const inRep = into - (rep - 1) * EXTENSION_REP_S;
    const step: ExtensionStep =
      inRep < EXTENSION_LEAN_S ? 'lean' : inRep < EXTENSION_LEAN_S + EXTENSION_HOLD_S ? 'hold' : inRep < EXTENSION_LEAN_S + EXTENSION_HOLD_S + EXTENSION_RETURN_S ? 'return' : 'rest';
    return { step, rep };
  }
}
