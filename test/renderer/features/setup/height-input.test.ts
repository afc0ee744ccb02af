import { describe, expect, it } from 'vitest';
import { convertHeightDraft, heightDraftFrom, heightRangeText, parseHeight } from '../../../../renderer/features/setup/height-input';

const ftIn = (feet: string, inches: string) => ({ feet, inches, cm: '' });
const cm = (text: string) => ({ feet: '', inches: '', cm: text });

describe('parseHeight', () => {
  it('feet and inches in inches mode: whole feet, inches 0 to under 12 (decimals, a comma, or empty for 0)', () => {
    expect(parseHeight(ftIn('5', '9'), 'in')).toEqual({ ok: true, cm: 175.3 });
    expect(parseHeight(ftIn(' 6 ', ''), 'in')).toEqual({ ok: true, cm: 182.9 });
    expect(parseHeight(ftIn('5', '8,5'), 'in')).toEqual({ ok: true, cm: 174 });
  });

  it('cm in cm mode, rounded to a millimetre', () => {
    expect(parseHeight(cm('175'), 'cm')).toEqual({ ok: true, cm: 175 });
    expect(parseHeight(cm('168.44'), 'cm')).toEqual({ ok: true, cm: 168.4 });
  });

  it.each([
    [ftIn('', '9'), 'feet', 'Height (feet): type a whole number of feet, such as 5.'],
    [ftIn('5.5', '0'), 'feet', 'Height (feet): type a whole number of feet, such as 5.'],
    [ftIn('five', '9'), 'feet', 'Height (feet): type a whole number of feet, such as 5.'],
    [ftIn('5', '12'), 'inches', 'Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.'],
    [ftIn('5', '-1'), 'inches', 'Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.'],
    [ftIn('5', 'nine'), 'inches', 'Height (inches): type the inches over the feet, from 0 to 11.9, such as 9.'],
    [ftIn('8', '0'), 'feet', 'Height: must be between 3 ft 11.3 in and 7 ft 2.6 in.'],
  ] as const)('inches mode, %j: the error names the field (%s)', (draft, field, message) => {
    expect(parseHeight(draft, 'in')).toEqual({ ok: false, field, message });
  });

  it.each([
    [cm(''), 'Height (cm): type your height in centimetres, such as 175.'],
    [cm('5\'9"'), 'Height (cm): type your height in centimetres, such as 175.'],
    [cm('119.9'), 'Height: must be between 120 and 220 cm.'],
    [cm('221'), 'Height: must be between 120 and 220 cm.'],
  ])('cm mode, %j: %s', (draft, message) => {
    expect(parseHeight(draft, 'cm')).toEqual({ ok: false, field: 'cm', message });
  });

  it('the range ends as the message shows them are accepted; just below is not', () => {
    expect(parseHeight(cm('120'), 'cm')).toMatchObject({ ok: true, cm: 120 });
    expect(parseHeight(ftIn('3', '11.3'), 'in')).toMatchObject({ ok: true, cm: 120.1 });
    expect(parseHeight(ftIn('3', '11.2'), 'in')).toMatchObject({ ok: false, field: 'feet' });
    expect(parseHeight(ftIn('7', '2.6'), 'in')).toMatchObject({ ok: true, cm: 220 });
    expect(heightRangeText('in')).toBe('3 ft 11.3 in and 7 ft 2.6 in');
  });
});

describe('height drafts', () => {
  it('from cm: feet and whole inches (never 12 inches), and cm', () => {
    expect(heightDraftFrom(175)).toEqual({ feet: '5', inches: '9', cm: '175' });
    expect(heightDraftFrom(182.6)).toEqual({ feet: '6', inches: '0', cm: '183' });
    expect(heightDraftFrom(152.4)).toEqual({ feet: '5', inches: '0', cm: '152' });
  });

  it('switching units converts what parses and leaves the rest as typed', () => {
    expect(convertHeightDraft({ feet: '5', inches: '9', cm: '' }, 'in', 'cm').cm).toBe('175');
    expect(convertHeightDraft({ feet: 'x', inches: '9', cm: '170' }, 'in', 'cm').cm).toBe('170');
    expect(convertHeightDraft({ feet: '', inches: '', cm: '190' }, 'cm', 'in')).toMatchObject({ feet: '6', inches: '3' });
  });
});
