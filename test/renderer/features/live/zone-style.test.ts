import { describe, expect, it } from 'vitest';
import { ZONE_COLOUR, ZONE_STYLE } from '../../../../renderer/features/live/zone-style';

describe('zone style', () => {
  it('tells every zone apart by colour and by label', () => {
    const colours = Object.values(ZONE_COLOUR);
    expect(new Set(colours).size).toBe(4);
    expect(new Set(Object.values(ZONE_STYLE).map((z) => z.label)).size).toBe(4);
  });
  it('marks the no-go zones with a pattern and "keep off", the others not', () => {
    expect(ZONE_STYLE.lumbar).toMatchObject({ pattern: 'diagonal', rollHere: false, note: 'keep off' });
    expect(ZONE_STYLE.neck).toMatchObject({ pattern: 'crosshatch', rollHere: false, note: 'keep off' });
    expect(ZONE_STYLE['upper-back'].pattern).toBe('none');
    expect(ZONE_STYLE['mid-back'].pattern).toBe('none');
  });
});
