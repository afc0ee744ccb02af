import { describe, expect, it } from 'vitest';
import { adapterHasProblem, canScan, splitCode } from '../../../../renderer/features/pair/adapter-text';

describe('adapter text', () => {
  it('allows scanning only where the adapter may work', () => {
    expect(canScan({ state: 'poweredOn', message: '', fix: '' })).toBe(true);
    expect(canScan({ state: 'unknown', message: '', fix: '' })).toBe(true);
    expect(canScan({ state: 'unavailable', message: 'Bluetooth unavailable: x', fix: 'y' })).toBe(false);
    expect(canScan({ state: 'poweredOff', message: '', fix: '' })).toBe(false);
    expect(adapterHasProblem({ state: 'unauthorized', message: '', fix: '' })).toBe(true);
  });
  it('splits commands in backticks out of the fix text', () => {
    expect(splitCode('Run `rfkill unblock bluetooth`, then `bluetoothctl show`.')).toEqual([
      { text: 'Run ', code: false },
      { text: 'rfkill unblock bluetooth', code: true },
      { text: ', then ', code: false },
      { text: 'bluetoothctl show', code: true },
      { text: '.', code: false },
    ]);
    expect(splitCode('plain')).toEqual([{ text: 'plain', code: false }]);
  });
});
