// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SpeedPanel } from '../../../../renderer/features/live/SpeedPanel';
import { livePointFixture } from '../../app/fixtures';
import { manualFrames, renderWithServices } from '../../support/render-with-services';

function panel(units: 'in' | 'cm' = 'in') {
  const frames = manualFrames();
  const r = renderWithServices(<SpeedPanel units={units} limitInPerS={1} neckAboveCm={16} lumbarBelowCm={14} />);
  const section = screen.getByRole('region', { name: 'Speed' });
  return { ...r, frames, section, readout: screen.getByTestId('speed-readout'), where: screen.getByTestId('zone-readout') };
}

describe('SpeedPanel', () => {
  it('before any live point: a dash, "Holding still", waiting for the sensor; the limit on the scale', () => {
    const { frames, section, readout, where } = panel();
    frames.run(1000);
    expect(readout.textContent).toBe('–in/s');
    expect(section.dataset.level).toBe('still');
    expect(section.textContent).toContain('Holding still');
    expect(section.textContent).toContain('limit 1.0 in/s');
    expect(where.textContent).toBe('Waiting for the sensor…');
  });

  it.each([
    [0.5, 'ok', 'Good pace', '0.250'],
    [0.9, 'near', 'Near the limit', '0.450'],
    [1.6, 'over', 'Slow down', '0.800'],
  ])('at %s in/s: level %s, "%s", gauge filled to %s', (speed, level, words, fill) => {
    const { frames, services, section, readout } = panel();
    services.liveFeed.push([livePointFixture({ speedInPerS: speed })], 1000);
    frames.run(1100);
    expect(readout.textContent).toBe(`${speed.toFixed(1)}in/s`);
    expect(section.dataset.level).toBe(level);
    expect(section.textContent).toContain(words);
    expect(screen.getByTestId('speed-gauge').querySelector('.gauge__fill')?.getAttribute('transform')).toBe(`scale(${fill} 1)`);
  });

  it('names the zone and the vertebra level under the roller', () => {
    const { frames, services, where } = panel();
    services.liveFeed.push([livePointFixture({ positionCm: -14, zone: 'lumbar', speedInPerS: 0.3 })], 1000);
    frames.run(1016);
    expect(where.textContent).toBe('Lower back · about L1');
    services.liveFeed.push([livePointFixture({ positionCm: 16, zone: 'neck', speedInPerS: 0.3 })], 1032);
    frames.run(1048);
    expect(where.textContent).toBe('Neck · about C7');
  });

  it.each([
    [0, 'upper-back', 'Upper back · about T7'],
    [-0.01, 'mid-back', 'Mid back · about T8'],
    [-14, 'mid-back', 'Mid back · about T12'],
    [-14.01, 'lumbar', 'Lower back · about L1'],
    [16, 'upper-back', 'Upper back · about T1'],
    [16.01, 'neck', 'Neck · about C7'],
  ] as const)('at the zone boundaries the level agrees with the zone: %s cm in %s → "%s"', (positionCm, zone, words) => {
    const { frames, services, where } = panel();
    services.liveFeed.push([livePointFixture({ positionCm, zone, speedInPerS: 0.3 })], 1000);
    frames.run(1016);
    expect(where.textContent).toBe(words);
  });

  it('in cm/s when the profile says cm', () => {
    const { frames, services, readout, section } = panel('cm');
    services.liveFeed.push([livePointFixture({ speedInPerS: 1 })], 1000);
    frames.run(1010);
    expect(readout.textContent).toBe('2.5cm/s');
    expect(section.textContent).toContain('limit 2.5 cm/s');
  });

  it('when the stream stalls: back to a dash and marked stale', () => {
    const { frames, services, readout, section } = panel();
    services.liveFeed.push([livePointFixture({ speedInPerS: 0.6 })], 1000);
    frames.run(1100);
    expect(section.classList.contains('speed--stale')).toBe(false);
    frames.run(2600);
    expect(readout.textContent).toBe('–in/s');
    expect(section.classList.contains('speed--stale')).toBe(true);
    expect(section.dataset.level).toBe('still');
  });
});
