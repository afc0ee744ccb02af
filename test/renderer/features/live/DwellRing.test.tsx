// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DwellRing } from '../../../../renderer/features/live/DwellRing';
import { livePointFixture } from '../../app/fixtures';
import { manualFrames, renderWithServices } from '../../support/render-with-services';

const R = 84;
const C = 2 * Math.PI * R;

function ring() {
  const frames = manualFrames();
  const r = renderWithServices(<DwellRing nudgeS={15} limitS={30} />);
  const root = screen.getByTestId('dwell-ring');
  return { ...r, frames, root, arc: root.querySelector('.dwell-ring__arc')!, secs: root.querySelector('.dwell-ring__secs')! };
}

describe('DwellRing', () => {
  it('draws a ring: an SVG with a non-zero viewBox, a track and an arc circle of the ring’s radius', () => {
    // Layout (the review found the SVG measured 0×0) is not visible here; the drawing is.
    const { root, arc } = ring();
    const svg = root.querySelector('svg')!;
    const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
    for (const c of [root.querySelector('.dwell-ring__track')!, arc]) {
      expect(Number(c.getAttribute('r'))).toBe(R);
      expect(Number(c.getAttribute('cx'))).toBeGreaterThan(0);
    }
    expect(Number(arc.getAttribute('stroke-dasharray'))).toBeCloseTo(C, 1);
    expect(root.querySelector('.dwell-ring__nudge-mark')).not.toBeNull();
  });

  it('starts empty, "on this spot", with the nudge and the limit in the legend', () => {
    const { frames, root, arc, secs } = ring();
    frames.run(0);
    expect(screen.getByRole('region', { name: 'Same spot' })).toBe(root);
    expect(Number(arc.getAttribute('stroke-dashoffset'))).toBeCloseTo(C, 1);
    expect(secs.textContent).toBe('0');
    expect(root.dataset.level).toBe('fine');
    expect(root.textContent).toContain('on this spot');
    expect(root.textContent).toContain('nudge 15 s · limit 30 s');
  });

  it.each([
    [7.9, 'fine', 'on this spot', 7],
    [15, 'nudge', 'move on soon', 15],
    [42, 'limit', 'move on now', 42],
  ])('after %s s on a spot: level %s, "%s", %s s shown', (dwellS, level, words, shownS) => {
    const { frames, services, root, arc, secs } = ring();
    services.liveFeed.push([livePointFixture({ dwellS })], 0);
    frames.run(16);
    expect(root.dataset.level).toBe(level);
    expect(root.querySelector('.dwell-ring__note')!.textContent).toBe(words);
    expect(secs.textContent).toBe(String(shownS));
    // The arc fills toward the limit: its dash offset shrinks with the share of the limit.
    expect(Number(arc.getAttribute('stroke-dashoffset'))).toBeCloseTo(C * (1 - Math.min(1, dwellS / 30)), 0);
  });
});
