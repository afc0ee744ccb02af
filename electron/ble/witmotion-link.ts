/**
 * A GATT session with a WitMotion BWT901BLECL / WT901BLE: subscribe to its notify
 * characteristic, ask for the rate we want (unlock, set rate, save; ~100 ms apart as WitMotion's
 * own tools do), and parse the 0x55 0x61 record stream. The unit has no sensor clock, so sample
 * times come from arrival times on the host clock.
 */
import { WITMOTION_NOTIFY_CHAR_UUID, WITMOTION_SERVICE_UUID, WITMOTION_WRITE_CHAR_UUID } from '../../sensor-protocol/witmotion/witmotion-gatt';
import { WITMOTION_COMMAND_GAP_S, witmotionSetRateSequence, WITMOTION_SUPPORTED_RATES_HZ } from '../../sensor-protocol/witmotion/witmotion-commands';
import { WitmotionStreamParser } from '../../sensor-protocol/witmotion/witmotion-stream';
import { toNobleUuid } from '../../sensor-protocol/gatt/gatt-profile';
import type { NoblePeripheral } from './noble-types';
import type { Scheduler } from './scheduler';
import { LinkError } from './roller-link';
import type { SensorLink, SensorLinkHandlers } from './sensor-link';

export async function openWitmotionLink(peripheral: NoblePeripheral, parser: WitmotionStreamParser | null, sampleRateHz: number, clock: Scheduler, on: SensorLinkHandlers): Promise<SensorLink> {
  const { characteristics } = await peripheral.discoverSomeServicesAndCharacteristicsAsync(
    [toNobleUuid(WITMOTION_SERVICE_UUID)],
    [toNobleUuid(WITMOTION_NOTIFY_CHAR_UUID), toNobleUuid(WITMOTION_WRITE_CHAR_UUID)],
  );
  const notify = characteristics.find((c) => c.uuid === toNobleUuid(WITMOTION_NOTIFY_CHAR_UUID));
  const write = characteristics.find((c) => c.uuid === toNobleUuid(WITMOTION_WRITE_CHAR_UUID));
  if (!notify || !write) throw new LinkError('the WitMotion unit does not offer its data characteristics (ffe4 / ffe9)');

  let sequence = witmotionSetRateSequence(sampleRateHz);
  if (!sequence.ok) {
    const below = WITMOTION_SUPPORTED_RATES_HZ.filter((r) => r <= sampleRateHz);
    const fallback = below.length > 0 ? Math.max(...below) : Math.min(...WITMOTION_SUPPORTED_RATES_HZ);
    on.note(`WitMotion units cannot stream at ${sampleRateHz} Hz; using ${fallback} Hz.`);
    sequence = witmotionSetRateSequence(fallback);
  }
  if (!sequence.ok) throw new LinkError(sequence.message);
  const rateHz = sequence.rateHz;
  const stream = parser ?? new WitmotionStreamParser({ nominalRateHz: rateHz });
  let samplesSeen = 0;
  const onData = (data: Buffer) => {
    on.raw(data);
    const { records, rejections } = stream.push(data, clock.nowMs() / 1000);
    const samples = [];
    for (const r of records) if (r.kind === 'sample') samples.push(r.sample);
    for (const j of rejections) on.rejected(j.reason, 'message' in j ? String(j.message) : j.reason);
    samplesSeen += samples.length;
    if (samples.length > 0) on.samples(samples);
  };
  notify.on('data', onData);
  await notify.subscribeAsync();

  for (const cmd of sequence.commands) {
    await write.writeAsync(Buffer.from(cmd), true);
    await new Promise<void>((resolve) => clock.setTimeout(resolve, WITMOTION_COMMAND_GAP_S * 1000));
  }
  // Check the unit took the rate: count samples over a second.
  const before = samplesSeen;
  await new Promise<void>((resolve) => clock.setTimeout(resolve, 1000));
  const measured = samplesSeen - before;
  if (measured < rateHz * 0.6) on.note(`The WitMotion unit sends about ${measured} samples/s, not the ${rateHz} Hz asked for: it may not support that rate.`);

  return {
    description: `WitMotion sensor: ${rateHz} Hz`,
    sampleRateHz: rateHz,
    info: { firmwareVersion: null, requestedRateHz: sampleRateHz, samplesPerFrame: null, mtu: peripheral.mtu ?? null, accelRangeG: null, gyroRangeDps: null, clock: 'host' },
    config: null,
    async close() {
      notify.removeListener('data', onData);
      if (peripheral.state === 'connected') await notify.unsubscribeAsync().catch(() => undefined);
    },
    async identify() {
      on.note('WitMotion units have no identify light.');
    },
  };
}
