import { describe, expect, it } from 'vitest';
import type { Characteristic } from '@abandonware/noble';
import { witmotionReadRegisterCommand, witmotionRateHzFromCode, witmotionSetRateSequence, WITMOTION_COMMAND_GAP_S, WITMOTION_REGISTER } from '../../../../sensor-protocol/witmotion/witmotion-commands';
import { WITMOTION_NOBLE_UUIDS } from '../../../../sensor-protocol/witmotion/witmotion-gatt';
import { WitmotionStreamParser, type WitmotionStreamRecord } from '../../../../sensor-protocol/witmotion/witmotion-stream';
import { WITMOTION_RECORD_BYTES } from '../../../../sensor-protocol/witmotion/witmotion-record';
import type { SimulatedWitmotionPeripheral } from '../../../../electron/ble/sim-peripheral/index';
import { collect, findPeripheral, harness, poweredOn, type Harness } from './noble-harness';

async function connectWitmotion(h: Harness, id: string): Promise<{ notify: Characteristic; write: Characteristic }> {
  const p = await findPeripheral(h, id, [WITMOTION_NOBLE_UUIDS.service]);
  expect(p.advertisement.localName).toBe('WT901BLE68');
  await h.run(p.connectAsync());
  const { characteristics } = await h.run(p.discoverSomeServicesAndCharacteristicsAsync([WITMOTION_NOBLE_UUIDS.service], [WITMOTION_NOBLE_UUIDS.notifyChar, WITMOTION_NOBLE_UUIDS.writeChar]));
  const notify = characteristics.find((c) => c.uuid === WITMOTION_NOBLE_UUIDS.notifyChar)!;
  const write = characteristics.find((c) => c.uuid === WITMOTION_NOBLE_UUIDS.writeChar)!;
  expect(notify.properties).toEqual(['notify']);
  expect(write.properties).toEqual(['writeWithoutResponse', 'write']);
  return { notify, write };
}

function witmotionHarness() {
  const h = harness({ peripherals: [{ kind: 'witmotion', scenario: 'good-slow-session', seed: 5 }] });
  return { h, unit: h.peripherals[0] as SimulatedWitmotionPeripheral };
}

/** Parses everything received during `ms`, with the scheduler's time as arrival time. */
async function recordsDuring(h: Harness, notify: Characteristic, ms: number, parser: WitmotionStreamParser) {
  const records: WitmotionStreamRecord[] = [];
  const sizes: number[] = [];
  const onData = (data: Buffer) => {
    sizes.push(data.length);
    const r = parser.push(data, h.scheduler.nowMs() / 1000);
    expect(r.rejections).toEqual([]);
    records.push(...r.records);
  };
  notify.on('data', onData);
  await h.scheduler.advanceByAsync(ms);
  notify.removeListener('data', onData);
  return { records, sizes };
}

