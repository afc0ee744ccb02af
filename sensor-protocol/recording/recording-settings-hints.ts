/**
 * Engine settings a recording carries in its metadata (`# roller_diameter_in=6`,
 * `# neck_above_cm=21`, `# lumbar_below_cm=14`): positive numbers only; anything else is
 * ignored here (the engine's settings schema judges the values).
 */
import type { RecordingMetadata } from './recording-csv-format';

export interface RecordingSettingsHints {
  rollerDiameterIn?: number;
  neckAboveCm?: number;
  lumbarBelowCm?: number;
}

/** The metadata key each hint is read from. */
export const RECORDING_SETTINGS_HINT_KEYS = { rollerDiameterIn: 'roller_diameter_in', neckAboveCm: 'neck_above_cm', lumbarBelowCm: 'lumbar_below_cm' } as const;
const KEYS = RECORDING_SETTINGS_HINT_KEYS;

export function recordingSettingsHints(metadata: Readonly<RecordingMetadata>): RecordingSettingsHints {
  const hints: RecordingSettingsHints = {};
  for (const [field, key] of Object.entries(KEYS) as [keyof RecordingSettingsHints, string][]) {
    const text = metadata[key];
    const v = Number(text);
    if (text !== undefined && text.trim() !== '' && Number.isFinite(v) && v > 0) hints[field] = v;
  }
  return hints;
}
