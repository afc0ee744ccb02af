/**
 * int16 quantisation with the protocol's scale (LSB = range / 32768, rounded, clamped to
 * −32768 … 32767), as the firmware does before a sample goes into a frame.
 */
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { toRaw } from '../../sensor-protocol/frame/frame-codec';
import { INT16_FULL_SCALE } from '../../sensor-protocol/frame/frame-layout';

/**
 * Writes the six raw values of `reading` (gx, gy, gz °/s, ax, ay, az g) into `raw` at
 * `offset` in frame order (ax, ay, az, gx, gy, gz). When `quantize` is set, `reading` is
 * replaced by what the raw values decode to.
 */
export function quantizeReading(reading: Float64Array, config: SensorConfig, raw: Int16Array, offset: number, quantize: boolean): void {
  const accelLsb = config.accelRangeG / INT16_FULL_SCALE;
  const gyroLsb = config.gyroRangeDps / INT16_FULL_SCALE;
  for (let i = 0; i < 3; i++) {
    const a = toRaw(reading[3 + i]!, config.accelRangeG);
    const g = toRaw(reading[i]!, config.gyroRangeDps);
    raw[offset + i] = a;
    raw[offset + 3 + i] = g;
    if (quantize) {
      // `+ 0` turns the −0 of a tiny negative value into 0, as the decoder reads it
      reading[3 + i] = a * accelLsb + 0;
      reading[i] = g * gyroLsb + 0;
    }
  }
}