describe('simulated WitMotion WT901BLE under the real noble object model', () => {
  it('streams at the factory 10 Hz once subscribed', async () => {
    const { h, unit } = witmotionHarness();
    await poweredOn(h);
    const { notify } = await connectWitmotion(h, unit.id);
    await h.run(notify.subscribeAsync());
    const { records } = await recordsDuring(h, notify, 2000, new WitmotionStreamParser({ nominalRateHz: 10 }));
    expect(records.length).toBeGreaterThanOrEqual(19);
    expect(records.length).toBeLessThanOrEqual(20);
  });

  it('takes unlock / rate 100 Hz / save and then sends 100 records a second that the stream parser decodes', async () => {
    const { h, unit } = witmotionHarness();
    await poweredOn(h);
    const { notify, write } = await connectWitmotion(h, unit.id);
    await h.run(notify.subscribeAsync());
    const sequence = witmotionSetRateSequence(100);
    if (!sequence.ok) throw new Error(sequence.message);
    for (const cmd of sequence.commands) {
      await h.run(write.writeAsync(Buffer.from(cmd), true));
      await h.scheduler.advanceByAsync(WITMOTION_COMMAND_GAP_S * 1000);
    }
    expect(unit.rateHz).toBe(100);

    const parser = new WitmotionStreamParser({ nominalRateHz: 100 });
    const { records, sizes } = await recordsDuring(h, notify, 3000, parser);
    const samples = records.filter((r) => r.kind === 'sample');
    expect(samples.length).toBeGreaterThanOrEqual(297);
    expect(samples.length).toBeLessThanOrEqual(301);
    // Mostly one record per notification, sometimes two in one, sometimes one split in two.
    expect(sizes.filter((n) => n === WITMOTION_RECORD_BYTES).length).toBeGreaterThan(sizes.length / 2);
    expect(sizes.some((n) => n > WITMOTION_RECORD_BYTES)).toBe(true);
    expect(sizes.some((n) => n % WITMOTION_RECORD_BYTES !== 0)).toBe(true);
    // good-slow-session starts at rest: about 1 g, little rotation, angles within range.
    for (const r of samples) {
      if (r.kind !== 'sample') continue;
      expect(Math.hypot(r.sample.axG, r.sample.ayG, r.sample.azG)).toBeCloseTo(1, 1);
      expect(Math.abs(r.sample.gxDps) + Math.abs(r.sample.gyDps) + Math.abs(r.sample.gzDps)).toBeLessThan(10);
      expect(Math.abs(r.anglesDeg.rollDeg)).toBeLessThanOrEqual(180);
    }
    const times = samples.map((r) => (r.kind === 'sample' ? r.sample.tS : 0));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('ignores a rate write without unlock, answers a register read, and keeps a saved rate across a reboot', async () => {
    const { h, unit } = witmotionHarness();
    await poweredOn(h);
    let { notify, write } = await connectWitmotion(h, unit.id);
    await h.run(notify.subscribeAsync());
    const rate50 = witmotionSetRateSequence(50);
    if (!rate50.ok) throw new Error(rate50.message);
    await h.run(write.writeAsync(Buffer.from(rate50.commands[1]), true)); // set rate, still locked
    expect(unit.rateHz).toBe(10);

    const parser = new WitmotionStreamParser({ nominalRateHz: 10 });
    const replies: WitmotionStreamRecord[] = [];
    const incoming = collect(notify);
    await h.run(write.writeAsync(Buffer.from(witmotionReadRegisterCommand(WITMOTION_REGISTER.rate)), false));
    await h.scheduler.advanceByAsync(50);
    for (const b of incoming.items) replies.push(...parser.push(b, h.scheduler.nowMs() / 1000).records.filter((r) => r.kind === 'register'));
    incoming.stop();
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.kind === 'register' && witmotionRateHzFromCode(reply.values[0]!)).toBe(10);

    for (const cmd of rate50.commands) await h.run(write.writeAsync(Buffer.from(cmd), true));
    expect(unit.rateHz).toBe(50);
    unit.restart();
    await h.scheduler.advanceByAsync(2000);
    expect(unit.rateHz).toBe(50);
    ({ notify, write } = await connectWitmotion(h, unit.id));
    await h.run(notify.subscribeAsync());
    const { records } = await recordsDuring(h, notify, 1000, new WitmotionStreamParser({ nominalRateHz: 50 }));
    expect(records.length).toBeGreaterThanOrEqual(48);
    expect(records.length).toBeLessThanOrEqual(51);
  });

  it('malformed: garbage notifications the parser skips, then it resynchronises', async () => {
    const { h, unit } = witmotionHarness();
    await poweredOn(h);
    const { notify } = await connectWitmotion(h, unit.id);
    await h.run(notify.subscribeAsync());
    unit.malformed(3);
    const parser = new WitmotionStreamParser({ nominalRateHz: 10 });
    const data = collect(notify);
    await h.scheduler.advanceByAsync(3000);
    data.stop();
    let records = 0;
    for (const b of data.items) records += parser.push(b, h.scheduler.nowMs() / 1000).records.length;
    expect(parser.counters.skippedBytes).toBeGreaterThan(0);
    expect(records).toBeGreaterThanOrEqual(24);
    expect(unit.counters.malformedSent).toBe(3);
  });
});
