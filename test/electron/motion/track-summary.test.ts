/**
 * The session summary: from the whole track at the end (summarizeTrack) and point by point while
 * the session runs (TrackSummaryBuilder, bounded memory) — the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { MotionEngine } from '../../../electron/motion/motion-engine';
import { motionSettings } from '../../../electron/motion/motion-settings';
import type { CoachEvent } from '../../../electron/motion/motion-types';
import { TrackColumns, FLAG_AT_REST } from '../../../electron/motion/track-columns';
import { summarizeTrack, TrackSummaryBuilder } from '../../../electron/motion/track-summary';
import { builtInScenario } from '../../../electron/sim/scenario-catalog';
import { simulate } from '../../../electron/sim/simulate';

const settings = motionSettings({ rollerDiameterIn: 6, neckAboveCm: 21, lumbarBelowCm: 14 });

describe('track summary', () => {
  it('adds up a hand-made track: rolling time, time within the limit, distance, zones, extremes, events', () => {
    const track = new TrackColumns();
    // t, position, speed, zone, at rest
    const points: [number, number, number, 'upper-back' | 'neck' | 'lumbar', boolean][] = [
      [0, 0, 0, 'upper-back', true],
      [1, 0, 0, 'upper-back', true],
      [2, 2.54, 0.5, 'upper-back', false],
      [3, 25, 2, 'neck', false],
      [4, -20, 1.5, 'lumbar', false],
    ];
    for (const [t, p, v, z, rest] of points) track.push(t, p, v, z, rest ? FLAG_AT_REST : 0, 1, 0, 0, 0);
    const events: CoachEvent[] = [{ t: 3, kind: 'neck', positionCm: 25, detail: '' }, { t: 4, kind: 'too-fast', positionCm: -20, detail: '' }];
    const s = summarizeTrack(track, events, settings);
    expect(s.durationS).toBe(4);
    expect(s.rollingS).toBe(3);
    expect(s.withinLimitShare).toBeCloseTo(1 / 3, 12);
    expect(s.distanceCm).toBeCloseTo(2.54 + 22.46 + 45, 12);
    expect(s.zoneTimeS).toEqual({ neck: 1, 'upper-back': 2, 'mid-back': 0, lumbar: 1 });
    expect(s.maxSpeedInPerS).toBe(2);
    expect(s.topCm).toBe(25);
    expect(s.bottomCm).toBe(-20);
    expect(s.eventCounts).toMatchObject({ neck: 1, 'too-fast': 1, lumbar: 0 });
    expect(s.longestDwellS).toBe(2); // 0 → 2.54 cm fits the 2 in window
  });

  it('built live from the track points equals the summary of the whole track, exactly', () => {
    const sim = simulate(builtInScenario('ten-minute-mixed'), { seed: 3, truthRateHz: 0 });
    const columns = new TrackColumns();
    const live = new TrackSummaryBuilder(settings);
    const events: CoachEvent[] = [];
    const engine = new MotionEngine(settings, { columns, track: (p) => live.pushPoint(p), event: (e) => events.push(e) });
    for (const s of sim.samples) engine.push(s);
    engine.finish();
    expect(live.length).toBe(columns.length);
    expect(live.length).toBeGreaterThan(25_000);
    const whole = summarizeTrack(columns, events, settings);
    expect(live.summary(events)).toEqual(whole);
    expect(whole.rollingS).toBeGreaterThan(60);
    expect(Object.values(whole.eventCounts).reduce((a, b) => a + b, 0)).toBe(events.length);
  });

  it('summarises an empty or one-point track without dividing by zero', () => {
    const b = new TrackSummaryBuilder(settings);
    expect(b.summary([])).toMatchObject({ durationS: 0, rollingS: 0, withinLimitShare: 1, distanceCm: 0 });
    b.push(5, 3, 0.2, 'upper-back', false);
    expect(b.summary([])).toMatchObject({ durationS: 0, rollingS: 0, topCm: 3, bottomCm: 0, maxSpeedInPerS: 0.2 });
  });
});
