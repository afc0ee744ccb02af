import { describe, expect, it } from 'vitest';
import { decodeWitmotionSampleRecord, WITMOTION_RECORD_BYTES } from '../../../../sensor-protocol/witmotion/witmotion-record';
import { witmotionSetRateSequence, witmotionReadRegisterCommand } from '../../../../sensor-protocol/witmotion/witmotion-commands';
import { WitmotionStreamParser } from '../../../../sensor-protocol/witmotion/witmotion-stream';
import { randomStream } from '../../../../electron/sim/seeded-random';
import { encodeWitmotionSampleRecord } from '../../../../electron/ble/sim-peripheral/witmotion-record-encoder';
import { WitmotionPacketizer } from '../../../../electron/ble/sim-peripheral/witmotion-packetizer';
import { WitmotionRegisterFile, parseWitmotionWrite } from '../../../../electron/ble/sim-peripheral/witmotion-registers';

describe('WitMotion record encoder', () => {
  it('round-trips through the protocol decoder within one LSB, clamping at full scale', () => {
    const values = { axG: 0.0123, ayG: -0.98, azG: 20, gxDps: 12.5, gyDps: -2500, gzDps: 0, anglesDeg: { rollDeg: -0.57, pitchDeg: 0.07, yawDeg: 70.27 } };
    const d = decodeWitmotionSampleRecord(encodeWitmotionSampleRecord(values));
    if (!d.ok) throw new Error(d.message);
    expect(d.axG).toBeCloseTo(0.0123, 3);
    expect(d.ayG).toBeCloseTo(-0.98, 3);
    expect(d.azG).toBeCloseTo(16 - 16 / 32768, 6);
    expect(d.gxDps).toBeCloseTo(12.5, 1);
    expect(d.gyDps).toBe(-2000);
    expect(d.anglesDeg.yawDeg).toBeCloseTo(70.27, 2);
  });
});

describe('WitMotion packetizer', () => {
  it('keeps the byte stream intact while holding and splitting records, within the payload size', () => {
    const packetizer = new WitmotionPacketizer({ holdProbability: 0.3, splitProbability: 0.3, maxHeldBytes: 40 }, randomStream(9, 'p'));
    const parser = new WitmotionStreamParser({ nominalRateHz: 100 });
    const sent: Uint8Array[] = [];
    let decoded = 0;
    for (let i = 0; i < 200; i++) {
      const record = encodeWitmotionSampleRecord({ axG: i / 1000, ayG: 0, azG: 1, gxDps: 0, gyDps: 0, gzDps: 0, anglesDeg: { rollDeg: 0, pitchDeg: 0, yawDeg: 0 } });
      for (const n of packetizer.push(record, 20)) {
        sent.push(n);
        decoded += parser.push(n, i / 100).records.length;
      }
    }
    for (const n of packetizer.flush(20)) decoded += parser.push(n, 2).records.length;
    expect(decoded).toBe(200);
    expect(parser.counters.skippedBytes).toBe(0);
    expect(sent.every((n) => n.length <= 20)).toBe(true);
    expect(sent.some((n) => n.length < WITMOTION_RECORD_BYTES)).toBe(true);
  });
});

describe('WitMotion register file', () => {
  it('needs an unlock for rate and save, which lasts 10 s', () => {
    const regs = new WitmotionRegisterFile(10);
    const seq = witmotionSetRateSequence(200);
    if (!seq.ok) throw new Error(seq.message);
    const [unlock, rate, save] = seq.commands.map((c) => parseWitmotionWrite(c)[0]!);
    expect(regs.apply(rate!, 0)).toEqual({ kind: 'ignored', reason: 'locked' });
    regs.apply(unlock!, 0);
    expect(regs.apply(rate!, 9_999)).toEqual({ kind: 'rate-changed', rateHz: 200 });
    expect(regs.apply(save!, 10_000)).toEqual({ kind: 'ignored', reason: 'locked' });
    regs.reboot();
    expect(regs.rateHz).toBe(10); // not saved
  });

  it('parses several commands in one write, skipping stray bytes, and answers register reads', () => {
    const bytes = new Uint8Array([0x00, ...witmotionReadRegisterCommand(0x03), 0x12, ...witmotionReadRegisterCommand(0x30)]);
    const cmds = parseWitmotionWrite(bytes);
    expect(cmds).toEqual([
      { register: 0x27, value: 0x03 },
      { register: 0x27, value: 0x30 },
    ]);
    expect(new WitmotionRegisterFile(100).apply(cmds[0]!, 0)).toEqual({ kind: 'register-reply', startRegister: 3, values: [0x09, 0, 0, 0, 0, 0, 0, 0] });
  });
});
