import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, toRaw } from '../../sensor-protocol/frame/frame-codec';
import { FrameDecoder } from '../../sensor-protocol/frame/frame-decoder';
import { decodeSensorConfig, encodeSensorConfig, type SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import { decodeSensorStatus, encodeSensorStatus, SENSOR_ERRORS, SENSOR_STATES } from '../../sensor-protocol/gatt/sensor-status';
import { decodeControlCommand, encodeControlCommand } from '../../sensor-protocol/gatt/control-point';
import { field, loadGoldenVectors, toHex } from './golden-vectors';

const vectors = loadGoldenVectors();
const ofKind = (kind: string) => vectors.filter((v) => v.kind === kind).map((v) => [v.name, v] as const);

function configFrom(values: number[]): SensorConfig {
  const [sampleRateHz = 0, accelRangeG = 0, gyroRangeDps = 0, samplesPerFrame = 0] = values;
  return { sampleRateHz, accelRangeG, gyroRangeDps, samplesPerFrame } as SensorConfig;
}

describe('golden vectors (shared with the C codec)', () => {
  it('has vectors of every kind', () => {
    const kinds = new Set(vectors.map((v) => v.kind));
    for (const k of ['frame', 'frame-reject', 'config', 'config-reject', 'status', 'status-reject', 'control', 'control-reject']) {
      expect(kinds.has(k), k).toBe(true);
    }
  });

  it.each(ofKind('frame'))('frame %s decodes to its header, raw values and physical units, and encodes back', (_name, v) => {
    const [version, count, sequence, t0Us] = field(v, 'header')[0]!;
    const raws = field(v, 'raw');
    const decoded = decodeFrame(v.bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(version).toBe(1);
    expect(decoded.frame.sequence).toBe(sequence);
    expect(decoded.frame.t0Us).toBe(t0Us);
    expect(decoded.frame.raw.length / 6).toBe(count);
    expect(Array.from(decoded.frame.raw)).toEqual(raws.flat());
    expect(toHex(encodeFrame(decoded.frame))).toBe(toHex(v.bytes));

    const config = configFrom(field(v, 'config')[0]!);
    const result = new FrameDecoder(config).push(v.bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    field(v, 'phys').forEach((p, i) => {
      const s = result.samples[i]!;
      const got = [s.tS, s.axG, s.ayG, s.azG, s.gxDps, s.gyDps, s.gzDps];
      got.forEach((g, j) => expect(g).toBeCloseTo(p[j]!, 6));
      // Physical → raw reproduces the wire values (what firmware does).
      expect(toRaw(s.axG, config.accelRangeG)).toBe(raws[i]![0]);
      expect(toRaw(s.gzDps, config.gyroRangeDps)).toBe(raws[i]![5]);
    });
  });

  it.each(ofKind('frame-reject'))('frame %s is rejected with the named reason', (_name, v) => {
    const decoded = decodeFrame(v.bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.reason).toBe(v.reject);
      expect(decoded.message).toMatch(/^frame: /);
    }
  });

  it.each(ofKind('config'))('config %s round-trips', (_name, v) => {
    const config = configFrom(field(v, 'config')[0]!);
    expect(decodeSensorConfig(v.bytes)).toEqual({ ok: true, config });
    expect(toHex(encodeSensorConfig(config))).toBe(toHex(v.bytes));
  });

  it.each(ofKind('config-reject'))('config %s is rejected', (_name, v) => {
    const r = decodeSensorConfig(v.bytes);
    expect(r.ok ? 'accepted' : r.reason).toBe(v.reject);
  });

  it.each(ofKind('status'))('status %s round-trips', (_name, v) => {
    const [state = 0, error = 0, major, minor, patch, droppedSamples] = field(v, 'status')[0]!;
    const status = { state: SENSOR_STATES[state]!, error: SENSOR_ERRORS[error]!, firmwareVersion: `${major}.${minor}.${patch}`, droppedSamples: droppedSamples! };
    expect(decodeSensorStatus(v.bytes)).toEqual({ ok: true, status });
    expect(toHex(encodeSensorStatus(status))).toBe(toHex(v.bytes));
  });

  it.each(ofKind('status-reject'))('status %s is rejected', (_name, v) => {
    const r = decodeSensorStatus(v.bytes);
    expect(r.ok ? 'accepted' : r.reason).toBe(v.reject);
  });

  it.each(ofKind('control'))('control %s round-trips', (_name, v) => {
    const [opcode, param] = field(v, 'control')[0]!;
    const r = decodeControlCommand(v.bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(v.bytes[0]).toBe(opcode);
    if (r.command.command === 'identify') expect(r.command.durationS).toBe(param);
    expect(toHex(encodeControlCommand(r.command))).toBe(toHex(v.bytes));
  });

  it.each(ofKind('control-reject'))('control %s is rejected', (_name, v) => {
    const r = decodeControlCommand(v.bytes);
    expect(r.ok ? 'accepted' : r.reason).toBe(v.reject);
  });
});
