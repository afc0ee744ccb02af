import { describe, expect, it } from 'vitest';
import { encodeSensorConfig } from '../../../../sensor-protocol/gatt/sensor-config';
import { ATT_ERROR } from '../../../../electron/ble/sim-peripheral/att-error';
import { applyConfigWrite, nearest, DEFAULT_SUPPORTED_SAMPLE_RATES_HZ } from '../../../../electron/ble/sim-peripheral/sensor-config-policy';

const policy = { supportedSampleRatesHz: DEFAULT_SUPPORTED_SAMPLE_RATES_HZ, maxSamplesPerFrame: 19 };

function raw(rate: number, accel: number, gyro: number, spf: number, version = 1): Uint8Array {
  const b = new Uint8Array(7);
  const v = new DataView(b.buffer);
  v.setUint8(0, version);
  v.setUint16(1, rate, true);
  v.setUint8(3, accel);
  v.setUint16(4, gyro, true);
  v.setUint8(6, spf);
  return b;
}

describe('sensor configuration writes', () => {
  it('keeps what the sensor supports', () => {
    const bytes = encodeSensorConfig({ sampleRateHz: 200, accelRangeG: 16, gyroRangeDps: 2000, samplesPerFrame: 10 });
    expect(applyConfigWrite(bytes, policy)).toEqual({ ok: true, config: { sampleRateHz: 200, accelRangeG: 16, gyroRangeDps: 2000, samplesPerFrame: 10 }, adjusted: [] });
  });

  it('substitutes the nearest supported values and caps samples per frame by the MTU', () => {
    expect(applyConfigWrite(raw(104, 3, 300, 40), policy)).toEqual({
      ok: true,
      config: { sampleRateHz: 100, accelRangeG: 4, gyroRangeDps: 250, samplesPerFrame: 19 },
      adjusted: ['sampleRateHz', 'accelRangeG', 'gyroRangeDps', 'samplesPerFrame'],
    });
    expect(applyConfigWrite(raw(1000, 64, 4000, 1), policy)).toMatchObject({ ok: true, config: { sampleRateHz: 400, accelRangeG: 16, gyroRangeDps: 2000 } });
    expect(applyConfigWrite(raw(26, 2, 125, 1), { supportedSampleRatesHz: [26, 52, 104], maxSamplesPerFrame: 1 })).toMatchObject({ config: { sampleRateHz: 26 } });
  });

  it('ignores bytes beyond the seven', () => {
    const longer = new Uint8Array([...raw(50, 4, 500, 2), 0xff, 0xee]);
    expect(applyConfigWrite(longer, policy)).toMatchObject({ ok: true, config: { sampleRateHz: 50, samplesPerFrame: 2 } });
  });

  it('refuses payloads it cannot parse with ATT errors', () => {
    expect(applyConfigWrite(new Uint8Array(6), policy)).toMatchObject({ ok: false, code: ATT_ERROR.invalidAttributeValueLength });
    expect(applyConfigWrite(raw(100, 4, 500, 1, 2), policy)).toMatchObject({ ok: false, code: ATT_ERROR.valueNotAllowed });
    expect(applyConfigWrite(raw(100, 4, 500, 0), policy)).toMatchObject({ ok: false, code: ATT_ERROR.valueNotAllowed, message: expect.stringMatching(/samplesPerFrame/) });
    expect(applyConfigWrite(raw(0, 4, 500, 1), policy)).toMatchObject({ ok: false, code: ATT_ERROR.valueNotAllowed });
  });

  it('breaks ties toward the larger value', () => {
    expect(nearest(3, [2, 4, 8])).toBe(4);
    expect(nearest(75, [50, 100])).toBe(100);
  });
});
