/**
 * Decoded samples, many per stored row: how sessions without protocol frames are kept (a
 * recording CSV import, a WitMotion unit), so every stored session can be exported and
 * re-analysed.
 *
 * Lossless: each column is stored as float32 when every value in the batch survives the
 * round trip through float32 exactly, else as float64. Samples scaled from an int16 reading
 * (our frames, WitMotion records, exports of either) always fit float32; times are stored as
 * float32 offsets from the batch's first time when that is exact, else as float64.
 *
 * Body (inside the blob envelope, ./blob-container.ts):
 * ```
 * varint count
 * u8 timeWidth   4: float32 offsets from baseT | 8: float64 absolute times
 * u8 valueWidth  4: float32 | 8: float64 (all six value columns)
 * f64 baseT      time of the first sample, s
 * times          count × timeWidth bytes, byte-plane shuffled (stride timeWidth)
 * values         ax, ay, az (g), gx, gy, gz (°/s) column after column, count × valueWidth
 *                bytes each, byte-plane shuffled (stride valueWidth)
 * ```
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { BlobFormatError, ByteReader, ByteWriter } from './byte-buffer';
import { shuffleDelta, unshuffleDelta } from './byte-planes';
import { openBlob, sealBlob } from './blob-container';

const VALUE_FIELDS = ['axG', 'ayG', 'azG', 'gxDps', 'gyDps', 'gzDps'] as const;

export function encodeSampleBatch(samples: readonly ImuSample[]): Uint8Array {
  const n = samples.length;
  const baseT = n > 0 ? samples[0]!.tS : 0;
  let timeExact = true;
  let valuesExact = true;
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    if (timeExact && baseT + Math.fround(s.tS - baseT) !== s.tS) timeExact = false;
    if (valuesExact) {
      for (const f of VALUE_FIELDS) {
        if (!Object.is(Math.fround(s[f]), s[f])) {
          valuesExact = false;
          break;
        }
      }
    }
  }
  const timeWidth = timeExact ? 4 : 8;
  const valueWidth = valuesExact ? 4 : 8;
  const times = timeExact ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = timeExact ? samples[i]!.tS - baseT : samples[i]!.tS;
  const values = valuesExact ? new Float32Array(6 * n) : new Float64Array(6 * n);
  VALUE_FIELDS.forEach((f, c) => {
    for (let i = 0; i < n; i++) values[c * n + i] = samples[i]![f];
  });
  const body = new ByteWriter(16 + n * (timeWidth + 6 * valueWidth));
  body.varint(n);
  body.u8(timeWidth);
  body.u8(valueWidth);
  body.f64(baseT);
  body.bytes(shuffleDelta(new Uint8Array(times.buffer), timeWidth));
  body.bytes(shuffleDelta(new Uint8Array(values.buffer), valueWidth));
  return sealBlob('samples', body.result());
}

export function decodeSampleBatch(blob: Uint8Array, what = 'sample batch'): ImuSample[] {
  const r = new ByteReader(openBlob('samples', blob, what), what);
  const n = r.varint();
  const timeWidth = r.u8();
  const valueWidth = r.u8();
  if ((timeWidth !== 4 && timeWidth !== 8) || (valueWidth !== 4 && valueWidth !== 8)) {
    throw new BlobFormatError(`${what}: column widths ${timeWidth}/${valueWidth}, expected 4 or 8`);
  }
  const baseT = r.f64();
  const timeBytes = unshuffleDelta(r.bytes(n * timeWidth), timeWidth);
  const valueBytes = unshuffleDelta(r.bytes(6 * n * valueWidth), valueWidth);
  r.end();
  const times = timeWidth === 4 ? new Float32Array(timeBytes.buffer, 0, n) : new Float64Array(timeBytes.buffer, 0, n);
  const values = valueWidth === 4 ? new Float32Array(valueBytes.buffer, 0, 6 * n) : new Float64Array(valueBytes.buffer, 0, 6 * n);
  const out = new Array<ImuSample>(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      tS: timeWidth === 4 ? baseT + times[i]! : times[i]!,
      axG: values[i]!,
      ayG: values[n + i]!,
      azG: values[2 * n + i]!,
      gxDps: values[3 * n + i]!,
      gyDps: values[4 * n + i]!,
      gzDps: values[5 * n + i]!,
    };
  }
  return out;
}
