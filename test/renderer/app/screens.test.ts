import { describe, expect, it } from 'vitest';
import { screenForKey, SCREENS } from '../../../renderer/app/screens';

describe('screens', () => {
  it('has the six screens in order with number keys', () => {
    expect(SCREENS.map((s) => s.label)).toEqual(['Session', 'Pair', 'Setup', 'Settings', 'History', 'Sensor']);
    expect(screenForKey('1')).toBe('session');
    expect(screenForKey('4')).toBe('settings');
    expect(screenForKey('5')).toBe('history');
    expect(screenForKey('6')).toBe('sensor');
    expect(screenForKey('7')).toBeNull();
  });
});
