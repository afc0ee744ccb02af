import { describe, expect, it } from 'vitest';
import type { SessionReview } from '../../../../renderer/bridge/contract';
import { compareRows, limitTexts, stillMeaningful } from '../../../../renderer/features/review/compare-rows';
import { compareAnswerFixture } from '../../support/history-fixtures';

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
      routine: null,
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
  it('words main’s like-for-like rows in the user’s units, with the stored facts around them', () => {
    const answer = compareAnswerFixture(review(2, 0.95, 1.2, [fast(1), { t: 3, kind: 'lumbar', positionCm: -16, detail: '' }]), review(1, 0.8, 2.5, [fast(1), fast(2)]));
    const rows = Object.fromEntries(compareRows(answer, 'cm').map((r) => [r.key, r]));
    expect(Object.keys(rows)).toEqual([
      'length',
      'rolling',
      'within',
      'warnings-rate',
      'too-fast-rate',
      'dwell-rate',
      'keep-off-rate',
      'keep-off-share',
      'max-speed',
      'longest-stay',
      'excursions',
      'most-time',
      'ended',
    ]);
    expect(rows['within']!.values).toEqual(['80 % (limit 2.5 cm/s)', '95 % (limit 2.5 cm/s)']);
    expect(rows['within']!.trend).toBe('better');
    expect(rows['max-speed']!.values).toEqual(['6.3 cm/s', '3.0 cm/s']);
    expect(rows['max-speed']!.trend).toBe('better'); // slower is better
    // 2 too-fast in 280 s of rolling is 4.3 per 10 min; 1 is 2.1.
    expect(rows['too-fast-rate']!.values).toEqual(['4.3', '2.1']);
    expect(rows['too-fast-rate']!.trend).toBe('better');
    expect(rows['keep-off-rate']!.trend).toBe('worse');
    expect(rows['warnings-rate']!.trend).toBe('same');
    expect(rows['ended']!.trend).toBeNull();
    expect(rows['most-time']!.values[0]).toBe('40 s at +3.8 cm');
    expect(limitTexts(answer)).toEqual([]);
  });

  it('a short session stopped for pain: why they cannot be compared, and what still can be read', () => {
    const short = review(2, 1, 0.5, []);
    short.session.endReason = 'stopped: pain';
    short.session.summary = { ...short.session.summary!, rollingS: 6, durationS: 7 };
    const answer = compareAnswerFixture(review(1, 0.8, 2.5, [fast(1)]), short);
    const rows = compareRows(answer, 'in');
    expect(rows.every((r) => r.trend === null)).toBe(true);
    expect(rows.find((r) => r.key === 'warnings-rate')!.meaningful).toEqual([true, false]);
    expect(limitTexts(answer)).toEqual([
      'The later session rolled only 6 s, under the 1 min needed: its rates and shares say too little to compare.',
      'The later session was stopped for pain, so no figure here makes it better or worse. Mention it to your doctor or physiotherapist.',
    ]);
    expect(stillMeaningful(rows)).toEqual(['Length', 'Rolling', 'Fastest', 'Went past the lower-back or neck line', 'Most time at one spot', 'Ended']);
  });
});
