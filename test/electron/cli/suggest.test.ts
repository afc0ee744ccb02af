import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../../electron/cli/suggest';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['analyze', 'analyze', 0],
    ['analyse', 'analyze', 1],
    ['analzye', 'analyze', 1], // two neighbouring letters swapped: one edit
    ['scna', 'scan', 1],
    ['serv', 'serve', 1],
    ['', 'demo', 4],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i edits', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const commands = ['analyze', 'simulate', 'scan', 'record', 'demo', 'serve', 'launch', 'sessions'];
  it.each([
    ['analyse', 'analyze'],
    ['ANALYZE', 'analyze'],
    ['sesions', 'sessions'],
    ['session', 'sessions'],
    ['recrod', 'record'],
    ['launhc', 'launch'],
  ])('%j → %j', (typed, expected) => expect(suggest(typed, commands)).toBe(expected));

  it('finds the flag a typed start belongs to', () => {
    const flags = ['diameter-in', 'neck-above-cm', 'lumbar-below-cm', 'height-cm', 'speed-limit-in-per-s', 'format'];
    expect(suggest('diameter', flags)).toBe('diameter-in');
    expect(suggest('speed-limit', flags)).toBe('speed-limit-in-per-s');
    expect(suggest('formt', flags)).toBe('format');
  });

  it('suggests nothing far away', () => {
    expect(suggest('fly', commands)).toBeNull();
    expect(suggest('xyzzy', commands)).toBeNull();
    expect(suggest('', commands)).toBeNull();
    expect(didYouMean('fly', commands)).toBe('');
    expect(didYouMean('demi', commands)).toBe(' (did you mean "demo"?)');
  });
});
