/**
 * How each zone is drawn: colour-blind-safe colours (Okabe–Ito: blues for the zones to roll,
 * orange and vermillion for the ones to keep off), a pattern for the no-go zones, and a label, so
 * no zone is told apart by colour alone.
 */
import type { Zone } from '../../bridge/contract';

export interface ZoneStyle {
  label: string;
  /** Second label line ("keep off" for the no-go zones). */
  note: string;
  /** CSS class carrying the colour. */
  className: string;
  pattern: 'none' | 'diagonal' | 'crosshatch';
  rollHere: boolean;
}

export const ZONE_STYLE: Record<Zone, ZoneStyle> = {
  neck: { label: 'Neck', note: 'keep off', className: 'zone--neck', pattern: 'crosshatch', rollHere: false },
  'upper-back': { label: 'Upper back', note: 'roll here', className: 'zone--upper', pattern: 'none', rollHere: true },
  'mid-back': { label: 'Mid back', note: 'roll here', className: 'zone--mid', pattern: 'none', rollHere: true },
  lumbar: { label: 'Lower back', note: 'keep off', className: 'zone--lumbar', pattern: 'diagonal', rollHere: false },
};

/** The Okabe–Ito colours used for the zones (also in live.css). */
export const ZONE_COLOUR: Record<Zone, string> = {
  neck: '#D55E00',
  'upper-back': '#56B4E9',
  'mid-back': '#0072B2',
  lumbar: '#E69F00',
};
