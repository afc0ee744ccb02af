// @vitest-environment happy-dom
/** The Sensor check screen: no sensor, the figures in words, the live raw view, the rate choice, Copy diagnostics, asking only while visible. */
import { act, screen, waitFor } from '@testing-library/react';
import type { Chart } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SensorCheck } from '../../../../renderer/bridge/contract';
import { SensorCheckScreen } from '../../../../renderer/features/sensor-check/SensorCheckScreen';
import { runningSessionFixture, snapshotFixture } from '../../app/fixtures';
import { renderWithServices, stubCanvas } from '../../support/render-with-services';
import { checkFixture, diagnosticsFixture, NO_SENSOR } from './check-fixture';

type ChartCanvas = HTMLCanvasElement & { __chart?: Chart<'line', { x: number; y: number }[]> };

const streaming = snapshotFixture({ connection: { name: 'streaming', source: 'simulated', description: 'Roller sensor (firmware 1.0.0): 100 Hz', batteryPercent: 87 } });

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  setVisibility('visible');
  vi.useRealTimers();
});

describe('SensorCheckScreen', () => {
  it('no sensor: says so plainly and points to Pair', async () => {
    const { user, nav } = renderWithServices(<SensorCheckScreen />, { answers: { 'sensors.check': NO_SENSOR } });
    const none = await screen.findByTestId('sensor-check-none');
    expect(none.textContent).toContain('No sensor is connected');
    expect(screen.queryByTestId('check-rate')).toBeNull();
    await user.click(screen.getByTestId('check-go-pair'));
    expect(nav.go).toHaveBeenCalledWith('pair');
  });

  it('a streaming sensor: what it is, the link, the axis, the technical details, the raw charts fed', async () => {
    stubCanvas();
    renderWithServices(<SensorCheckScreen />, { snapshot: streaming, answers: { 'sensors.check': checkFixture() } });
    expect((await screen.findByTestId('check-rate')).textContent).toBe('Sample rate100 Hz measured (asked for 100 Hz)');
    expect(screen.getByTestId('check-name').textContent).toContain('Roller (simulated)');
    expect(screen.getByTestId('check-kind').textContent).toContain('Simulated roller');
    expect(screen.getByTestId('check-firmware').textContent).toContain('1.0.0');
    expect(screen.getByTestId('check-battery').textContent).toContain('87 %');
    expect(screen.getByTestId('check-lost').textContent).toContain('0 % (0 of 1200 messages)');
    expect(screen.getByTestId('check-gaps').textContent).toContain('No gaps, no reconnects');
    expect(screen.getByTestId('check-signal').textContent).toContain('Good (-63 dBm)');
    expect(screen.getByTestId('signal-chart').querySelector('polyline')?.dataset.points).toBe('2');
    expect(screen.getByTestId('check-axis').textContent).toBe('The roller turns along the sensor’s Y axis');
    expect(screen.getByTestId('check-axis-sure').textContent).toContain('Sure (86 %)');
    expect(screen.getByTestId('technical-details').textContent).toContain('247 bytes');
    const accel = screen.getByTestId<ChartCanvas>('raw-accel-chart');
    expect(accel.__chart?.data.datasets.map((d) => d.data.length)).toEqual([3, 3, 3]);
    expect(accel.__chart?.data.datasets[2]?.data.at(-1)).toEqual({ x: 0, y: 1 });
    const gyro = screen.getByTestId<ChartCanvas>('raw-gyro-chart');
    expect(gyro.__chart?.data.datasets[0]?.data.map((p) => p.y)).toEqual([0, 12, 3]);
  });

  it('the rate choice asks main for 200 Hz and shows its answer; not while a session runs', async () => {
    stubCanvas();
    const at200 = checkFixture({ rate: { askedHz: 200, sensorHz: 200, measuredHz: null, choicesHz: [100, 200], chosenHz: 200 } });
    const { user, bridge, unmount } = renderWithServices(<SensorCheckScreen everyMs={60_000} />, { snapshot: streaming, answers: { 'sensors.check': checkFixture(), 'sensors.setSampleRate': at200 } });
    const r200 = await screen.findByTestId<HTMLInputElement>('rate-choice-200');
    expect(screen.getByTestId<HTMLInputElement>('rate-choice-100').checked).toBe(true);
    await user.click(r200);
    await waitFor(() => expect(bridge.paramsOf('sensors.setSampleRate')).toEqual([{ hz: 200 }]));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('rate-choice-200').checked).toBe(true));
    expect(screen.getByTestId('check-rate').textContent).toContain('Measuring… (asked for 200 Hz)');
    unmount();
    renderWithServices(<SensorCheckScreen />, { snapshot: { ...streaming, session: runningSessionFixture() }, answers: { 'sensors.check': checkFixture() } });
    expect((await screen.findByTestId<HTMLInputElement>('rate-choice-200')).disabled).toBe(true);
    expect(screen.getByText('Stop the session to change the rate.')).toBeTruthy();
  });

  it('Copy diagnostics copies the plain-text report with the log lines main gave', async () => {
    stubCanvas();
    const copied: string[] = [];
    const { user } = renderWithServices(<SensorCheckScreen copyText={async (t) => void copied.push(t)} />, {
      snapshot: streaming,
      answers: { 'sensors.check': checkFixture(), 'sensors.diagnostics': diagnosticsFixture({ logLines: ['12:00 the last log line'] }) },
    });
    await user.click(await screen.findByTestId('copy-diagnostics'));
    await waitFor(() => expect(screen.getByTestId('copy-status').dataset.copied).toBe('true'));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Sample rate: 100 Hz measured (asked for 100 Hz)');
    expect(copied[0]).toContain('Version: 0.9.0');
    expect(copied[0]).toContain('12:00 the last log line');
    expect(screen.queryByTestId('diagnostics-text')).toBeNull();
  });

  it('a refused clipboard: the report shows to be copied by hand', async () => {
    const { user } = renderWithServices(<SensorCheckScreen copyText={() => Promise.reject(new Error('denied'))} />, {
      answers: { 'sensors.check': NO_SENSOR, 'sensors.diagnostics': diagnosticsFixture({ check: NO_SENSOR }) },
    });
    await user.click(await screen.findByTestId('copy-diagnostics'));
    await waitFor(() => expect(screen.getByTestId('copy-status').dataset.copied).toBe('false'));
    expect(screen.getByTestId<HTMLTextAreaElement>('diagnostics-text').value).toContain('No sensor connected.');
  });

  it('asks once a second while visible, nothing while the window is hidden, and nothing once left', async () => {
    stubCanvas();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let n = 0;
    const answer = (): SensorCheck => checkFixture({ link: { ...checkFixture().link, samples: ++n } });
    const { bridge, unmount } = renderWithServices(<SensorCheckScreen everyMs={1000} />, { snapshot: streaming, answers: { 'sensors.check': answer } });
    const asked = () => bridge.paramsOf('sensors.check').length;
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(asked()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(asked()).toBe(4);
    act(() => setVisibility('hidden'));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(asked()).toBe(4);
    act(() => setVisibility('visible'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(asked()).toBe(5);
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(asked()).toBe(5);
  });
});
