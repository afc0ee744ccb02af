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
  it('counts rolling time between points, not at rest and not across gaps', () => {
    const f = new LiveFeed();
    f.push([pt(0), pt(0.1), pt(0.2)], 0);
    f.push([pt(0.3, true), pt(0.4)], 0);
    f.push([pt(2.0), pt(2.1)], 0);
    expect(f.rollingSinceStatusS).toBeCloseTo(0.2 + 0.1 + 0.1);
    f.resetRolling();
    expect(f.rollingSinceStatusS).toBe(0);
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
