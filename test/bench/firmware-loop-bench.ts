/**
 * The firmware core in the loop with the app (test/support/firmware-loop-harness.ts), on the
 * simulated clock: simulated roller → chip model → firmware core → link model → noble →
 * BleSensorSource → motion engine, at 100 and 200 Hz with a 15 and a 30 ms connection interval.
 * - latency from the IMU taking a sample (its firmware timestamp) to the engine having processed
 *   it, p50 / p99: FIFO watermark and 20 ms poll, batching, the link's connection events (the
 *   app's own processing takes no simulated time: see the `ble` section for that);
 * - samples lost per hour: the samples the app's decoder reports missing in gaps.
 */
import { MotionEngine } from '../../electron/motion/motion-engine';
import { percentile } from './event-matching';
import { startLoop } from '../support/firmware-loop-harness';

export interface FirmwareLoopRow {
  rateHz: number;
  intervalMs: number;
  seconds: number;
  samples: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  lostPerHour: number;
  firmwareDropped: number;
}

export async function runFirmwareLoopBench(seconds = Number(process.env.FIRMWARE_LOOP_BENCH_S ?? 300)): Promise<FirmwareLoopRow[]> {
  const rows: FirmwareLoopRow[] = [];
  for (const rateHz of [100, 200]) {
    for (const intervalMs of [15, 30]) {
      const l = await startLoop({ scenario: 'ten-minute-mixed', rateHz, connectionIntervalMs: intervalMs });
      const engine = new MotionEngine({ rollerDiameterIn: 6 });
      const latencies: number[] = [];
      l.source.on('samples', (batch) => {
        for (const s of batch) engine.push(s);
        const processedMs = l.scheduler.nowMs();
        for (const s of batch) latencies.push(processedMs - s.tS * 1000); // the loop clock starts at scheduler 0
      });
      await l.run(seconds * 1000);
      const lost = l.gaps.reduce((sum, g) => sum + (g.missingSamples ?? 0), 0);
      rows.push({
        rateHz,
        intervalMs,
        seconds,
        samples: latencies.length,
        latencyP50Ms: percentile(latencies, 0.5),
        latencyP99Ms: percentile(latencies, 0.99),
        lostPerHour: (lost / seconds) * 3600,
        firmwareDropped: l.roller.counters.samplesDropped,
      });
      await l.dispose();
    }
  }
  return rows;
}

export function formatFirmwareLoopBench(rows: readonly FirmwareLoopRow[]): string {
  const lines = ['Firmware core in the loop (simulated clock; IMU sample time → engine processed)', '  rate    interval  samples   p50 ms  p99 ms  lost/hour  dropped by firmware'];
  for (const r of rows) {
    lines.push(
      `  ${String(r.rateHz).padStart(3)} Hz  ${String(r.intervalMs).padStart(5)} ms  ${String(r.samples).padStart(7)}  ${r.latencyP50Ms.toFixed(1).padStart(7)}  ${r.latencyP99Ms.toFixed(1).padStart(6)}  ${r.lostPerHour.toFixed(0).padStart(9)}  ${String(r.firmwareDropped).padStart(6)}`,
    );
  }
  lines.push(`  (${rows[0]?.seconds ?? 0} s of ten-minute-mixed per row; FIRMWARE_LOOP_BENCH_S sets it; 104 / 208 Hz are the chip's rates)`);
  return lines.join('\n');
}
