/**
 * The Bluetooth path under load, on the real clock: the simulated Roller sensor on simulated
 * noble bindings → BleSensorSource (noble object model, frame decoder) → motion engine.
 * - latency from a notification reaching the app to the engine having processed its samples
 *   (and to the engine's coaching event, for notifications that raised one), p50 / p99;
 * - sustained streaming at 400 Hz: does the app keep up (no growing backlog)?
 */
import { BleSensorSource } from '../../electron/ble/ble-sensor-source';
import { realScheduler } from '../../electron/ble/scheduler';
import { createSimulatedNoble } from '../../electron/ble/sim-peripheral';
import { MotionEngine } from '../../electron/motion/motion-engine';
import { percentile } from './event-matching';

export interface BleStreamReport {
  rateHz: number;
  seconds: number;
  notifications: number;
  samples: number;
  expectedSamples: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  eventLatencyP50Ms: number;
  eventLatencyP99Ms: number;
  events: number;
  /** Wall time minus sensor time, at the start and at the end of the run: growth = backlog. */
  lagStartMs: number;
  lagEndMs: number;
}

export async function runBleStreamBench(rateHz: number, seconds: number, scenario = 'too-fast'): Promise<BleStreamReport> {
  const sim = createSimulatedNoble({ scheduler: realScheduler, peripherals: [{ kind: 'roller', scenario }] });
  const source = new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler: realScheduler, sampleRateHz: rateHz });
  const latencies: number[] = [];
  const eventLatencies: number[] = [];
  let arrival = 0;
  let eventRaised = false;
  const engine = new MotionEngine({ rollerDiameterIn: 6 }, { event: () => (eventRaised = true) });
  let samples = 0;
  let notifications = 0;
  let firstWall: number | null = null;
  let firstSensor = 0;
  const lags: number[] = [];
  source.on('raw', () => {
    arrival = performance.now();
    notifications++;
  });
  source.on('samples', (batch) => {
    eventRaised = false;
    for (const s of batch) engine.push(s);
    const now = performance.now();
    latencies.push(now - arrival);
    if (eventRaised) eventLatencies.push(now - arrival);
    samples += batch.length;
    const t = batch[batch.length - 1]!.tS;
    if (firstWall === null) {
      firstWall = now;
      firstSensor = t;
    }
    lags.push(now - firstWall - (t - firstSensor) * 1000);
  });
  source.start();
  await until(() => source.adapter.state === 'poweredOn');
  await source.startScan();
  await until(() => source.deviceList.length > 0);
  await source.connect(source.deviceList[0]!.id);
  await until(() => source.connection.name === 'streaming');
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await source.dispose();
  sim.dispose();
  const head = lags.slice(0, Math.max(1, Math.floor(lags.length * 0.1)));
  const tail = lags.slice(-Math.max(1, Math.floor(lags.length * 0.1)));
  const median = (v: number[]) => percentile(v, 0.5);
  return {
    rateHz,
    seconds,
    notifications,
    samples,
    expectedSamples: rateHz * seconds,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    eventLatencyP50Ms: percentile(eventLatencies, 0.5),
    eventLatencyP99Ms: percentile(eventLatencies, 0.99),
    events: eventLatencies.length,
    lagStartMs: median(head),
    lagEndMs: median(tail),
  };
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('the simulated sensor did not come up');
    await new Promise((r) => setTimeout(r, 20));
  }
}
