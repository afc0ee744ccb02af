import { describe, expect, it } from 'vitest';
import {
  RECORDING_CSV_COLUMNS,
  RECORDING_CSV_HEADER,
  isValidRecordingMetadataKey,
  parseWellKnownRecordingMetadata,
  recordingMetadataKeyProblem,
  recordingMetadataValueProblem,
} from '../../../sensor-protocol/recording/recording-csv-format';

describe('recording CSV format constants', () => {
  it('has the header of the recording CSV contract (docs/architecture.md)', () => {
    expect(RECORDING_CSV_HEADER).toBe('t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps');
    expect(RECORDING_CSV_COLUMNS).toHaveLength(7);
  });
});

describe('metadata keys', () => {
  it.each(['roller_diameter_in', 'sample_rate_hz', 'a', 'x1', 'note_2'])('accepts %s', (key) => {
    expect(isValidRecordingMetadataKey(key)).toBe(true);
    expect(recordingMetadataKeyProblem(key)).toBeUndefined();
  });

  it.each(['', 'Roller', '1abc', '_x', '__proto__', 'roller-diameter', 'a b', 'a=b', 'k'.repeat(65)])('rejects %j', (key) => {
    expect(isValidRecordingMetadataKey(key)).toBe(false);
    expect(recordingMetadataKeyProblem(key)).toMatch(/^metadata key ".*" is invalid/);
  });
});

describe('metadata values', () => {
  it('accepts empty text, inner spaces, tabs, "=" and unicode', () => {
    for (const value of ['', 'a b', 'a\tb', 'x=y', 'Küche 🧘']) {
      expect(recordingMetadataValueProblem('k', value)).toBeUndefined();
    }
  });

  it('rejects line breaks, control characters and surrounding whitespace', () => {
    expect(recordingMetadataValueProblem('k', 'a\nb')).toBe('metadata value for "k" contains a line break');
    expect(recordingMetadataValueProblem('k', 'a\rb')).toBe('metadata value for "k" contains a line break');
    expect(recordingMetadataValueProblem('k', 'a\u0000b')).toBe('metadata value for "k" contains a control character (U+0000)');
    expect(recordingMetadataValueProblem('k', ' a')).toBe('metadata value for "k" starts or ends with whitespace');
    expect(recordingMetadataValueProblem('k', 'a\t')).toBe('metadata value for "k" starts or ends with whitespace');
  });
});

describe('well-known metadata', () => {
  it('parses typed values and ignores unknown keys', () => {
    const { values, issues } = parseWellKnownRecordingMetadata({
      roller_diameter_in: '6',
      sample_rate_hz: '2e2',
      source: 'ble',
      sensor: 'witmotion-wt901ble',
      started_at: '2025-03-01T18:30:00+01:00',
      room: 'living',
    });
    expect(issues).toEqual([]);
    expect(values).toEqual({
      roller_diameter_in: 6,
      sample_rate_hz: 200,
      source: 'ble',
      sensor: 'witmotion-wt901ble',
      started_at: '2025-03-01T18:30:00+01:00',
    });
  });

  it('reports each invalid value on its own and keeps the valid ones', () => {
    const { values, issues } = parseWellKnownRecordingMetadata({
      roller_diameter_in: 'six',
      sample_rate_hz: '-5',
      started_at: 'yesterday',
      source: '',
      sensor: 'x',
    });
    expect(values).toEqual({ sensor: 'x' });
    expect(issues.map((i) => i.key)).toEqual(['roller_diameter_in', 'sample_rate_hz', 'source', 'started_at']);
    expect(issues[0]?.message).toBe('metadata roller_diameter_in="six" must be a decimal number');
    expect(issues[1]?.message).toBe('metadata sample_rate_hz="-5" must be greater than 0');
  });
});
