import { describe, expect, it } from 'vitest';
import type { SessionReview } from '../../../../renderer/bridge/contract';
import { compareRows } from '../../../../renderer/features/review/compare-rows';

function review(id: number, within: number, maxSpeed: number, events: SessionReview['events']): SessionReview {
  const counts = { 'too-fast': 0, 'dwell-nudge': 0, 'dwell-limit': 0, lumbar: 0, neck: 0, 'time-budget': 0 };
  for (const e of events) counts[e.kind]++;
  return {
    session: {
      id,
      startedAt: `2026-11-2${id}T10:00:00Z`,
      day: `2026-11-2${id}`,
      endReason: 'completed',
      source: 'ble',
      sensorName: null,
      imported: false,
      importedFrom: null,
      note: null,
      summary: {
        durationS: 300,
        rollingS: 280,
        distanceCm: 500,
        maxSpeedInPerS: maxSpeed,
        withinLimitShare: within,
        longestDwellS: 20,
        zoneTimeS: { neck: 0, 'upper-back': 150, 'mid-back': 150, lumbar: 0 },
        eventCounts: counts,
        warnings: events.length,
        excursions: { lumbar: { count: counts.lumbar, deepestCm: counts.lumbar > 0 ? 1 : null }, neck: { count: 0, deepestCm: null } },
        topCm: 10,
        bottomCm: -10,
      },
    },
    settings: { rollerDiameterIn: 6, speedLimitInPerS: 1, dwellNudgeS: 15, dwellLimitS: 30, neckAboveCm: 20, lumbarBelowCm: 15 },
    track: { t: [], positionCm: [], speedInPerS: [], zone: [], atRest: [], gapBridged: [], accelRejected: [], axisConfidence: [] },
    events,
    dwell: { binCm: 2.54, firstBinCm: 0, seconds: [5, 40] },
  };
}

describe('compare rows', () => {
  const fast = (t: number) => ({ t, kind: 'too-fast' as const, positionCm: 0, detail: '' });
  it('says whether the later session went better, per fact with a direction', () => {
    const rows = Object.fromEntries(
      compareRows(review(1, 0.8, 2.5, [fast(1), fast(2)]), review(2, 0.95, 1.2, [fast(1), { t: 3, kind: 'lumbar', positionCm: -16, detail: '' }]), 'in').map((r) => [r.key, r]),
    );
    expect(rows['within']!.values).toEqual(['80 % (limit 1.0 in/s)', '95 % (limit 1.0 in/s)']);
    expect(rows['within']!.trend).toBe('better');
    expect(rows['max-speed']!.trend).toBe('better'); // slower is better
    expect(rows['too-fast']!.values).toEqual(['2', '1']);
    expect(rows['too-fast']!.trend).toBe('better');
    expect(rows['lumbar']!.trend).toBe('worse');
    expect(rows['warnings']!.trend).toBe('same');
    expect(rows['longest']!.trend).toBe('same');
    expect(rows['ended']!.trend).toBeNull();
    expect(rows['most-time']!.values[0]).toBe('40 s at +1.5 in');
  });
});
