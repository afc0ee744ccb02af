/**
 * The terminal view of a live session (`roller demo`, `roller record`): one status line a
 * moment, and one line per coaching event, in words a user understands.
 */
import type { ConnectionState } from '../ble/connection-machine';
import type { CoachEvent, TrackPoint } from '../motion/motion-types';
import { detailInUnits, positionText, speedText, type Units } from './units-text';

const BAR = 20;

export function speedBar(speedInPerS: number, limitInPerS: number): string {
  const full = Math.max(0, Math.min(BAR, Math.round((speedInPerS / (2 * limitInPerS)) * BAR)));
  const mark = BAR / 2;
  let s = '';
  for (let i = 0; i < BAR; i++) s += i === mark ? '|' : i < full ? '#' : '.';
  return `[${s}]`;
}

/** What the live line shows of a track point (the engine's, or a live batch's). */
export type LiveLinePoint = Pick<TrackPoint, 't' | 'positionCm' | 'speedInPerS' | 'zone'> & { diagnostics: Pick<TrackPoint['diagnostics'], 'atRest' | 'gapBridged'> };

/** One status line: time, position, zone, speed in `units`, the speed bar, a long stay. */
export function liveLine(p: LiveLinePoint, t0: number, limitInPerS: number, dwellS: number, units: Units): string {
  const pos = positionText(p.positionCm, units).padStart(9);
  const dwell = dwellS >= 5 ? `  on one spot ${dwellS.toFixed(0)} s` : '';
  const flags = p.diagnostics.gapBridged ? '  (gap)' : p.diagnostics.atRest ? '  (still)' : '';
  return `${(p.t - t0).toFixed(1).padStart(6)} s  ${pos}  ${p.zone.padEnd(10)}  ${speedText(p.speedInPerS, units)} ${speedBar(p.speedInPerS, limitInPerS)}${dwell}${flags}`;
}

const WORDS: Record<CoachEvent['kind'], string> = {
  'too-fast': 'TOO FAST — slow down',
  'dwell-nudge': 'ON ONE SPOT 15 s — move on soon',
  'dwell-limit': 'ON ONE SPOT TOO LONG — move to another spot',
  lumbar: 'LOWER BACK — stop at the end of the ribcage',
  neck: 'NECK — stay below the base of the neck',
  'time-budget': 'DAILY ROLLING TIME REACHED — time to stop for today',
};

/** One line per coaching event, its detail in `units`. */
export function eventLine(e: CoachEvent, t0: number, units: Units): string {
  return `${(e.t - t0).toFixed(1).padStart(6)} s  ⚠ ${WORDS[e.kind]}  (${detailInUnits(e.detail, units)})`;
}

export function connectionLine(s: ConnectionState): string {
  switch (s.name) {
    case 'reconnecting':
      return `sensor dropped out — reconnecting (attempt ${s.attempt}): ${s.reason}`;
    case 'lost':
      return `sensor lost: ${s.reason}`;
    case 'streaming':
      return `streaming from ${s.deviceId}`;
    default:
      return s.name;
  }
}
