import { describe, expect, it } from 'vitest';
import type { LivePoint } from '../../../../renderer/bridge/contract';
import { isStale, LiveFeed } from '../../../../renderer/features/live/live-feed';

const pt = (t: number, atRest = false): LivePoint => ({ t, positionCm: t, speedInPerS: 0.5, zone: 'upper-back', dwellS: 0, atRest, gapBridged: false });

describe('live feed', () => {
  it('keeps the newest point and counts a version per batch', () => {
    const f = new LiveFeed();
    f.push([pt(0), pt(0.02)], 100);
    f.push([], 120);
    expect(f.latest?.t).toBe(0.02);
    expect(f.version).toBe(1);
    expect(f.receivedAtMs).toBe(100);
  });
  it('keeps main’s rolling time from the newest batch as sent, and forgets it for a new session', () => {
    const f = new LiveFeed();
    f.push([pt(0), pt(0.1)], 0, { rollingS: 0.1, todayRollingS: 60.1 });
    f.push([pt(0.2, true)], 0, { rollingS: 0.1, todayRollingS: 60.1 });
    f.push([pt(0.3)], 0, { rollingS: 0.2, todayRollingS: 60.2 });
    expect(f.rolling).toEqual({ rollingS: 0.2, todayRollingS: 60.2 });
    f.clear();
    expect(f.rolling).toBeNull();
  });
  it('is stale when nothing arrived lately', () => {
    const f = new LiveFeed();
    expect(isStale(f, 0)).toBe(true);
    f.push([pt(0)], 1000);
    expect(isStale(f, 2000)).toBe(false);
    expect(isStale(f, 2600)).toBe(true);
    f.clear();
    expect(f.latest).toBeNull();
  });
});
