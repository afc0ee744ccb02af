// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveSpine } from '../../../../renderer/features/live/LiveSpine';
import { livePointFixture } from '../../app/fixtures';
import { manualFrames, renderWithServices } from '../../support/render-with-services';

const translateY = (el: Element) => Number(/translate\(0 (-?[\d.]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1]);

describe('LiveSpine', () => {
  it('an image of the spine with its four zones, the keep-off ones marked', () => {
    renderWithServices(<LiveSpine neckAboveCm={20} lumbarBelowCm={14} units="in" />);
    expect(screen.getByRole('img', { name: "Spine map with the roller's position" })).toBeTruthy();
    const labels = [...document.querySelectorAll('.spine__zone-label')].map((t) => t.textContent);
    expect(labels).toEqual(['Neck', 'Upper back', 'Mid back', 'Lower back']);
    expect([...document.querySelectorAll('.spine__zone-note--avoid')].map((t) => t.textContent)).toEqual(['keep off', 'keep off']);
  });

  it('the marker follows the newest live point: higher up the back is higher on the map, with its level', () => {
    const frames = manualFrames();
    const { services } = renderWithServices(<LiveSpine neckAboveCm={20} lumbarBelowCm={14} units="in" />);
    const marker = screen.getByTestId('roller-marker');
    const start = translateY(marker);
    services.liveFeed.push([livePointFixture({ positionCm: 20, zone: 'neck' })], 1000);
    frames.run(1010);
    expect(translateY(marker)).toBeLessThan(start);
    expect(marker.getAttribute('data-zone')).toBe('neck');
    expect(marker.querySelector('text')?.textContent).toBe('C7');
    services.liveFeed.push([livePointFixture({ positionCm: -14, zone: 'lumbar' })], 1020);
    frames.run(1030);
    expect(translateY(marker)).toBeGreaterThan(start);
    expect(marker.querySelector('text')?.textContent).toBe('L1');
  });

  it('a stalled stream greys the marker out', () => {
    const frames = manualFrames();
    const { services } = renderWithServices(<LiveSpine neckAboveCm={20} lumbarBelowCm={14} units="in" />);
    services.liveFeed.push([livePointFixture()], 1000);
    frames.run(1100);
    expect(screen.getByTestId('roller-marker').classList.contains('roller-marker--stale')).toBe(false);
    frames.run(3000);
    expect(screen.getByTestId('roller-marker').classList.contains('roller-marker--stale')).toBe(true);
  });
});
