import { describe, it, expect } from 'vitest';
import { LUMBAR_PER_HEIGHT, NECK_PER_HEIGHT, spineMapFor, spineMapFromHeight, spinePlace, vertebraIn, zoneAt, ZONE_VERTEBRAE, ZONES, type SpineMap } from '../../../electron/motion/spine-map';
import { motionSettings } from '../../../electron/motion/motion-settings';

describe('spine map defaults from body height (docs/coaching-rules.md)', () => {
  it('N = 0.12·H and L = 0.08·H: 21 cm and 14 cm at 175 cm', () => {
    expect(NECK_PER_HEIGHT).toBe(0.12);
    expect(LUMBAR_PER_HEIGHT).toBe(0.08);
    const m = spineMapFromHeight(175);
    expect(m.neckAboveCm).toBeCloseTo(21, 10);
    expect(m.lumbarBelowCm).toBeCloseTo(14, 10);
    expect(m.source).toBe('height');
  });

  it('scales with height', () => {
    const m = spineMapFromHeight(150);
    expect(m.neckAboveCm).toBeCloseTo(18, 10);
    expect(m.lumbarBelowCm).toBeCloseTo(12, 10);
  });

  it('spineMapFor uses the height when no boundary is calibrated (default settings)', () => {
    const m = spineMapFor(motionSettings());
    expect(m).toEqual({ neckAboveCm: expect.closeTo(21, 10), lumbarBelowCm: expect.closeTo(14, 10), source: 'height' });
    const tall = spineMapFor(motionSettings({ bodyHeightCm: 200 }));
    expect(tall.neckAboveCm).toBeCloseTo(24, 10);
    expect(tall.lumbarBelowCm).toBeCloseTo(16, 10);
  });
});

describe('spine map calibration overrides', () => {
  it('both calibrated boundaries replace the height defaults', () => {
    const m = spineMapFor({ bodyHeightCm: 175, neckAboveCm: 25, lumbarBelowCm: 10 });
    expect(m).toEqual({ neckAboveCm: 25, lumbarBelowCm: 10, source: 'calibration' });
  });

  it('one calibrated boundary keeps the other from the height', () => {
    const neckOnly = spineMapFor({ bodyHeightCm: 175, neckAboveCm: 25 });
    expect(neckOnly.neckAboveCm).toBe(25);
    expect(neckOnly.lumbarBelowCm).toBeCloseTo(14, 10);
    expect(neckOnly.source).toBe('calibration');
    const lumbarOnly = spineMapFor({ bodyHeightCm: 175, lumbarBelowCm: 9 });
    expect(lumbarOnly.neckAboveCm).toBeCloseTo(21, 10);
    expect(lumbarOnly.lumbarBelowCm).toBe(9);
  });

  it('explicitly undefined boundaries count as not calibrated', () => {
    expect(spineMapFor({ bodyHeightCm: 175, neckAboveCm: undefined, lumbarBelowCm: undefined }).source).toBe('height');
  });
});

describe('zoneAt: neck > +N, upper-back 0…+N, mid-back −L…0, lumbar < −L', () => {
  const map: SpineMap = { neckAboveCm: 21, lumbarBelowCm: 14, source: 'calibration' };

  it('boundaries: exactly +N is still upper-back, exactly −L is still mid-back, 0 is upper-back', () => {
    expect(zoneAt(21, map)).toBe('upper-back');
    expect(zoneAt(21.000001, map)).toBe('neck');
    expect(zoneAt(0, map)).toBe('upper-back');
    expect(zoneAt(-0.000001, map)).toBe('mid-back');
    expect(zoneAt(-14, map)).toBe('mid-back');
    expect(zoneAt(-14.000001, map)).toBe('lumbar');
  });

  it('inside the zones and far outside', () => {
    expect(zoneAt(50, map)).toBe('neck');
    expect(zoneAt(10, map)).toBe('upper-back');
    expect(zoneAt(-7, map)).toBe('mid-back');
    expect(zoneAt(-60, map)).toBe('lumbar');
  });

  it('is monotonic along the spine: zones appear from the head down in ZONES order', () => {
    const seen: string[] = [];
    for (let p = 40; p >= -40; p -= 0.25) {
      const z = zoneAt(p, map);
      if (seen[seen.length - 1] !== z) seen.push(z);
    }
    expect(seen).toEqual([...ZONES]);
  });
});

describe('the vertebra level comes from the zone boundaries', () => {
  const map: SpineMap = { neckAboveCm: 21, lumbarBelowCm: 14, source: 'height' };

  it('names a level of the zone it is in, everywhere from above the neck to below the hips', () => {
    for (let cm = -40; cm <= 40; cm += 0.05) {
      const { zone, vertebra } = spinePlace(cm, map);
      expect(zone).toBe(zoneAt(cm, map));
      expect(ZONE_VERTEBRAE[zone], `${cm.toFixed(2)} cm`).toContain(vertebra);
    }
  });

  it('the start spot is T7, the lowest level of the upper back; just below it the mid back begins at T8', () => {
    expect(spinePlace(0, map)).toEqual({ zone: 'upper-back', vertebra: 'T7' });
    expect(spinePlace(-0.01, map)).toEqual({ zone: 'mid-back', vertebra: 'T8' });
  });

  it('the ends of each band: T1 at +N, C7 just above; T12 at −L, L1 just below', () => {
    expect(spinePlace(21, map)).toEqual({ zone: 'upper-back', vertebra: 'T1' });
    expect(spinePlace(21.01, map)).toEqual({ zone: 'neck', vertebra: 'C7' });
    expect(spinePlace(-14, map)).toEqual({ zone: 'mid-back', vertebra: 'T12' });
    expect(spinePlace(-14.01, map)).toEqual({ zone: 'lumbar', vertebra: 'L1' });
  });

  it('spreads the levels evenly and keeps counting past the boundaries', () => {
    expect(spinePlace(3.5, map).vertebra).toBe('T6');
    expect(spinePlace(-3, map).vertebra).toBe('T9');
    expect(spinePlace(21 + 3.1, map).vertebra).toBe('C6');
    expect(spinePlace(300, map).vertebra).toBe('C1');
    expect(spinePlace(-14 - 3, map).vertebra).toBe('L2');
    expect(spinePlace(-300, map).vertebra).toBe('sacrum');
  });

  it('inside a zone given by the engine the level stays in that zone; no number gives a dash', () => {
    expect(vertebraIn('mid-back', -14.5, map)).toBe('T12');
    expect(vertebraIn('upper-back', -0.5, map)).toBe('T7');
    expect(vertebraIn('mid-back', Number.NaN, map)).toBe('–');
  });
});
