/**
 * Drill (Bluetooth source): the sensor drops out again while a reconnect attempt is setting it up
 * (connected, GATT discovery under way). The attempt must fail as soon as the link is reported
 * lost — not after the 10 s setup bound — and its unanswered requests must not hijack the next
 * connection's answers (noble hands a new connection's discovery to every discovery callback
 * still waiting on the same peripheral object).
 */
import { describe, expect, it } from 'vitest';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import { BleSensorSource } from '../../electron/ble/ble-sensor-source';
import type { ConnectionState } from '../../electron/ble/connection-machine';
import { ManualScheduler } from '../../electron/ble/scheduler';
import { createSimulatedNoble, type SimulatedRollerPeripheral } from '../../electron/ble/sim-peripheral';

function setup() {
  const scheduler = new ManualScheduler();
  const sim = createSimulatedNoble({ scheduler, peripherals: [{ kind: 'roller', scenario: 'good-slow-session' }] });
  const roller = sim.peripherals[0] as SimulatedRollerPeripheral;
  const source = new BleSensorSource({ loadNoble: () => ({ ok: true, noble: sim.noble }), scheduler });
  const samples: ImuSample[] = [];
  const states: { atMs: number; state: ConnectionState }[] = [];
  source.on('samples', (s) => samples.push(...s));
  source.on('connection', (state) => states.push({ atMs: scheduler.nowMs(), state }));
  const until = async (cond: () => boolean, maxMs = 60_000) => {
    const end = scheduler.nowMs() + maxMs;
    while (!cond()) {
      if (scheduler.nowMs() >= end) throw new Error(`condition not met within ${maxMs} ms of simulated time`);
      await scheduler.advanceByAsync(20);
    }
  };
  source.start();
  return { scheduler, sim, roller, source, samples, states, until };
}

describe('a drop-out while a reconnect attempt sets the sensor up', () => {
  for (const when of ['connect', 'servicesDiscover'] as const) {
    it(`fails that attempt at once and streams again on the next (drop-out at "${when}")`, async () => {
      const t = setup();
      await t.until(() => t.source.adapter.state === 'poweredOn');
      void t.source.connect('c45243000001');
      await t.until(() => t.samples.length > 300);

      // First drop-out: 2 s away. When the reconnect attempt reaches `when`, the sensor drops out again for 1 s.
      let armed = false;
      let secondAtMs = 0;
      t.sim.bindings.on(when, () => {
        if (!armed) return;
        armed = false;
        secondAtMs = t.scheduler.nowMs();
        t.roller.dropOut(1);
      });
      const firstAtMs = t.scheduler.nowMs();
      t.roller.dropOut(2);
      armed = true;
      await t.until(() => secondAtMs > 0);
      const n = t.samples.length;
      await t.until(() => t.source.connection.name === 'streaming' && t.samples.length > n + 100, 30_000);

      const after = t.states.filter((s) => s.atMs >= firstAtMs).map((s) => s.state);
      const reasons = after.flatMap((s) => ('reason' in s ? [s.reason] : []));
      expect(reasons.some((r) => /timed out/.test(r))).toBe(false);
      expect(reasons.some((r) => /dropped out while being set up/.test(r))).toBe(true);
      // Streaming again within the second outage, the supervision timeout and a couple of backoff steps.
      const back = t.states.find((s) => s.atMs > secondAtMs && s.state.name === 'streaming')!;
      expect(back.atMs - secondAtMs).toBeLessThan(4_000);
      for (let i = 1; i < t.samples.length; i++) expect(t.samples[i]!.tS).toBeGreaterThan(t.samples[i - 1]!.tS);
      await t.scheduler.drive(t.source.dispose());
      t.sim.dispose();
    });
  }
});
