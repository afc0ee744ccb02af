import { describe, it, expect } from 'vitest';
import { FLAG_ACCEL_REJECTED, FLAG_AT_REST, FLAG_GAP_BRIDGED, TrackColumns } from '../../../electron/motion/track-columns';
import { ZONES } from '../../../electron/motion/spine-map';

describe('TrackColumns: track points stored column-wise', () => {
  it('round-trips points, flags and diagnostics, and grows past its initial capacity', () => {
    const cols = new TrackColumns();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      const flags = (i % 2 ? FLAG_AT_REST : 0) | (i % 3 ? 0 : FLAG_GAP_BRIDGED) | (i % 5 ? 0 : FLAG_ACCEL_REJECTED);
      cols.push(i / 50, i * 0.01 - 20, i * 0.001, ZONES[i % 4]!, flags, 0.25, 1.5, -2.5, 8);
    }
    expect(cols.length).toBe(n);
    const p = cols.pointAt(4095);
    expect(p).toEqual({
      t: 4095 / 50,
      positionCm: 4095 * 0.01 - 20,
      speedInPerS: 4095 * 0.001,
      zone: ZONES[4095 % 4],
      diagnostics: { atRest: true, biasDps: [1.5, -2.5, 8], axisConfidence: 0.25, gapBridged: true, accelRejected: true },
    });
    expect(cols.pointAt(2).diagnostics).toMatchObject({ atRest: false, gapBridged: false, accelRejected: false });
    const all = cols.toPoints();
    expect(all).toHaveLength(n);
    expect(all[n - 1]!.t).toBe((n - 1) / 50);
    expect(all.map((q) => q.zone).slice(0, 4)).toEqual([...ZONES]);
  });

  it('the flags are distinct bits', () => {
    expect(new Set([FLAG_AT_REST, FLAG_GAP_BRIDGED, FLAG_ACCEL_REJECTED]).size).toBe(3);
    expect(FLAG_AT_REST & FLAG_GAP_BRIDGED & FLAG_ACCEL_REJECTED).toBe(0);
    expect((FLAG_AT_REST | FLAG_GAP_BRIDGED | FLAG_ACCEL_REJECTED) & ~7).toBe(0);
  });
});
