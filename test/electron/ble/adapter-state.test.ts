import { describe, expect, it } from 'vitest';
import { adapterStateName, describeAdapterState } from '../../../electron/ble/adapter-state';
import { adapterFromLoadError, bleBindingsChoice, forgetSystemNoble, loadSystemNoble, tryLoad } from '../../../electron/ble/noble-loader';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('adapter state', () => {
  it('turns a missing Bluetooth socket into "unavailable" with a fix, per OS', () => {
    const linux = adapterFromLoadError(err('EAFNOSUPPORT', 'Address family not supported by protocol'), 'linux');
    expect(linux).toMatchObject({ state: 'unavailable', message: 'Bluetooth unavailable: this system has no Bluetooth socket (EAFNOSUPPORT)' });
    expect(linux.fix).toMatch(/bluetoothctl show/);
    expect(adapterFromLoadError(err('EAFNOSUPPORT'), 'win32').fix).toMatch(/Device Manager/);
    expect(adapterFromLoadError(err('EAFNOSUPPORT'), 'darwin').fix).toMatch(/System Settings/);
  });

  it('turns a permission error into "unauthorized" with the capability fix on Linux', () => {
    const a = adapterFromLoadError(err('EPERM'), 'linux');
    expect(a.state).toBe('unauthorized');
    expect(a.fix).toMatch(/setcap cap_net_raw\+eip/);
    expect(a.fix).toContain('BlueZ over D-Bus');
    expect(adapterFromLoadError(err('EACCES'), 'darwin').fix).toMatch(/Privacy & Security → Bluetooth/);
  });

  it('explains every noble state on every platform', () => {
    for (const state of ['poweredOff', 'unauthorized', 'unsupported', 'resetting', 'unknown'] as const) {
      for (const platform of ['linux', 'darwin', 'win32', 'freebsd']) {
        const a = describeAdapterState(state, platform);
        expect(a.message.length).toBeGreaterThan(5);
        expect(a.fix.length).toBeGreaterThan(10);
      }
    }
    expect(describeAdapterState('poweredOn', 'linux')).toEqual({ state: 'poweredOn', message: 'Bluetooth is on', fix: '' });
    expect(describeAdapterState('poweredOff', 'win32').fix).toMatch(/Bluetooth & devices/);
  });

  it('reads unexpected noble states as unknown', () => {
    expect(adapterStateName('poweredOn')).toBe('poweredOn');
    expect(adapterStateName('weird')).toBe('unknown');
    expect(adapterStateName('unavailable')).toBe('unknown');
  });
});

describe('noble loader', () => {
  it('never throws: a loader that throws becomes an adapter state', () => {
    expect(
      tryLoad('linux', () => {
        throw err('EAFNOSUPPORT');
      }),
    ).toMatchObject({ ok: false, adapter: { state: 'unavailable' } });
    expect(
      tryLoad('linux', () => {
        throw err('MODULE_NOT_FOUND');
      }),
    ).toMatchObject({ ok: false, adapter: { state: 'unavailable', detail: expect.stringMatching(/reinstall/) } });

    expect(
      tryLoad('linux', () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a module that throws a string
        throw 'a string';
      }),
    ).toMatchObject({ ok: false, adapter: { state: 'unavailable' } });
    expect(tryLoad('linux', () => ({}))).toMatchObject({ ok: false });
  });

  it('loads the system noble lazily, once, and reports this machine without a Bluetooth socket', () => {
    forgetSystemNoble();
    let calls = 0;
    const load = () => {
      calls++;
      throw err('EAFNOSUPPORT', 'Address family not supported by protocol');
    };
    const first = loadSystemNoble('linux', load, 'hci');
    expect(loadSystemNoble('linux', load, 'hci')).toBe(first);
    expect(calls).toBe(1);
    expect(first).toMatchObject({ ok: false, adapter: { state: 'unavailable' } });
    forgetSystemNoble();
  });

  it('Linux takes BlueZ over D-Bus unless ROLLER_BLE_BINDINGS=hci; other systems their native bindings', () => {
    expect(bleBindingsChoice('linux', {})).toBe('dbus');
    expect(bleBindingsChoice('linux', { ROLLER_BLE_BINDINGS: 'hci' })).toBe('hci');
    expect(bleBindingsChoice('linux', { ROLLER_BLE_BINDINGS: 'dbus' })).toBe('dbus');
    expect(bleBindingsChoice('darwin', { ROLLER_BLE_BINDINGS: 'hci' })).toBe('native');
    expect(bleBindingsChoice('win32', {})).toBe('native');
  });

  it('the real module on this machine does not throw out of the loader', () => {
    forgetSystemNoble();
    const r = loadSystemNoble(process.platform, undefined, process.platform === 'linux' ? 'hci' : undefined);
    // With a Bluetooth socket the real noble loads; without one (CI) it is an adapter state.
    if (!r.ok) expect(r.adapter.message).toMatch(/^Bluetooth unavailable/);
    else expect(typeof r.noble.startScanningAsync).toBe('function');
    forgetSystemNoble();
  });
});
