import { describe, expect, it } from 'vitest';
import { recordingSettings } from '../../../electron/session/recording-settings';

const recording = (metadata: Record<string, string>) => ({ metadata, metadataLines: Object.fromEntries(Object.keys(metadata).map((k, i) => [k, i + 1])) });

describe('recordingSettings: base < recording metadata < overrides', () => {
  it('takes the recording over the base and an override over both', () => {
    const r = recordingSettings({ rollerDiameterIn: 4, neckAboveCm: 20 }, recording({ source: 'x', roller_diameter_in: '5' }), { neckAboveCm: 25, lumbarBelowCm: undefined });
    expect(r).toMatchObject({ ok: true, settings: { rollerDiameterIn: 5, neckAboveCm: 25 } });
  });

  it('names the metadata line of a value the engine refuses', () => {
    const r = recordingSettings({}, recording({ source: 'x', sensor: 'y', roller_diameter_in: '0.1' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fromMetadata).toBe(true);
    expect(r.message).toMatch(/^line 3: metadata roller_diameter_in=0\.1 gives invalid settings \(rollerDiameterIn: .+\)$/);
  });

  it('an override hides a refused metadata value; a refused override is not blamed on the recording', () => {
    expect(recordingSettings({}, recording({ roller_diameter_in: '0.1' }), { rollerDiameterIn: 6 }).ok).toBe(true);
    const r = recordingSettings({}, recording({ roller_diameter_in: '6' }), { rollerDiameterIn: 12 });
    expect(r).toEqual({ ok: false, fromMetadata: false, message: expect.stringMatching(/^invalid settings \(rollerDiameterIn: .+\)$/) });
  });
});
