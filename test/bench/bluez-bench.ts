/**
 * The D-Bus path under load: the fake BlueZ on a private dbus-daemon → BlueZ bindings → noble →
 * BleSensorSource → motion engine, in one process.
 * - latency from the fake sending a notification (`Value` change) to the engine having
 *   processed its samples, p50 / p99, at 100 Hz on the real clock;
 * - the highest sustained sample rate with nothing lost: a 400 Hz sensor on a clock scaled
 *   ×1, ×2, ×5… until samples go missing or the app falls behind.
 */
import { BleSensorSource } from '../../electron/ble/ble-sensor-source';
import { loadBluezNoble } from '../../electron/ble/bluez/bluez-noble';
import { startFakeBluezSession } from '../../electron/ble/fake-bluez';
import { realScheduler } from '../../electron/ble/scheduler';
import { MotionEngine } from '../../electron/motion/motion-engine';
import { percentile } from './event-matching';
import { IMU_STREAM_CHAR_UUID, toNobleUuid } from '../../sensor-protocol/gatt/gatt-profile';

const IMU = toNobleUuid(IMU_STREAM_CHAR_UUID);

export interface BluezRun {
  rateHz: number;
  speed: number;
  samples: number;
  expectedSamples: number;
  holes: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Wall time minus sensor time (scaled), growth from start to end: a backlog. */
  lagGrowthMs: number;
}

export async function runBluezStream(rateHz: number, speed: number, sensorSeconds: number): Promise<BluezRun> {
  const sent: number[] = [];
  const session = await startFakeBluezSession({ speed, peripherals: [{ kind: 'roller', scenario: 'good-slow-session' }], onNotificationSent: (uuid) => uuid === IMU && sent.push(performance.now()) });
  process.env.DBUS_SYSTEM_BUS_ADDRESS = session.address;
  const load = loadBluezNoble();
  const source = new BleSensorSource({ loadNoble: () => load, scheduler: realScheduler, sampleRateHz: rateHz });
  const engine = new MotionEngine({ rollerDiameterIn: 6 });
  const latencies: number[] = [];
  let raw = 0;
  let samples = 0;
  let holes = 0;
  let lastT: number | null = null;
  let first: { wall: number; t: number } | null = null;
  const lags: number[] = [];
  source.on('raw', () => raw++);
  source.on('samples', (batch) => {
    for (const s of batch) engine.push(s);
    const now = performance.now();
    const sentAt = sent[raw - 1];
    if (sentAt !== undefined) latencies.push(now - sentAt);
    for (const s of batch) {
      if (lastT !== null && s.tS - lastT > 1.5 / rateHz) holes++;
      lastT = s.tS;
    }
    samples += batch.length;
    first ??= { wall: now, t: batch[0]!.tS };
    lags.push(now - first.wall - ((batch[batch.length - 1]!.tS - first.t) * 1000) / speed);
  });
  try {
    source.start();
    await until(() => source.adapter.state === 'poweredOn');
    await source.startScan();
    await until(() => source.deviceList.length > 0);
    await source.connect(source.deviceList[0]!.id);
    await until(() => source.connection.name === 'streaming');
    await until(() => first !== null && lastT !== null && lastT - first.t >= sensorSeconds, (sensorSeconds / speed) * 3000 + 10_000).catch(() => undefined);
  } finally {
    await source.dispose();
    if (load.ok) load.dispose?.();
    await session.stop();
  }
  const span = first && lastT !== null ? lastT - (first as { t: number }).t : 0;
  const head = lags.slice(0, Math.max(1, Math.floor(lags.length / 10)));
  const tail = lags.slice(-Math.max(1, Math.floor(lags.length / 10)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    rateHz,
    speed,
    samples,
    expectedSamples: Math.round(span * rateHz) + 1,
    holes,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    lagGrowthMs: lags.length > 0 ? mean(tail) - mean(head) : Number.NaN,
  };
}

async function until(cond: () => boolean, maxMs = 10_000): Promise<void> {
  const end = performance.now() + maxMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error('bench: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Speeds tried for the sustained-rate search, with a 400 Hz sensor. */
export const BLUEZ_SPEEDS = [1, 2, 5, 10, 20, 40] as const;
