/** The Sensor check's figures in words, and the support report built from the same words. */
import { describe, expect, it } from 'vitest';
import { diagnosticsReport } from '../../../../renderer/features/sensor-check/diagnostics-report';
import { axisText, gapsText, lostText, processingText, rateText, sensorRows, signalText, technicalRows } from '../../../../renderer/features/sensor-check/sensor-check-text';
import { checkFixture, diagnosticsFixture, NO_SENSOR } from './check-fixture';

describe('sensor check text', () => {
  it('the sensor in plain words', () => {
    expect(sensorRows(checkFixture()).map((r) => [r.label, r.value])).toEqual([
      ['Name', 'Roller (simulated)'],
      ['Kind', 'Simulated roller (no hardware)'],
      ['Firmware', '1.0.0'],
      ['Battery', '87 %'],
    ]);
    expect(sensorRows(NO_SENSOR)).toEqual([]);
    const low = sensorRows(checkFixture({ sensor: { name: 'R', kind: 'roller', firmwareVersion: null, batteryPercent: 12 } }));
    expect(low.find((r) => r.id === 'firmware')?.value).toBe('not reported');
    expect(low.find((r) => r.id === 'battery')).toMatchObject({ value: '12 %', warn: true });
  });

  it('the rate measured against the one asked, a shortfall flagged', () => {
    expect(rateText(checkFixture())).toEqual({ value: '100 Hz measured (asked for 100 Hz)', warn: false });
    const c = checkFixture();
    expect(rateText({ ...c, rate: { ...c.rate, measuredHz: 80 } }).warn).toBe(true);
    expect(rateText({ ...c, rate: { ...c.rate, measuredHz: null } }).value).toBe('Measuring… (asked for 100 Hz)');
    expect(rateText({ ...c, rate: { ...c.rate, askedHz: 210, sensorHz: 200, measuredHz: 199 } }).value).toBe('199 Hz measured (asked for 210 Hz; the sensor runs at 200 Hz)');
    expect(rateText(NO_SENSOR).value).toBe('No samples');
  });

  it('lost messages, gaps and reconnects, processing time, signal', () => {
    const c = checkFixture();
    expect(lostText(c)).toEqual({ value: '0 % (0 of 1200 messages)', warn: false });
    expect(lostText({ ...c, link: { ...c.link, frames: 970, lostFrames: 30, lostPercent: 3 } })).toEqual({ value: '3.0 % (30 of 1000 messages)', warn: true });
    expect(lostText({ ...c, link: { ...c.link, lostPercent: null } }).value).toMatch(/^Not counted/);
    expect(gapsText(c)).toBe('No gaps, no reconnects');
    expect(gapsText({ ...c, link: { ...c.link, gaps: 2, reconnects: 1 } })).toBe('2 gaps, 1 reconnect');
    expect(processingText(c)).toBe('under 0.1 ms typical, 0.3 ms at worst (95 %)');
    expect(processingText(NO_SENSOR)).toBe('Not measured yet');
    expect(signalText(c)).toBe('Good (-63 dBm)');
    expect(signalText(NO_SENSOR)).toBe('Not read yet');
  });

  it('the roller axis and how sure the app is', () => {
    expect(axisText(checkFixture())).toEqual({ value: 'The roller turns along the sensor’s Y axis', sure: 'Sure (86 %)' });
    const tilted = checkFixture({ axis: { from: 'session', found: true, sensorAxis: 'x', alignment: 0.75, confidence: 0.55 } });
    expect(axisText(tilted)).toEqual({ value: 'The roller turns closest to the sensor’s X axis (the sensor sits tilted)', sure: 'Fairly sure (55 %)' });
    expect(axisText(NO_SENSOR)).toEqual({ value: 'Not found yet: roll a few slow strokes', sure: 'not found' });
  });

  it('the technical facts, problems flagged', () => {
    const c = checkFixture();
    const rows = technicalRows({ ...c, technical: { ...c.technical, refusedFrames: 3, lastRefused: 'bad CRC', engine: { samples: 10, outOfOrder: 1, gaps: 0, accelRejected: 2 } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.value]))).toMatchObject({
      mtu: '247 bytes',
      'samples-per-frame': '2',
      ranges: '±4 g, ±500 °/s',
      refused: '3 (last: bad CRC)',
      engine: 'samples 10, out of order 1, gaps 0, accel rejected 2',
    });
    expect(rows.find((r) => r.id === 'refused')?.warn).toBe(true);
    expect(technicalRows(NO_SENSOR).map((r) => r.id)).toEqual(['frames', 'samples', 'refused']);
  });
});

describe('diagnosticsReport', () => {
  it('holds the app, the system, Bluetooth, every figure in the screen’s words, the notes and the log lines', () => {
    const text = diagnosticsReport(diagnosticsFixture({ logLines: ['12:00:01 link up', '12:00:05 gap 0.2 s'] }));
    for (const part of [
      'Version: 0.9.0',
      'System: Linux 6.1.0 (x64); Node 20.19.0',
      'Adapter: unavailable: Bluetooth unavailable: EAFNOSUPPORT',
      'Connection: Simulated roller — Receiving motion from Roller sensor (firmware 1.0.0): 100 Hz.',
      'Name: Roller (simulated)',
      'Kind: Simulated roller (no hardware)',
      'Sample rate: 100 Hz measured (asked for 100 Hz)',
      'Rate chosen: 100 Hz (this sensor offers 100 / 200 Hz)',
      'Messages lost: 0 % (0 of 1200 messages)',
      'Signal history (s ago: dBm): 2: -61, 1: -63',
      'Found: The roller turns along the sensor’s Y axis',
      'MTU: 247 bytes',
      '- Roller sensor (firmware 1.0.0): 100 Hz',
      '12:00:05 gap 0.2 s',
    ])
      expect(text).toContain(part);
  });

  it('says plainly when there is no sensor and no log', () => {
    const text = diagnosticsReport(diagnosticsFixture({ check: NO_SENSOR, notes: [], logLines: [] }));
    expect(text).toContain('No sensor connected.');
    expect(text).not.toContain('Sample rate:');
    expect(text).toMatch(/== Support log \(newest lines\) ==\nNone\.\n$/);
  });
});
