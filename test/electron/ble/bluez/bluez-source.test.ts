/**
 * The app's Bluetooth source on BlueZ over a real dbus-daemon (Debian's `dbus`), against the
 * fake BlueZ serving the simulated sensors: scan → connect → config → a minute of
 * notifications at 100 and 200 Hz with every sample in order; a drop-out → one reconnect, one
 * gap, nothing lost; every adapter condition → its message; WitMotion over the same path.
 * The fake's clock runs ×20, so a simulated minute takes about three seconds.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { DBUS_DAEMON_MISSING, startPrivateBus } from '../../../../electron/ble/fake-bluez';
import type { SimulatedRollerPeripheral } from '../../../../electron/ble/sim-peripheral';
import { connectFirst, holes, inOrder, spanS, startRig, until, type Rig } from './bluez-harness';

beforeAll(() => {
  // Never skipped: without the daemon these tests fail and say what to install.
  try {
    execFileSync('dbus-daemon', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(DBUS_DAEMON_MISSING);
  }
});

async function withRig(options: Parameters<typeof startRig>[0], body: (rig: Rig) => Promise<void>): Promise<void> {
  const rig = await startRig(options);
  try {
    await body(rig);
  } finally {
    await rig.stop();
  }
}

describe('BlueZ over D-Bus: streaming', () => {
  for (const rateHz of [100, 200]) {
    it(`scan → connect → config → 60 s at ${rateHz} Hz, every sample in order`, async () => {
      await withRig({ sampleRateHz: rateHz, peripherals: [{ kind: 'roller', scenario: 'good-slow-session' }] }, async (rig) => {
        await connectFirst(rig);
        const listed = rig.source.deviceList[0]!;
        expect(listed).toMatchObject({ name: 'Roller', kind: 'roller', batteryPercent: 95 });
        expect(listed.rssiDbm).toBeLessThan(-40);
        expect(rig.source.linkConfig?.sampleRateHz).toBe(rateHz);
        expect(rig.source.linkInfo?.mtu).toBe(247);
        await until('60 s of samples', () => spanS(rig.samples) >= 60, 60_000);
        expect(rig.samples.length).toBeGreaterThanOrEqual(60 * rateHz);
        expect(inOrder(rig.samples)).toBe(true);
        expect(holes(rig.samples, rateHz)).toBe(0);
        expect(rig.gaps).toEqual([]);
        expect(rig.source.counters.rejected).toBe(0);
      });
    });
  }

  it('drop-out → reconnects by itself, one marked gap, nothing received lost', async () => {
    await withRig({ peripherals: [{ kind: 'roller', scenario: 'good-slow-session' }] }, async (rig) => {
      await connectFirst(rig);
      await until('5 s of samples', () => spanS(rig.samples) >= 5);
      const before = rig.samples.length;
      (rig.session.peripherals[0] as SimulatedRollerPeripheral).dropOut(3);
      await until('the reconnect', () => rig.source.counters.reconnects === 1 && rig.source.connection.name === 'streaming');
      await until('samples after the reconnect', () => rig.samples.length > before + 500);
      expect(rig.states.map((s) => s.name)).toContain('reconnecting');
      expect(rig.gaps).toHaveLength(1);
      expect(rig.gaps[0]!.cause).toBe('link-lost');
      expect(inOrder(rig.samples)).toBe(true);
      expect(holes(rig.samples, 100)).toBe(1);
    });
  });

  it('a remembered sensor is reconnected on the next start', async () => {
    await withRig({ cachedDevices: true }, async (rig) => {
      const id = await connectFirst(rig);
      expect(rig.source.linkedSensor).toMatchObject({ id, kind: 'roller' });
    });
  });

  it('WitMotion over the same path', async () => {
    await withRig({ sampleRateHz: 200, peripherals: [{ kind: 'witmotion', scenario: 'good-slow-session' }] }, async (rig) => {
      await connectFirst(rig);
      expect(rig.source.deviceList[0]).toMatchObject({ kind: 'witmotion' });
      await until('10 s of samples', () => spanS(rig.samples) >= 10, 30_000);
      expect(rig.source.linkDescription).toMatch(/WitMotion/i);
      expect(inOrder(rig.samples)).toBe(true);
    });
  });
});

describe('BlueZ over D-Bus: every adapter condition has its message', () => {
  it('adapter powered off, then turned off while streaming', async () => {
    await withRig({ powered: false }, async (rig) => {
      await until('the adapter state', () => rig.source.adapter.state !== 'unknown');
      expect(rig.source.adapter).toMatchObject({ state: 'poweredOff', message: 'Bluetooth is off' });
      expect(rig.source.adapter.fix).toContain('bluetoothctl power on');
      rig.session.fake!.setPowered(true);
      await connectFirst(rig);
      rig.session.fake!.setPowered(false);
      await until('power off seen', () => rig.source.adapter.state === 'poweredOff');
      await until('the link lost', () => rig.source.connection.name !== 'streaming');
    });
  });

  it('adapter blocked (rfkill)', async () => {
    await withRig({ blocked: true }, async (rig) => {
      await until('the adapter state', () => rig.source.adapter.state !== 'unknown');
      expect(rig.source.adapter.state).toBe('poweredOff');
      expect(rig.source.adapter.message).toContain('blocked');
      expect(rig.source.adapter.fix).toContain('rfkill unblock bluetooth');
    });
  });

  it('no adapter', async () => {
    await withRig({ adapter: false }, async (rig) => {
      await until('the adapter state', () => rig.source.adapter.state !== 'unknown');
      expect(rig.source.adapter.state).toBe('unavailable');
      expect(rig.source.adapter.message).toContain('no Bluetooth adapter');
    });
  });

  it('BlueZ not running (nobody owns org.bluez)', async () => {
    await withRig({ bluez: false }, async (rig) => {
      await until('the adapter state', () => rig.source.adapter.state !== 'unknown');
      expect(rig.source.adapter.state).toBe('unavailable');
      expect(rig.source.adapter.message).toContain('BlueZ) is not running');
      expect(rig.source.adapter.fix).toContain('systemctl enable --now bluetooth');
      expect(rig.source.adapter.detail).toContain('ServiceUnknown');
    });
  });

  it('access refused by the D-Bus policy', async () => {
    await withRig({ policy: 'deny-bluez' }, async (rig) => {
      await until('the adapter state', () => rig.source.adapter.state !== 'unknown');
      expect(rig.source.adapter.state).toBe('unauthorized');
      expect(rig.source.adapter.message).toContain('D-Bus policy');
      expect(rig.source.adapter.fix).toContain('bluetooth` group');
      expect(rig.source.adapter.fix).not.toContain('setcap');
    });
  });

  it('the sensor connected elsewhere', async () => {
    await withRig({ cachedDevices: true, connectAttemptMs: 2_000 }, async (rig) => {
      const sensor = rig.session.peripherals[0]!;
      rig.session.fake!.holdElsewhere(sensor.id);
      await until('the adapter to be on', () => rig.source.adapter.state === 'poweredOn');
      await until('the cached sensor listed', () => rig.source.deviceList.length > 0);
      await rig.source.connect(sensor.id);
      const state = rig.source.connection;
      expect(state.name).toBe('lost');
      expect(state.name === 'lost' && state.reason).toContain('connected to another device');
    });
  });

  it('dbus-daemon missing: says what to install', async () => {
    await expect(startPrivateBus('allow', 'dbus-daemon-that-is-not-installed')).rejects.toThrow('apt-get install -y dbus');
  });
});
