import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../renderer/bridge/contract';
import { batteryText, orderDevices } from '../../../../renderer/features/pair/device-order';

const dev = (id: string, rssiDbm: number, remembered = false): Device => ({ id, name: id, kind: 'roller', rssiDbm, batteryPercent: null, remembered });

describe('device order', () => {
  it('puts the remembered sensor first, then the strongest signal', () => {
    expect(orderDevices([dev('a', -80), dev('b', -50), dev('c', -90, true)]).map((d) => d.id)).toEqual(['c', 'b', 'a']);
  });
  it('does not change the list it was given', () => {
    const list = [dev('a', -80), dev('b', -50)];
    orderDevices(list);
    expect(list.map((d) => d.id)).toEqual(['a', 'b']);
  });
  it('says the battery level or that it is unknown', () => {
    expect(batteryText(81.6)).toBe('battery 82 %');
    expect(batteryText(null)).toBe('battery unknown');
  });
});
