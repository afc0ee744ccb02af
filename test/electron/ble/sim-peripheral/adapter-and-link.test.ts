import { describe, expect, it } from 'vitest';
import { encodeSensorConfig, DEFAULT_SENSOR_CONFIG } from '../../../../sensor-protocol/gatt/sensor-config';
import type { AttErrorEvent, SimulatedRollerPeripheral } from '../../../../electron/ble/sim-peripheral/index';
import { ATT_ERROR } from '../../../../electron/ble/sim-peripheral/index';
import { ROLLER_SERVICE, connectRoller, findPeripheral, harness, poweredOn, scan } from './noble-harness';

describe('simulated adapter', () => {
  it('reports poweredOff, and noble refuses to scan', async () => {
    const h = harness({ adapterState: 'poweredOff' });
    expect(await poweredOn(h)).toBe('poweredOff');
    await expect(h.run(h.noble.startScanningAsync([ROLLER_SERVICE], false))).rejects.toThrow(/state is poweredOff/);
  });

  it('reports unauthorized and unsupported adapters', async () => {
    for (const adapterState of ['unauthorized', 'unsupported'] as const) {
      const h = harness({ adapterState });
      expect(await poweredOn(h)).toBe(adapterState);
    }
  });

  it('switching the adapter off drops the connection and the scan; on again, everything works', async () => {
    const h = harness();
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id);
    await h.run(p.connectAsync());
    const states: string[] = [];
    const reasons: unknown[] = [];
    h.noble.on('stateChange', (s: string) => states.push(s));
    p.on('disconnect', (r: unknown) => reasons.push(r));
    h.bindings.setAdapterState('poweredOff');
    await h.scheduler.advanceByAsync(50);
    expect(states).toEqual(['poweredOff']);
    expect(reasons).toEqual(['connection terminated by local host']);
    expect(p.state).toBe('disconnected');
    h.bindings.setAdapterState('poweredOn');
    await h.scheduler.advanceByAsync(50);
    expect(states).toEqual(['poweredOff', 'poweredOn']);
    expect((await scan(h, [ROLLER_SERVICE])).map((x) => x.id)).toEqual([roller.id]);
  });

  it('reports HCI reason codes when asked to, as hci-socket does', async () => {
    const h = harness({ disconnectReason: 'hci-code' });
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id);
    await h.run(p.connectAsync());
    const reason = new Promise((resolve) => p.once('disconnect', resolve));
    roller.dropOut(1);
    expect(await h.run(reason)).toBe(0x08);
  });
});

describe('simulated link, like a real stack', () => {
  it('never answers an operation on a peripheral that is not connected, and never crashes', async () => {
    const h = harness();
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    const warnings: string[] = [];
    h.bindings.on('warning', (m: string) => warnings.push(m));
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id);
    const gatt = await connectRoller(h, p);
    await h.run(p.disconnectAsync());
    expect(p.state).toBe('disconnected');
    await expect(h.run(gatt.config.readAsync(), 5000)).rejects.toThrow(/still pending/);
    await expect(h.run(gatt.imu.subscribeAsync(), 5000)).rejects.toThrow(/still pending/);
    await expect(h.run(p.discoverServicesAsync([]), 5000)).rejects.toThrow(/still pending/);
    expect(warnings.filter((w) => /not connected/.test(w))).toHaveLength(3);
    // Disconnecting what is not connected settles at once.
    await h.run(p.disconnectAsync());
    // …and the peripheral can be used again after a new connection and discovery.
    const again = await connectRoller(h, p);
    expect((await h.run(again.config.readAsync())).length).toBe(7);
  });

  it('answers a bad configuration write with an ATT error (the write never completes, as with hci-socket)', async () => {
    const h = harness();
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    const errors: AttErrorEvent[] = [];
    h.bindings.on('attError', (_id: string, _svc: string, _char: string, e: AttErrorEvent) => errors.push(e));
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id));
    await expect(h.run(gatt.config.writeAsync(Buffer.from([1, 100, 0]), false), 2000)).rejects.toThrow(/still pending/);
    const wrongVersion = Buffer.from(encodeSensorConfig(DEFAULT_SENSOR_CONFIG));
    wrongVersion[0] = 9;
    await expect(h.run(gatt.config.writeAsync(wrongVersion, false), 2000)).rejects.toThrow(/still pending/);
    await expect(h.run(gatt.control.writeAsync(Buffer.from([0x7f]), false), 2000)).rejects.toThrow(/still pending/);
    expect(errors.map((e) => [e.operation, e.code])).toEqual([
      ['write', ATT_ERROR.invalidAttributeValueLength],
      ['write', ATT_ERROR.valueNotAllowed],
      ['write', ATT_ERROR.valueNotAllowed],
    ]);
    expect(roller.sensorConfig).toEqual(DEFAULT_SENSOR_CONFIG);
    // A read that is not permitted completes with no data.
    expect((await h.run(gatt.control.readAsync())).length).toBe(0);
    expect(errors.at(-1)).toMatchObject({ operation: 'read', code: ATT_ERROR.readNotPermitted });
  });

  it('waits with a connect until an out-of-range peripheral advertises again, and can cancel one', async () => {
    const h = harness();
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const p = await findPeripheral(h, roller.id);
    roller.dropOut(3);
    const connectedAt = h.run(p.connectAsync().then(() => h.scheduler.nowMs()));
    const start = h.scheduler.nowMs();
    expect((await connectedAt) - start).toBeGreaterThanOrEqual(3000);
    await h.run(p.disconnectAsync());

    roller.dropOut(3);
    let settled = false;
    const attempt = p.connectAsync().then(
      () => (settled = true),
      () => (settled = true),
    );
    await h.scheduler.advanceByAsync(500);
    p.cancelConnect();
    await expect(attempt).resolves.toBe(true); // noble itself fails the pending connect
    await h.scheduler.advanceByAsync(5000);
    expect(h.bindings.isConnected(roller.id)).toBe(false);
    expect(settled).toBe(true);
  });

  it('supports discovering descriptors and subscribing through the CCCD', async () => {
    const h = harness();
    const roller = h.peripherals[0] as SimulatedRollerPeripheral;
    await poweredOn(h);
    const gatt = await connectRoller(h, await findPeripheral(h, roller.id));
    const descriptors = await h.run(gatt.status.discoverDescriptorsAsync());
    expect(descriptors.map((d) => d.uuid)).toEqual(['2902']);
    const cccd = descriptors[0]!;
    expect([...(await h.run(cccd.readValueAsync()))]).toEqual([0, 0]);
    await h.run(cccd.writeValueAsync(Buffer.from([1, 0])));
    expect(roller.gatt.isSubscribed(ROLLER_SERVICE, gatt.status.uuid)).toBe(true);
  });

  it('lists the standard GAP and GATT services too on a full discovery', async () => {
    const h = harness({ peripherals: [{ kind: 'roller', localName: 'Roller 2' }] });
    await poweredOn(h);
    const p = await findPeripheral(h, h.peripherals[0]!.id);
    expect(p.advertisement.localName).toBe('Roller 2');
    await h.run(p.connectAsync());
    const { services, characteristics } = await h.run(p.discoverAllServicesAndCharacteristicsAsync());
    expect(services.map((s) => s.uuid)).toEqual(['1800', '1801', ROLLER_SERVICE, '180f', '180a']);
    const name = characteristics.find((c) => c.uuid === '2a00')!;
    expect((await h.run(name.readAsync())).toString()).toBe('Roller 2');
  });
});
