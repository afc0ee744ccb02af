// @vitest-environment happy-dom
/** The Pair screen: Bluetooth's condition, scanning, the sensor list, the connection and the simulated roller. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdapterInfo, Connection, Device } from '../../../../renderer/bridge/contract';
import { PairScreen } from '../../../../renderer/features/pair/PairScreen';
import { snapshotFixture } from '../../app/fixtures';
import { renderWithServices } from '../../support/render-with-services';

const on: AdapterInfo = { state: 'poweredOn', message: '', fix: '' };
const idle: Connection = { name: 'idle', source: null, description: null, batteryPercent: null };
const scanning: Connection = { ...idle, name: 'scanning' };
const OK = { ok: true } as const;
const device = (over: Partial<Device>): Device => ({ id: 'x', name: 'Roller', kind: 'roller', rssiDbm: -70, batteryPercent: 80, remembered: false, ...over });

function pair(over: Parameters<typeof snapshotFixture>[0] = {}) {
  return renderWithServices(<PairScreen />, {
    snapshot: snapshotFixture({ adapter: on, ...over }),
    answers: { 'sensors.scan': OK, 'sensors.connect': OK, 'sensors.useSimulated': OK, 'sensors.useReplay': OK },
  });
}

describe('PairScreen: Bluetooth', () => {
  it('with the adapter on: says so, Scan asks for a scan', async () => {
    const { user, bridge } = pair();
    expect(screen.getByTestId('adapter-state').dataset.state).toBe('poweredOn');
    expect(screen.getByTestId('adapter-state').textContent).toBe('Bluetooth is on.');
    await user.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(bridge.paramsOf('sensors.scan')).toEqual([{ on: true }]));
  });

  it('with the adapter unavailable: the message, its fix with commands as code, Scan disabled, the simulated roller first', () => {
    pair({ adapter: { state: 'unavailable', message: 'Bluetooth unavailable: EAFNOSUPPORT', fix: 'Run `sudo systemctl start bluetooth`, then try again.' } });
    const notice = screen.getByTestId('adapter-state');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('Bluetooth unavailable: EAFNOSUPPORT');
    expect(notice.textContent).toContain('What to do: Run sudo systemctl start bluetooth, then try again.');
    expect(notice.querySelector('code')?.textContent).toBe('sudo systemctl start bluetooth');
    expect(notice.textContent).toContain('The simulated roller works without Bluetooth.');
    expect(screen.getByTestId<HTMLButtonElement>('scan-button').disabled).toBe(true);
    expect(screen.getByTestId('use-simulated').className).toContain('btn--primary');
  });

  it('while scanning: Stop scan instead of Scan, and an empty list says to switch the sensor on', async () => {
    const { user, bridge } = pair({ connection: scanning });
    expect(screen.queryByTestId('scan-button')).toBeNull();
    expect(screen.getByTestId('device-list-empty').textContent).toBe('No sensors found yet. Switch the sensor on and keep it close.');
    await user.click(screen.getByTestId('stop-scan-button'));
    await waitFor(() => expect(bridge.paramsOf('sensors.scan')).toEqual([{ on: false }]));
  });

  it("shows what the sources said: a failed scan, that data went missing (in plain words), the sensor's own error", () => {
    const { unmount } = pair();
    expect(screen.queryByTestId('source-notes')).toBeNull();
    unmount();
    pair({
      source: {
        notes: ['Scanning failed: Operation not permitted'],
        samples: 900,
        rejectedFrames: 2,
        lastRejected: 'bad CRC',
        gaps: 1,
        reconnects: 0,
        status: { state: 'error', error: 'low-battery', firmwareVersion: '1.0.0', droppedSamples: 0 },
      },
    });
    const notes = screen.getByTestId('source-notes');
    expect(notes.getAttribute('role')).toBe('status');
    expect(within(notes).getByRole('list', { name: 'Notes from the sensor' }).textContent).toBe('Scanning failed: Operation not permitted');
    expect(notes.textContent).toContain('The sensor reports a low battery.');
    expect(notes.textContent).toContain('Some motion data from the sensor went missing or could not be read. Sensor check shows how much.');
    // The counts and the technical reason are the Sensor check's.
    expect(notes.textContent).not.toMatch(/bad CRC|\b2 messages\b|1 gap/);
  });

  it('plays a chosen recording live: its name and text go to main; an empty file is refused here', async () => {
    const { user, bridge } = pair();
    const csv = 't_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n';
    await user.upload(screen.getByTestId<HTMLInputElement>('replay-file'), new File([csv], 'evening.csv', { type: 'text/csv' }));
    await waitFor(() => expect(bridge.paramsOf('sensors.useReplay')).toEqual([{ fileName: 'evening.csv', text: csv }]));
    await user.upload(screen.getByTestId<HTMLInputElement>('replay-file'), new File([], 'empty.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByTestId('pair-error').textContent).toContain('empty.csv: the file is empty'));
    expect(bridge.paramsOf('sensors.useReplay')).toHaveLength(1);
  });

  it('not scanning with no sensors: says to press Scan', () => {
    pair();
    expect(screen.getByTestId('device-list-empty').textContent).toBe('No sensors in the list. Press Scan to look for one.');
    expect(screen.getByTestId('device-list').children).toHaveLength(0);
  });
});

describe('PairScreen: the sensor list', () => {
  it('lists your sensor first, then by signal, strongest first, each with kind, signal in words and battery', () => {
    pair({
      connection: scanning,
      devices: [
        device({ id: 'far', name: 'Far roller', rssiDbm: -88, batteryPercent: null }),
        device({ id: 'near', name: 'Near WitMotion', kind: 'witmotion', rssiDbm: -55 }),
        device({ id: 'mine', name: 'My roller', rssiDbm: -75, remembered: true }),
      ],
    });
    const rows = screen.getAllByTestId('device-row');
    expect(rows.map((r) => r.dataset.deviceId)).toEqual(['mine', 'near', 'far']);
    expect(within(rows[0]!).getByTestId('remembered-tag').textContent).toBe('★ your sensor');
    expect(rows[1]!.textContent).toContain('WitMotion motion sensor');
    expect(rows[1]!.textContent).toContain('-55 dBm (strong)');
    expect(rows[2]!.textContent).toContain('-88 dBm (weak)');
    expect(rows[2]!.textContent).toContain('battery unknown');
    expect(screen.queryByTestId('device-list-empty')).toBeNull();
  });

  it('Connect asks for that sensor', async () => {
    const devices = [device({ id: 'a', name: 'Roller A' }), device({ id: 'b', name: 'Roller B', rssiDbm: -60 })];
    const { user, bridge } = pair({ devices });
    await user.click(screen.getByRole('button', { name: 'Connect to Roller A' }));
    await waitFor(() => expect(bridge.paramsOf('sensors.connect')).toEqual([{ id: 'a' }]));
  });

  it('shows a sensor being connected to, and one streaming', () => {
    const devices = [device({ id: 'a', name: 'Roller A' })];
    const { unmount } = pair({ devices, connection: { name: 'connecting', deviceId: 'a', source: 'ble', description: 'Roller A', batteryPercent: null } });
    const connecting = screen.getByRole<HTMLButtonElement>('button', { name: 'Connect to Roller A' });
    expect(connecting.textContent).toBe('Connecting…');
    expect(connecting.disabled).toBe(true);
    unmount();
    pair({ devices, connection: { name: 'streaming', deviceId: 'a', source: 'ble', description: 'Roller A', batteryPercent: 64 } });
    expect(within(screen.getByTestId('device-row')).getByText('Connected')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect to Roller A' })).toBeNull();
  });
});

describe('PairScreen: the connection', () => {
  it('streaming from a sensor: its state with battery, and Check sensor / Identify / Disconnect / Forget', async () => {
    const { user, bridge, nav } = renderWithServices(<PairScreen />, {
      snapshot: snapshotFixture({ adapter: on, connection: { name: 'streaming', deviceId: 'a', source: 'ble', description: 'Roller A', batteryPercent: 64 } }),
      answers: { 'sensors.identify': OK, 'sensors.disconnect': OK, 'sensors.forget': OK },
    });
    const detail = screen.getByTestId('pair-connection-detail');
    expect(detail.dataset.state).toBe('streaming');
    expect(detail.textContent).toBe('Sensor streaming — Receiving motion from Roller A. (battery 64 %)');
    await user.click(screen.getByTestId('identify-button'));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('disconnect-button').disabled).toBe(false));
    await user.click(screen.getByTestId('disconnect-button'));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('forget-button').disabled).toBe(false));
    await user.click(screen.getByTestId('forget-button'));
    await waitFor(() => expect(bridge.calls.map((c) => c.name)).toEqual(['sensors.identify', 'sensors.disconnect', 'sensors.forget']));
    await user.click(screen.getByTestId('check-sensor-button'));
    expect(nav.go).toHaveBeenCalledWith('sensor');
  });

  it('says why a request failed', async () => {
    const { user } = renderWithServices(<PairScreen />, {
      snapshot: snapshotFixture({ adapter: on }),
      answers: { 'sensors.scan': () => Promise.reject(new Error('Bluetooth is off')) },
    });
    await user.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(screen.getByTestId('pair-error').textContent).toBe('⚠ Bluetooth is off'));
  });

  it('no sensor: only the idle state, no sensor buttons', () => {
    pair();
    expect(screen.getByTestId('pair-connection-detail').textContent).toBe('No sensor — Not connected. Pair a sensor or use the simulated roller.');
    for (const id of ['check-sensor-button', 'identify-button', 'disconnect-button', 'forget-button']) expect(screen.queryByTestId(id)).toBeNull();
  });
});

describe('PairScreen: the simulated roller', () => {
  it('plays the chosen session', async () => {
    const { user, bridge } = pair({ simulatedScenarios: ['ten-minute-mixed', 'guided-session'] });
    const select = screen.getByTestId<HTMLSelectElement>('simulated-scenario');
    expect(select.value).toBe('ten-minute-mixed');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Ten minute mixed', 'Guided session']);
    await user.selectOptions(select, 'guided-session');
    await user.click(screen.getByTestId('use-simulated'));
    await waitFor(() => expect(bridge.paramsOf('sensors.useSimulated')).toEqual([{ scenario: 'guided-session' }]));
  });

  it('while it runs: says so and offers another session instead', () => {
    pair({ connection: { name: 'streaming', source: 'simulated', description: null, batteryPercent: null } });
    expect(screen.getByTestId('simulated-active').textContent).toBe('The simulated roller is running.');
    expect(screen.getByTestId('use-simulated').textContent).toBe('Play this session instead');
    expect(screen.getByTestId('disconnect-button')).toBeTruthy();
  });
});
