/**
 * The engine settings a recording is analysed with, for an import and for `roller analyze`
 * alike: the caller's base (the profile's, or the defaults), the recording's own metadata hints
 * over them (`roller_diameter_in`, `neck_above_cm`, `lumbar_below_cm`), and explicit overrides
 * (the CLI's flags) over both. A refusal names the metadata line that gave the value:
 * `line 3: metadata roller_diameter_in=0.1 gives invalid settings (rollerDiameterIn: …)`.
 * Pure; never throws.
 */
import type { RecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import { RECORDING_SETTINGS_HINT_KEYS, recordingSettingsHints } from '../../sensor-protocol/recording/recording-settings-hints';
import { MotionSettingsSchema, type MotionSettings, type MotionSettingsInput } from '../motion/motion-settings';
import { firstIssue } from './session-records';

export interface RecordingMetadataWithLines {
  metadata: Readonly<RecordingMetadata>;
  /** The file line of each metadata key (the reader's `metadataLines`). */
  metadataLines: Readonly<Record<string, number>>;
}

export type RecordingSettingsResult =
  | { ok: true; settings: MotionSettings }
  /** `fromMetadata`: the refused value is the recording's (the message names its line), not the base's or an override's. */
  | { ok: false; fromMetadata: boolean; message: string };

export function recordingSettings(base: MotionSettingsInput, recording: RecordingMetadataWithLines, overrides: Partial<MotionSettingsInput> = {}): RecordingSettingsResult {
  const hints = recordingSettingsHints(recording.metadata);
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = MotionSettingsSchema.safeParse({ ...base, ...hints, ...given });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = firstIssue(parsed.error);
  const field = parsed.error.issues[0]?.path[0];
  if (typeof field !== 'string' || !(field in hints) || field in given) return { ok: false, fromMetadata: false, message: `invalid settings (${issue})` };
  const key = RECORDING_SETTINGS_HINT_KEYS[field as keyof typeof RECORDING_SETTINGS_HINT_KEYS];
  const line = recording.metadataLines[key];
  return { ok: false, fromMetadata: true, message: `${line !== undefined ? `line ${line}: ` : ''}metadata ${key}=${recording.metadata[key]} gives invalid settings (${issue})` };
}
