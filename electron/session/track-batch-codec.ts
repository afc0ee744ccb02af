/**
 * Track points (the engine's estimates with their diagnostics), many per stored row, for the
 * review charts and for summaries of interrupted sessions.
 *
 * Body (inside the blob envelope, ./blob-container.ts):
 * ```
 * varint count
 * f64 baseT                          time of the first point, s (sensor time)
 * float32 columns, count each,       t − baseT (s), positionCm, speedInPerS, axisConfidence,
 *  byte-plane shuffled (stride 4)    biasX, biasY, biasZ (°/s)
 * u8 zone[count]                     index into ZONES (motion/spine-map.ts)
 * u8 flags[count]                    FLAG_AT_REST | FLAG_GAP_BRIDGED | FLAG_ACCEL_REJECTED
 * ```
 * float32 keeps times to better than a microsecond within a batch and positions to far below
 * what the estimate can resolve.
 */
import { ZONES } from '../motion/spine-map';
import { TrackColumns } from '../motion/track-columns';
import { BlobFormatError, ByteReader, ByteWriter } from './byte-buffer';
import { shuffleDelta, unshuffleDelta } from './byte-planes';
import { openBlob, sealBlob } from './blob-container';

const FLOAT_COLUMNS = 7;

/** Encodes points `from … to − 1` of `track`. */
export function encodeTrackBatch(track: TrackColumns, from = 0, to = track.length): Uint8Array {
  const n = Math.max(0, to - from);
  const baseT = n > 0 ? track.t[from]! : 0;
  const f = new Float32Array(FLOAT_COLUMNS * n);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    f[k] = track.t[i]! - baseT;
    f[n + k] = track.positionCm[i]!;
    f[2 * n + k] = track.speedInPerS[i]!;
    f[3 * n + k] = track.axisConfidence[i]!;
    f[4 * n + k] = track.bias[3 * i]!;
    f[5 * n + k] = track.bias[3 * i + 1]!;
    f[6 * n + k] = track.bias[3 * i + 2]!;
  }
  const body = new ByteWriter(16 + n * (4 * FLOAT_COLUMNS + 2));
  body.varint(n);
  body.f64(baseT);
  body.bytes(shuffleDelta(new Uint8Array(f.buffer), 4));
  body.bytes(track.zone.subarray(from, from + n));
  body.bytes(track.flags.subarray(from, from + n));
  return sealBlob('track', body.result());
}

/** Appends the batch's points to `into` (a new TrackColumns when not given). */
export function decodeTrackBatch(blob: Uint8Array, into = new TrackColumns(), what = 'track batch'): TrackColumns {
  const r = new ByteReader(openBlob('track', blob, what), what);
  const n = r.varint();
  const baseT = r.f64();
  const fb = unshuffleDelta(r.bytes(4 * FLOAT_COLUMNS * n), 4);
  const f = new Float32Array(fb.buffer, 0, FLOAT_COLUMNS * n);
  const zone = r.bytes(n);
  const flags = r.bytes(n);
  r.end();
  for (let k = 0; k < n; k++) {
    const z = ZONES[zone[k]!];
    if (z === undefined) throw new BlobFormatError(`${what}: point ${k} has zone index ${zone[k]}, not one of ${ZONES.length}`);
    into.push(baseT + f[k]!, f[n + k]!, f[2 * n + k]!, z, flags[k]!, f[3 * n + k]!, f[4 * n + k]!, f[5 * n + k]!, f[6 * n + k]!);
  }
  return into;
}
