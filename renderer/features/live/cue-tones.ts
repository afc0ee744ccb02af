/**
 * The tone pattern of each warning: distinct rhythm and pitch per kind, so the warnings can be
 * told apart without looking (too fast: two quick high beeps; lumbar: three low pulses; …).
 */
import type { CoachEventKind } from '../../bridge/contract';

export interface Tone {
  freqHz: number;
  /** Start after the cue begins (s). */
  startS: number;
  durationS: number;
  wave: 'sine' | 'triangle' | 'square';
  /** Peak gain, 0…1. */
  gain: number;
}

const beep = (freqHz: number, startS: number, durationS: number, wave: Tone['wave'], gain: number): Tone => ({ freqHz, startS, durationS, wave, gain });

export const CUE_TONES: Record<CoachEventKind, readonly Tone[]> = {
  'too-fast': [beep(988, 0, 0.11, 'sine', 0.5), beep(988, 0.17, 0.11, 'sine', 0.5)],
  'dwell-nudge': [beep(660, 0, 0.3, 'triangle', 0.45)],
  'dwell-limit': [beep(784, 0, 0.2, 'triangle', 0.5), beep(523, 0.24, 0.3, 'triangle', 0.5)],
  lumbar: [beep(294, 0, 0.14, 'square', 0.22), beep(294, 0.22, 0.14, 'square', 0.22), beep(294, 0.44, 0.14, 'square', 0.22)],
  neck: [beep(440, 0, 0.16, 'square', 0.22), beep(659, 0.22, 0.24, 'square', 0.22)],
  'time-budget': [beep(523, 0, 0.18, 'sine', 0.4), beep(659, 0.2, 0.18, 'sine', 0.4), beep(784, 0.4, 0.3, 'sine', 0.4)],
};

/** How long a kind's pattern lasts (s). */
export function cueLengthS(kind: CoachEventKind): number {
  return CUE_TONES[kind].reduce((end, t) => Math.max(end, t.startS + t.durationS), 0);
}
