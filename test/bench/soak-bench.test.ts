/**
 * The soak harness on a short session: its measurements must describe what happened (samples
 * at the configured rate for the simulated time, a session stored in the database, memory and
 * handle samples taken), whatever the machine's speed.
 */
import { describe, expect, it } from 'vitest';
import { formatSoakBench, leastSquaresSlope, runSoakBench, soakHoursFromEnv } from './soak-bench';

describe('soak harness', () => {
  it('streams 5 simulated minutes at 200 Hz through the app into the database and measures along the way', async () => {
    const r = await runSoakBench({ hours: 5 / 60, rateHz: 200, sampleEveryMin: 1 });
    expect(r.link).toMatch(/200 Hz/);
    expect(r.nominalSamples).toBe(60_000);

    // The sensor took what its (crystal-skewed) rate gives over the time; the scenario loses a few percent in the air.
    expect(r.samplesTaken).toBeGreaterThan(r.expectedTaken * 0.99);
    expect(r.samplesTaken).toBeLessThan(r.expectedTaken * 1.01);
    expect(r.samplesDelivered).toBeGreaterThan(r.samplesTaken * 0.9);
    expect(r.samplesDelivered).toBeLessThanOrEqual(r.samplesTaken);
    // Everything delivered is stored, and the stored session is complete.
    expect(r.samplesStored).toBe(r.samplesDelivered);
    expect(r.stored.endReason).toBe('completed');
    expect(r.stored.trackPoints).toBeGreaterThan(5 * 60 * 25 * 0.9);
    expect(r.stored.summaryRollingS).toBeGreaterThan(0);
    expect(r.lastStatus?.elapsedS).toBeGreaterThan(5 * 60 * 0.98); // sensor time: the crystal runs 0.8 % slow

    // A measurement at the start and every simulated minute, cumulative counts never going back.
    expect(r.samples.map((s) => Math.round(s.atH * 60))).toEqual([0, 1, 2, 3, 4, 5]);
    for (let i = 1; i < r.samples.length; i++) {
      const [a, b] = [r.samples[i - 1]!, r.samples[i]!];
      expect(b.samplesStored).toBeGreaterThan(a.samplesStored);
      expect(b.wallS).toBeGreaterThan(a.wallS);
      // About a minute of samples per minute (one flush interval may be pending at a measurement).
      expect(b.samplesDelivered - a.samplesDelivered).toBeGreaterThan(200 * 60 * 0.85);
      expect(b.samplesDelivered - a.samplesDelivered).toBeLessThan(200 * 60 * 1.01);
    }
    for (const s of r.samples) {
      expect(s.heapUsedB).toBeGreaterThan(0);
      expect(s.rssB).toBeGreaterThanOrEqual(s.heapUsedB);
      expect(s.handles).toBe(Object.values(s.handleKinds).reduce((a, b) => a + b, 0));
      expect(s.pendingTimers).toBeGreaterThan(0);
    }
    expect(r.samples.at(-1)!.dbB).toBeGreaterThan(0);
    expect(r.speedUp).toBeGreaterThan(0);
    expect(Number.isFinite(r.heap.perH)).toBe(true);
    expect(r.flat).toBe(r.heap.flat && r.arrayBuffers.flat && r.rss.flat && r.handles.flat && r.pendingTimers.flat);

    const text = formatSoakBench(r);
    expect(text).toMatch(/verdict: (flat|GROWS)/);
    expect(text).toContain(r.samplesStored.toLocaleString('en-US'));
  });

  it('computes least-squares slopes and reads SOAK_HOURS', () => {
    expect(leastSquaresSlope([1, 2, 3, 4], [10, 12, 14, 16])).toBeCloseTo(2, 12);
    expect(leastSquaresSlope([1, 2, 3, 4], [5, 5, 5, 5])).toBe(0);
    expect(leastSquaresSlope([1], [5])).toBeNaN();
    expect(soakHoursFromEnv({})).toBe(8);
    expect(soakHoursFromEnv({ SOAK_HOURS: '0.5' })).toBe(0.5);
    expect(() => soakHoursFromEnv({ SOAK_HOURS: 'soon' })).toThrow(/SOAK_HOURS/);
  });
});
