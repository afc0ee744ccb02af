import { describe, it, expect } from 'vitest';
import { WITMOTION_NOBLE_UUIDS, WITMOTION_NOTIFY_CHAR_UUID, WITMOTION_SERVICE_UUID, WITMOTION_WRITE_CHAR_UUID, isWitmotionAdvertisedName } from '../../../sensor-protocol/witmotion/witmotion-gatt';

describe('WitMotion GATT profile', () => {
  it('has the vendor UUIDs (…9a34fb, not the Bluetooth base …9b34fb)', () => {
    expect(WITMOTION_SERVICE_UUID).toBe('0000ffe5-0000-1000-8000-00805f9a34fb');
    expect(WITMOTION_NOTIFY_CHAR_UUID).toBe('0000ffe4-0000-1000-8000-00805f9a34fb');
    expect(WITMOTION_WRITE_CHAR_UUID).toBe('0000ffe9-0000-1000-8000-00805f9a34fb');
    expect(WITMOTION_NOBLE_UUIDS).toEqual({
      service: '0000ffe500001000800000805f9a34fb',
      notifyChar: '0000ffe400001000800000805f9a34fb',
      writeChar: '0000ffe900001000800000805f9a34fb',
    });
  });

  it('recognises advertised names', () => {
    expect(isWitmotionAdvertisedName('WT901BLE68')).toBe(true);
    expect(isWitmotionAdvertisedName('wt901ble5.0')).toBe(true);
    expect(isWitmotionAdvertisedName('BWT901BLECL')).toBe(true);
    expect(isWitmotionAdvertisedName('Roller')).toBe(false);
    expect(isWitmotionAdvertisedName('')).toBe(false);
    expect(isWitmotionAdvertisedName(undefined)).toBe(false);
  });
});
